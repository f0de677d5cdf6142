package org.vernissage.engine.render.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether Mesa's on-disk shader cache can keep what a {@link ProgramCacheWarmer} compiles: the
 * warmer reaches the render thread only through that cache, and without it a warm-up is a second
 * JIT competing for the cores while the render thread does its own (measured: worse than no warmer,
 * "Hot reload" in docs/performance.md). Follows Mesa 22.3's rules: off with
 * {@code MESA_SHADER_CACHE_DISABLE} (or the older {@code MESA_GLSL_CACHE_DISABLE}) set to true; in
 * {@code MESA_SHADER_CACHE_DIR}, else {@code $XDG_CACHE_HOME/mesa_shader_cache}, else
 * {@code ~/.cache/mesa_shader_cache}; off when that folder cannot be made (Mesa prints "Failed to
 * create ... for shader cache" and runs without one).
 *
 * <p>A pure function of the environment given; any thread.
 */
public final class MesaShaderCache {

    private MesaShaderCache() {
    }

    /** Why the cache cannot be used, in words for a log line; empty when it can. */
    public static Optional<String> whyUnusable(Map<String, String> environment, Path home) {
        for (String disable : new String[] {"MESA_SHADER_CACHE_DISABLE", "MESA_GLSL_CACHE_DISABLE"}) {
            String value = environment.get(disable);
            if (value != null && (value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("yes"))) {
                return Optional.of("Mesa's shader cache is off (" + disable + "=" + value + ")");
            }
        }
        Path folder = folder(environment, home);
        // The nearest part of the path that exists must be a folder this process can write in,
        // or Mesa cannot make the rest.
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            return Optional.of("Mesa's shader cache folder " + folder + " cannot be made or written ("
                    + (existing == null ? "no part of it exists" : existing + " is not a writable folder") + ")");
        }
        return Optional.empty();
    }

    /** The folder Mesa keeps its cache in, given the environment. */
    static Path folder(Map<String, String> environment, Path home) {
        for (String dir : new String[] {"MESA_SHADER_CACHE_DIR", "MESA_GLSL_CACHE_DIR"}) {
            String value = environment.get(dir);
            if (value != null && !value.isEmpty()) {
                return Path.of(value);
            }
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg, "mesa_shader_cache");
        }
        return home.resolve(".cache").resolve("mesa_shader_cache");
    }
}
