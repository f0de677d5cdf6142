package org.vernissage.engine.render.reload;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Optional;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.GlContext;
import org.vernissage.engine.render.GlContextException;
import org.vernissage.engine.render.RenderTarget;
import org.vernissage.engine.render.TargetFormat;

/**
 * Warms the driver's on-disk shader cache for a save before the render thread reloads it: a fresh
 * instance of the artwork is built from the changed files in a second GL context of its own, draws
 * one frame into an offscreen target of the canvas's size and format, and is disposed. On Mesa
 * llvmpipe that cache also holds the JIT code of each shader variant, keyed by the source and the
 * state it was drawn with (framebuffer format, bound textures, blend): the render thread's reload of
 * the same files then finds the compiled code on disk, and its first draw costs a few milliseconds
 * instead of a 200-450 ms JIT (measured: "Hot reload" in docs/performance.md).
 *
 * <p>The warm context shares nothing with the render context (a context sharing objects with it
 * crashed llvmpipe, see {@link HotReload}); only the driver's disk cache links the two, so the
 * warm-up is worth nothing where that cache is off ({@code MESA_SHADER_CACHE_DISABLE}) or its
 * folder cannot be written, and costs nothing to the wall either way. A warm-up that fails (a save
 * that does not build, anything thrown) is counted, never reported: the render thread's reload
 * of the same files reports it once, naming the file and line, as without the warmer. Given the
 * render context's {@link GlDriver}, the warm context is checked against it at its first open: a
 * warm context on another driver fills a cache the render context never reads, so it is closed and
 * the warmer gives up, saying why once.
 *
 * <p>Also used by a render graph's {@code BlockSpecialisation}, whose worker thread warms each
 * program it specialises (a shader with a uniform block's current values compiled in) before the
 * render thread builds it.
 *
 * <p>Threads: {@link #warm} and {@link #close} on the warmer's thread (the reload's watcher
 * thread, or the specialisation's worker), which owns the context: it is opened lazily at the first warm-up, made current there,
 * and closed there when the watcher stops. {@link #canvasIs} on the render thread; the counts from
 * any thread. Owned by its {@link HotReload}.
 */
public final class ProgramCacheWarmer {

    /**
     * Makes a fresh instance of the playing artwork from its files as they are now, not set up.
     * Called on the warmer's thread with the warm context current; given by whoever wires the run.
     */
    @FunctionalInterface
    public interface ArtworkFactory {
        /**
         * @throws ArtworkException when the files do not make an artwork (the warm-up is counted as failed)
         */
        Artwork fresh() throws ArtworkException;
    }

    /** Opens a GL context current on the calling thread, sharing nothing with any other. */
    @FunctionalInterface
    public interface ContextOpener {
        GlContext open(int width, int height) throws GlContextException;
    }

    private final ContextOpener opener;
    private final GlDriver renderDriver; // null: the warm context is not checked against it
    private final ArtworkFactory factory;
    private final Logger logger;
    private final SnapshotExchange defaults; // latched on the warmer's thread only
    // The canvas's shape as the render thread last saw it: the warm target matches it, so the
    // variant the warm-up compiles is the one the render thread will look up.
    private volatile int canvasWidth;
    private volatile int canvasHeight;
    private volatile TargetFormat canvasFormat;
    private final FrameInfo frame = new FrameInfo(); // warmer thread
    private GlContext context; // warmer thread; null until the first warm-up and after close
    // Why no warm-up can be made (no context, another driver): reloads go on as without a warmer.
    // Written once, on the warmer's thread; null while warm-ups can be made.
    private volatile String unavailableWhy;
    private volatile boolean contextOpen;
    private long warmUps;
    private long failures;
    private long longestNanos;

    /**
     * @param opener makes the warm context on the warmer's thread
     * @param factory a fresh instance of the artwork from its files
     * @param layout the running parameter layout: the warm frame is drawn with its defaults
     * @param width the canvas's width at start (the render loop's canvas may not exist yet)
     * @param height its height
     * @param format its format
     */
    public ProgramCacheWarmer(ContextOpener opener, ArtworkFactory factory, ParameterLayout layout,
                              int width, int height, TargetFormat format, Logger logger) {
        this(opener, null, factory, layout, width, height, format, logger);
    }

    /**
     * As {@link #ProgramCacheWarmer(ContextOpener, ArtworkFactory, ParameterLayout, int, int, TargetFormat, Logger)},
     * and the warm context, at its first open, must run on {@code renderDriver} (the render
     * context's): where it does not ({@link GlDriver#whyNoCacheSharedWith}), it is closed, the
     * reason logged once at info, and every reload compiles on the render thread, as without a warmer.
     */
    public ProgramCacheWarmer(ContextOpener opener, GlDriver renderDriver, ArtworkFactory factory,
                              ParameterLayout layout, int width, int height, TargetFormat format, Logger logger) {
        this.opener = opener;
        this.renderDriver = renderDriver;
        this.factory = factory;
        this.logger = logger;
        float[] values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
        this.defaults = new SnapshotExchange(values);
        this.canvasFormat = format;
        this.canvasHeight = height;
        this.canvasWidth = width;
    }

