package org.vernissage.models;

import java.nio.file.Path;

/**
 * Where the model runtimes unpack their native libraries on first use (PyTorch: ~430 MB once;
 * ONNX Runtime: ~22 MB): the user's cache folder, never {@code /tmp}, so that the unpack happens
 * once per machine and survives reboots and {@code mvn clean}.
 *
 * <p>In order: the system property {@value #PROPERTY}, then {@code $XDG_CACHE_HOME/vernissage},
 * then {@code ~/.cache/vernissage}. Stateless; any thread.
 */
public final class NativeCache {

    /** Overrides the cache folder (e.g. a folder beside the installed artwork on a gallery machine). */
    public static final String PROPERTY = "vernissage.cache";

    private NativeCache() {
    }

    /** The cache folder (not created here). */
    public static Path folder() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "vernissage").toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "vernissage").toAbsolutePath();
    }
}
