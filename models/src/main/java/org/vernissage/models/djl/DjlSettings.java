package org.vernissage.models.djl;

import java.nio.file.Path;
import org.vernissage.models.NativeCache;

/**
 * The DJL settings every run needs, applied before DJL's PyTorch engine first loads (DJL reads them
 * from system properties, process-wide): offline (DJL would otherwise try to download a libtorch
 * that matches its JNI), its cache under the {@link NativeCache} (the ~430 MB libtorch unpacks there
 * once, never in {@code /tmp}), and one intra-op and one inter-op thread (on 2 cores a 600-step
 * MLP training went from 15 s to under 1 s; a model worker is one thread among the engine's
 * agents). A property already set on the command line wins.
 *
 * <p>Called by {@link TorchScriptModel#load} on whichever thread loads the first model;
 * synchronized, idempotent.
 */
public final class DjlSettings {

    private static boolean applied;

    private DjlSettings() {
    }

    /** Applies the settings once. */
    public static synchronized void apply() {
        if (applied) {
            return;
        }
        Path cache = NativeCache.folder().resolve("djl");
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("DJL_CACHE_DIR", cache.toString());
        setIfAbsent("ENGINE_CACHE_DIR", cache.toString());
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        // No usage reporting, no version check over the network.
        setIfAbsent("OPT_OUT_TRACKING", "true");
        applied = true;
    }

    /** The folder DJL unpacks libtorch into. */
    public static Path cacheFolder() {
        return Path.of(System.getProperty("DJL_CACHE_DIR", NativeCache.folder().resolve("djl").toString()));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
