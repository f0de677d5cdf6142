package org.vernissage.app;

import org.vernissage.engine.provenance.EngineVersion;
import picocli.CommandLine.IVersionProvider;

/**
 * Reports the version the launcher jar was built as.
 *
 * <p>Called by picocli on the main thread.
 */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {EngineVersion.named()};
    }
}
