package org.vernissage.engine.render.reload;

import static org.lwjgl.opengl.GL11C.GL_RENDERER;
import static org.lwjgl.opengl.GL11C.GL_VENDOR;
import static org.lwjgl.opengl.GL11C.GL_VERSION;
import static org.lwjgl.opengl.GL11C.glGetString;

import java.util.Objects;
import java.util.Optional;

/**
 * The OpenGL driver a context runs on, as the context names it ({@code GL_VENDOR},
 * {@code GL_RENDERER}, {@code GL_VERSION}), and whether a {@link ProgramCacheWarmer}'s context can
 * help a render context through Mesa's disk cache: only when both are the same Mesa driver on the
 * same device, since the cache is kept per driver build and device, and a driver that is not Mesa
 * never reads it.
 *
 * <p>A value; {@link #ofCurrentContext()} on the thread whose context it describes, the rest on any thread.
 */
public record GlDriver(String vendor, String renderer, String version) {

    public GlDriver {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(version, "version");
    }

    /** The driver of the context current on the calling thread. */
    public static GlDriver ofCurrentContext() {
        return new GlDriver(orEmpty(glGetString(GL_VENDOR)), orEmpty(glGetString(GL_RENDERER)),
                orEmpty(glGetString(GL_VERSION)));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Whether this is one of Mesa's drivers: every one of them says "Mesa" in its version string. */
    public boolean mesa() {
        return version.contains("Mesa");
    }

    /**
     * Why a warm context on {@code warm} fills no cache that a render context on this driver reads,
     * in words for a log line; empty when both are the same Mesa driver.
     */
    public Optional<String> whyNoCacheSharedWith(GlDriver warm) {
        if (!vendor.equals(warm.vendor) || !renderer.equals(warm.renderer)) {
            return Optional.of("the warm context's driver (" + warm + ") is not the render context's (" + this
                    + "): they share no shader cache");
        }
        return whyNotMesa();
    }

    /** Why a render context on this driver reads no cache a warmer can fill; empty for a Mesa driver. */
    public Optional<String> whyNotMesa() {
        return mesa() ? Optional.empty()
                : Optional.of("the render context's driver (" + this + ") is not Mesa's, whose disk cache the warmer fills");
    }

    /** E.g. "llvmpipe (LLVM 15.0.6, 256 bits), Mesa/X.org". */
    @Override
    public String toString() {
        return renderer + ", " + vendor;
    }
}
