package org.vernissage.engine.provenance;

/**
 * The version this engine was built as, as the launcher jar's manifest says it, or
 * {@value #DEVELOPMENT} when it runs from classes (the tests, an IDE). One place for everything that
 * names the engine: {@code --version}, the XMP mark of every image, the control port's
 * {@code /version}.
 *
 * <p>Constants only; any thread.
 */
public final class EngineVersion {

    /** What a build that is not a packaged jar calls itself. */
    public static final String DEVELOPMENT = "development build";

    private EngineVersion() {
    }

    /** The version, e.g. "0.9.0", or {@value #DEVELOPMENT}. */
    public static String number() {
        String version = EngineVersion.class.getPackage().getImplementationVersion();
        return version == null ? DEVELOPMENT : version;
    }

    /** The engine's name and version, e.g. "Vernissage 0.9.0". */
    public static String named() {
        return "Vernissage " + number();
    }
}
