package org.vernissage.engine.render.graph;

import static org.lwjgl.opengl.GL11C.GL_RENDERER;
import static org.lwjgl.opengl.GL11C.glGetString;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.lwjgl.system.Configuration;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.render.RenderTarget;
import org.vernissage.engine.render.reload.MesaShaderCache;

/**
 * Shader specialisation of one shader node's {@link FrameBlock}: while the block's values stay the
 * same, the node draws with a program of its shader in which those values are compiled in as
 * constants ({@link ConstantBlock}); from the first frame they change, it draws with its block
 * program again. On Mesa llvmpipe any weights read at run time cost about 7x the same weights
 * compiled in (docs/performance.md, "CPPN"); on a GPU the block costs about nothing, hence
 * {@link Mode#AUTO}: on for software renderers only.
 *
 * <p>Building a program on llvmpipe costs tens of milliseconds at its first draw (the JIT). Where a
 * {@link org.vernissage.engine.render.reload.ProgramCacheWarmer} can work (a headless EGL run with
 * Mesa's disk cache usable), a {@link SpecialisationWorker} on its own thread makes the constant
 * source and draws it once in a context of its own after {@link Policy#stillFrames} still frames;
 * the render thread, at a later frame boundary (its update), then builds the same source, finds
 * the JIT code in the disk cache and swaps the program in. Until then the block program keeps
 * drawing. Where no warmer can work (a window's GLX context, the disk cache off) the render thread
 * builds the program itself, once the values have been still for
 * {@link Policy#stillFramesWithoutWarmer} frames: one pause of tens of milliseconds after the
 * network settles is cheaper than drawing every still frame at the block's cost.
 *
 * <p>Nothing stops the show: a program that does not build (a value with no GLSL literal, a shader
 * that declares the block in another form, a driver error) is logged once, counted, and the node
 * keeps its block program; specialisation then stays off for this node.
 *
 * <p>Render thread: {@link #setup}, {@link #frame}, {@link #sourceChanged} and {@link #close}, with
 * the GL context current; owned by its {@link ShaderPass}. The counts from any thread. A frame
 * allocates nothing: handing values to the worker copies them into an array made at build;
 * building and swapping a program (once per still period) allocates.
 */
public final class BlockSpecialisation {

    /** When to specialise. */
    public enum Mode {
        /** Always (where the block costs more than constants). */
        ON,
        /** Never: the block program draws every frame. */
        OFF,
        /** On for a software renderer (llvmpipe, softpipe), off for a GPU. */
        AUTO;

