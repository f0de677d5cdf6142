package org.vernissage.app;

import picocli.CommandLine.IVersionProvider;

/**
 * Reports the version the launcher jar was built as.
 *
 * <p>Called by picocli on the main thread.
 */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"Vernissage " + (version == null ? "(development build)" : version)};
    }
}