    /**
     * A warmer whose context is a headless EGL one ({@link EglSurfacelessContext}): for runs whose
     * render context is headless EGL too. A windowed run takes {@link #headlessEglBeside}.
     */
    public static ProgramCacheWarmer headlessEgl(ArtworkFactory factory, ParameterLayout layout, int width, int height,
                                                 TargetFormat format, Logger logger) {
        return new ProgramCacheWarmer(EglSurfacelessContext::open, factory, layout, width, height, format, logger);
    }

    /**
     * A headless EGL warmer beside a window's context (GLFW's GLX or EGL) on {@code windowDriver}:
     * the warm context is used only if it runs on the same driver. An unshared EGL context on the
     * watcher's thread beside a GLX context on the render thread was tried under Xvfb (libglvnd
     * dispatches GL calls per thread to the vendor that made the thread's context current, and
     * LWJGL keeps capabilities per thread): see the Decisions in docs/architecture.md.
     */
    public static ProgramCacheWarmer headlessEglBeside(GlDriver windowDriver, ArtworkFactory factory,
                                                       ParameterLayout layout, int width, int height,
                                                       TargetFormat format, Logger logger) {
        return new ProgramCacheWarmer(EglSurfacelessContext::open, windowDriver, factory, layout, width, height,
                format, logger);
    }

    /** The canvas is now {@code canvas}'s size and format (after a reload or a resize). Render thread. */
    public void canvasIs(RenderTarget canvas) {
        canvasFormat = canvas.format();
        canvasHeight = canvas.height();
        canvasWidth = canvas.width();
    }

    /**
     * Builds the artwork from its files in the warm context and draws one frame of it. Never
     * throws: a failure is counted and the reload that follows reports it. Warmer thread.
     *
     * @return whether a frame was drawn (the cache holds this save's programs)
     */
    public boolean warm() {
        if (unavailableWhy != null) {
            return false;
        }
        long start = System.nanoTime();
        boolean drawn = false;
        try {
            drawn = drawOnce();
        } catch (ArtworkException | RuntimeException | LinkageError e) {
            // The render thread builds the same files next and says what is wrong with them.
        }
        long took = System.nanoTime() - start;
        synchronized (this) {
            if (drawn) {
                warmUps++;
                longestNanos = Math.max(longestNanos, took);
            } else if (unavailableWhy == null) {
                failures++;
            }
        }
        return drawn;
    }

    private boolean drawOnce() throws ArtworkException {
        int width = canvasWidth;
        int height = canvasHeight;
        TargetFormat format = canvasFormat;
        if (context == null && !openContext(width, height)) {
            return false;
        }
        Artwork artwork = factory.fresh();
        try (Framebuffer target = new Framebuffer(width, height, format)) {
            target.bind();
            artwork.setup(target);
            frame.set(0, 0.0, 0.0, width, height);
            // The defaults stand in for the conductor's values: a uniform's value is no part of
            // the variant the driver compiles.
            artwork.update(frame, defaults.latch());
            target.bind();
            artwork.render(frame, target);
            glFinish(); // the draw, and so the JIT, is done before the render thread is told
            return true;
        } finally {
            artwork.dispose();
        }
    }

    private boolean openContext(int width, int height) {
        try {
            context = opener.open(width, height);
            contextOpen = true;
        } catch (GlContextException | RuntimeException | LinkageError e) {
            giveUp(Level.WARNING, "no context to warm the shader cache in (" + e.getMessage() + ")");
            return false;
        }
        if (renderDriver != null) {
            Optional<String> unshared = renderDriver.whyNoCacheSharedWith(GlDriver.ofCurrentContext());
            if (unshared.isPresent()) {
                close();
                giveUp(Level.INFO, unshared.get());
                return false;
            }
        }
        return true;
    }

    /** No warm-up from now on: said once, and reloads compile on the render thread. */
    private void giveUp(Level level, String why) {
        unavailableWhy = why;
        logger.log(level, "hot reload: " + why + "; each reload compiles on the render thread, as without the warmer");
    }

    /** Closes the warm context, if open; a later warm-up opens a new one. Warmer thread. */
    public void close() {
        if (context != null) {
            try {
                context.close();
            } finally {
                context = null;
                contextOpen = false;
            }
        }
    }

    /** Whether the warm context is open now. Any thread. */
    public boolean contextOpen() {
        return contextOpen;
    }

    /** Saves drawn in the warm context before their reload was posted. Any thread. */
    public synchronized long warmUps() {
        return warmUps;
    }

    /** Warm-ups that failed (the files did not build, anything thrown); the reload reports why. Any thread. */
    public synchronized long failures() {
        return failures;
    }

    /** The longest warm-up so far (build and first draw, off the render thread). Any thread. */
    public synchronized long longestWarmUpNanos() {
        return longestNanos;
    }

    /** Why the warmer gave up (no context, another driver), once it has; empty before. Any thread. */
    public Optional<String> unavailableBecause() {
        return Optional.ofNullable(unavailableWhy);
    }

    /**
     * E.g. "warmed off the render thread: 3 (1 failed), longest 231.0 ms", or "not warmed off the
     * render thread: " and why, once the warmer gave up before any warm-up. Any thread.
     */
    public synchronized String describe() {
        String why = unavailableWhy;
        if (why != null && warmUps == 0) {
            return "not warmed off the render thread: " + why;
        }
        return String.format(Locale.ROOT, "warmed off the render thread: %d (%d failed), longest %.1f ms",
                warmUps, failures, longestNanos / 1e6);
    }
}