        /** "on", "off" or "auto", any case. */
        public static Optional<Mode> parse(String text) {
            for (Mode mode : values()) {
                if (mode.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * How the specialisation behaves.
     *
     * @param mode when it is on
     * @param stillFrames frames of unchanged values before the worker is asked for a program
     * @param stillFramesWithoutWarmer the same where the render thread must build it (no warmer)
     * @param warmerAllowed false to build on the render thread even where a warmer could work (tests, comparisons)
     */
    public record Policy(Mode mode, int stillFrames, int stillFramesWithoutWarmer, boolean warmerAllowed) {

        /** Auto; 10 still frames (1/6 s at 60 fps) with a warmer, 120 (2 s) without. */
        public static final Policy DEFAULT = new Policy(Mode.AUTO, 10, 120, true);

        public Policy {
            if (stillFrames < 1 || stillFramesWithoutWarmer < 1) {
                throw new IllegalArgumentException("still frames at least 1, got " + stillFrames + " and "
                        + stillFramesWithoutWarmer);
            }
        }

        /** The same policy in another mode. */
        public Policy withMode(Mode other) {
            return new Policy(other, stillFrames, stillFramesWithoutWarmer, warmerAllowed);
        }
    }

    // The hand-off with the worker. The render thread writes the request fields, then REQUESTED;
    // the worker writes the result fields, then READY; the render thread reads them, then IDLE.
    static final int IDLE = 0;
    static final int REQUESTED = 1;
    static final int READY = 2;

    private final FrameBlock block;
    private final Policy policy;
    private final Logger logger;
    private final AtomicInteger handoff = new AtomicInteger(IDLE);
    private final float[] requestValues;
    private String requestSource;      // render thread writes, worker reads after REQUESTED
    private int requestVersion;
    private int requestGeneration;
    private String resultSource;       // worker writes, render thread reads after READY; null: failed
    private String resultFailure;
    private int resultVersion;
    private int resultGeneration;

    private ShaderPass pass;           // render thread, from setup
    private boolean warmable;          // a worker with a warmer can work here
    private SpecialisationWorker worker; // started at the first request; null: none yet, or not warmable
    private volatile boolean enabled;
    private boolean inFlight;
    private int seenVersion = -1;
    private int stillFor;
    private int specialisedVersion = -1;
    private int generation;            // bumped when the shader's source is reloaded
    private volatile String how = "not set up";
    private volatile long swaps;
    private volatile long backToBlock;
    private volatile long failures;
    private volatile long discarded;
    private volatile long lastSwapNanos;

    BlockSpecialisation(FrameBlock block, Policy policy, Logger logger) {
        this.block = block;
        this.policy = policy;
        this.logger = logger;
        this.requestValues = new float[block.values().length];
    }

    FrameBlock block() {
        return block;
    }

    /** Decides whether and how to specialise, with the node's program built. Render thread. */
    void setup(ShaderPass owner) {
        this.pass = owner;
        String renderer = String.valueOf(glGetString(GL_RENDERER));
        enabled = switch (policy.mode()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> softwareRenderer(renderer);
        };
        if (!enabled) {
            how = "off (" + (policy.mode() == Mode.OFF ? "turned off" : "a GPU: " + renderer) + ")";
            return;
        }
        Optional<String> noWarmer = whyNoWarmer();
        warmable = noWarmer.isEmpty();
        if (warmable) {
            how = "on: prepared off the render thread after " + policy.stillFrames() + " still frames";
        } else {
            how = "on: built on the render thread after " + policy.stillFramesWithoutWarmer() + " still frames ("
                    + noWarmer.get() + ")";
        }
        logger.log(Level.INFO, "uniform block '" + block.name() + "' of " + owner.shader().getFileName()
                + ": specialisation " + how);
    }

    static boolean softwareRenderer(String renderer) {
        String name = renderer.toLowerCase(Locale.ROOT);
        return name.contains("llvmpipe") || name.contains("softpipe") || name.contains("swrast");
    }

    private Optional<String> whyNoWarmer() {
        if (!policy.warmerAllowed()) {
            return Optional.of("no warmer asked for");
        }
        // A headless EGL run loads GL through EGL; a window's context is GLX, beside which an EGL
        // context is not known to be safe (see ProgramCacheWarmer.headlessEgl).
        if (!"EGL".equals(Configuration.OPENGL_CONTEXT_API.get())) {
            return Optional.of("a window's GL context");
        }
        return MesaShaderCache.whyUnusable(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * At the node's update, after the artwork's: notes whether the block changed, swaps a program
     * the worker has made ready, or asks for one once the values have been still long enough.
     * Render thread.
     */
    void frame(RenderTarget lastTarget) {
        if (!enabled) {
            return;
        }
        int version = block.version();
        if (version != seenVersion) {
            seenVersion = version;
            stillFor = 0;
            if (pass.hasVariant()) {
                pass.dropVariant(); // values moved: the block program draws this frame
                specialisedVersion = -1;
                backToBlock++;
            }
        } else {
            stillFor++;
        }
        if (handoff.get() == READY) {
            takeResult();
        }
        if (!inFlight && !pass.hasVariant() && enabled && version != specialisedVersion) {
            if (warmable && stillFor >= policy.stillFrames()) {
                request(version, lastTarget);
            } else if (!warmable && stillFor >= policy.stillFramesWithoutWarmer()) {
                String source;
                try {
                    source = ConstantBlock.inline(pass.sourceText(), block.name(), block.values());
                } catch (IllegalArgumentException e) {
                    fail(e.getMessage());
                    return;
                }
                swapIn(source, version);
            }
        }
    }

    private void request(int version, RenderTarget lastTarget) {
        if (worker == null) {
            // At the first request, not at setup: a node that is never still (or a fresh instance
            // the hot reload draws once to warm the cache) starts no thread.
            try {
                worker = SpecialisationWorker.start(this, pass, lastTarget, logger);
            } catch (RuntimeException e) {
                warmable = false;
                how = "on: built on the render thread after " + policy.stillFramesWithoutWarmer()
                        + " still frames (the worker could not start: " + e + ")";
                logger.log(Level.WARNING, "uniform block '" + block.name() + "': specialisation " + how);
                return;
            }
        }
        System.arraycopy(block.values(), 0, requestValues, 0, requestValues.length);
        requestSource = pass.sourceText();
        requestVersion = version;
        requestGeneration = generation;
        inFlight = true;
        worker.canvasIs(lastTarget);
        handoff.set(REQUESTED);
        worker.wake();
    }

    private void takeResult() {
        String source = resultSource;
        String failure = resultFailure;
        int version = resultVersion;
        int made = resultGeneration;
        handoff.set(IDLE);
        inFlight = false;
        if (made != generation || version != block.version()) {
            discarded++; // the values moved, or the shader was reloaded, while it was made
            return;
        }
        if (source == null) {
            fail(failure);
            return;
        }
        swapIn(source, version);
    }

    private void swapIn(String source, int version) {
        long start = System.nanoTime();
        try {
            pass.installVariant(source);
            specialisedVersion = version;
            swaps++;
        } catch (ArtworkException | RuntimeException e) {
            fail(e.getMessage());
        } finally {
            lastSwapNanos = System.nanoTime() - start;
        }
    }

    private void fail(String why) {
        failures++;
        enabled = false;
        how = "off after a failed build";
        logger.log(Level.WARNING, "uniform block '" + block.name() + "' of " + pass.shader().getFileName()
                + ": the program with its values compiled in did not build (" + why + "); the node keeps"
                + " drawing with the block, and specialisation is off for it from now on");
    }

    /** The shader was reloaded: a program made from the old source is dropped. Render thread. */
    void sourceChanged() {
        generation++;
        if (pass != null && pass.hasVariant()) {
            pass.dropVariant();
            backToBlock++;
        }
        specialisedVersion = -1;
        seenVersion = -1;
    }

    /** Stops the worker (its context closed on its thread). Render thread. */
    void close() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }

    // --- the worker's side (its thread) ---

    /** Whether a request waits; the worker then reads {@link #requestValues} and the rest. */
    boolean requested() {
        return handoff.get() == REQUESTED;
    }

    float[] requestValues() {
        return requestValues;
    }

    String requestSource() {
        return requestSource;
    }

    /** The worker's answer: the source it warmed, or null and why not. */
    void answer(String source, String failure) {
        resultSource = source;
        resultFailure = failure;
        resultVersion = requestVersion;
        resultGeneration = requestGeneration;
        handoff.set(READY);
    }

    // --- counts, any thread ---

    /** Programs with the values compiled in swapped in so far. */
    public long swaps() {
        return swaps;
    }

    /** Times the node went back to its block program because the values moved (or the shader was reloaded). */
    public long backToBlock() {
        return backToBlock;
    }

    /** Specialised programs that did not build (at most 1: it then stays off). */
    public long failures() {
        return failures;
    }

    /** Programs made ready for values that had moved on by then, never drawn. */
    public long discarded() {
        return discarded;
    }

    /** How long the render thread took to build the last program swapped in (without its first draw). */
    public long lastSwapNanos() {
        return lastSwapNanos;
    }

    /** Whether the node draws with a specialised program now. Any thread (racy: for tests, tools). */
    public boolean specialisedNow() {
        ShaderPass owner = pass;
        return owner != null && owner.hasVariantRacy();
    }

    /** Whether specialisation is on for this node now (off by policy, on a GPU in auto, or after a failed build). */
    public boolean on() {
        return enabled;
    }

    /** Whether programs are prepared off the render thread (a warmer works here). */
    public boolean offRenderThread() {
        return warmable;
    }

    /** E.g. "on: prepared off the render thread after 10 still frames; swaps 3, back to block 2, failed 0". */
    public String describe() {
        return how + "; swaps " + swaps + ", back to block " + backToBlock + ", discarded " + discarded + ", failed "
                + failures;
    }
}
