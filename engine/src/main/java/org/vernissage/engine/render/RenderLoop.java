package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL11C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11C.GL_MAX_TEXTURE_SIZE;
import static org.lwjgl.opengl.GL11C.glClear;
import static org.lwjgl.opengl.GL11C.glClearColor;
import static org.lwjgl.opengl.GL11C.glGetInteger;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.fault.FaultCounts;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.SnapshotExchange;

/**
 * The render thread's work: once per frame, wait for the pacer, run what other threads posted to
 * the {@link RenderMailbox}, latch the newest parameter snapshot (as late as possible, to keep
 * sensor-to-photon short), let the artwork update and draw into the canvas (a
 * {@link RenderTarget}), and hand the finished frame to each {@link Output} in turn: windows,
 * monitors, headless, captures, previews.
 *
 * <p>{@link #run} is called once, on the render thread, with {@code context} current; that thread
 * owns the context, the artwork, the canvas, the outputs and every GL object here, and closes the
 * outputs when the run ends. {@link #requestStop} may be called from any thread, and the mailbox
 * posted to from any thread. Built with {@link #builder}, on the render thread (a window output
 * registers its GLFW callback when made).
 */
public final class RenderLoop {

    private static final Logger LOG = System.getLogger(RenderLoop.class.getName());

    /** The default show start: the first frame's time (show time 0 in frame 0). */
    private static final long FIRST_FRAME = Long.MIN_VALUE;

    private final GlContext context;
    private final Artwork artwork;
    private final SnapshotExchange snapshots;
    private final FramePacer pacer;
    private final FrameStats stats;
    private final FrameMarker marker;
    private final RenderMailbox mailbox;
    private final Output[] outputs;
    private final FaultCounts[] outputFailures;                      // render thread writes
    private final TargetFormat canvasFormat;
    private final FrameInfo frame = new FrameInfo();
    private final long showStartNanos;
    private final Control control = new Control();
    private final Standby standby;
    private final CanvasDimmer dimmer = new CanvasDimmer();
    private final CaptionOverlay caption;                            // null: no disclosure caption
    private final GpuFrameTimer gpuTimer;                            // null: GPU time not measured
    private int width;
    private int height;
    private Framebuffer canvas;
    private int maxCanvasSize;
    private long nextIndex;
    private volatile boolean stopRequested;
    private volatile Thread renderThread;

    /**
     * The shape of a run before outputs: {@code listeners} see every frame, then the frame is
     * presented the context's own way ({@link #presentOutput}).
     */
    public RenderLoop(GlContext context, Artwork artwork, SnapshotExchange snapshots,
                      FramePacer pacer, FrameStats stats, List<FrameListener> listeners,
                      int width, int height) {
        this(context, artwork, snapshots, pacer, stats, listeners, FrameMarker.NONE, width, height);
    }

    /** As above, with a marker told of each latched frame. */
    public RenderLoop(GlContext context, Artwork artwork, SnapshotExchange snapshots,
                      FramePacer pacer, FrameStats stats, List<FrameListener> listeners,
                      FrameMarker marker, int width, int height) {
        this(builder(context, artwork, snapshots, pacer, width, height).stats(stats).marker(marker)
                .listeners(listeners).output(presentOutput(context)));
    }

    private RenderLoop(Builder builder) {
        this.context = builder.context;
        this.artwork = builder.artwork;
        this.snapshots = builder.snapshots;
        this.pacer = builder.pacer;
        this.stats = builder.stats;
        this.marker = builder.marker;
        this.mailbox = builder.mailbox != null ? builder.mailbox : new RenderMailbox();
        this.outputs = builder.outputs.toArray(new Output[0]);
        this.outputFailures = new FaultCounts[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            outputFailures[i] = new FaultCounts("output " + outputs[i].description(),
                    "the frame was not shown there and the show goes on", LOG);
        }
        this.canvasFormat = builder.format;
        this.standby = builder.standby;
        this.caption = builder.caption;
        this.gpuTimer = builder.gpuTimer;
        this.frame.shaderTimePeriod(builder.shaderTimePeriodSeconds);
        this.showStartNanos = builder.showStartNanos;
        this.width = builder.width;
        this.height = builder.height;
    }

    /**
     * Starts a render loop for a canvas of {@code width} x {@code height} RGBA8. Render thread.
     *
     * @param pacer decides when each frame starts (and its time)
     */
    public static Builder builder(GlContext context, Artwork artwork, SnapshotExchange snapshots, FramePacer pacer,
                                  int width, int height) {
        return new Builder(context, artwork, snapshots, pacer, width, height);
    }

    /**
     * How {@code context} shows a frame by itself: a {@link WindowOutput} of its window or
     * fullscreen monitor, or, headless, a {@link HeadlessOutput}. Render thread.
     */
    public static Output presentOutput(GlContext context) {
        return context instanceof GlfwWindowContext window ? new WindowOutput(window) : new HeadlessOutput();
    }

    /** Asks the loop to finish the frame it is making and return. Any thread. */
    public void requestStop() {
        stopRequested = true;
        Thread rendering = renderThread;
        if (rendering != null) {
            LockSupport.unpark(rendering); // out of a standby rest at once
        }
    }

    /** Whether the work is open, fading or in standby (opening hours). Any thread reads its state. */
    public Standby standby() {
        return standby;
    }

    /** The mailbox this loop drains at each frame boundary. Any thread may post to it. */
    public RenderMailbox mailbox() {
        return mailbox;
    }

    /** The outputs, in the order they are given each frame; for the start banner. */
    public List<Output> outputs() {
        return List.of(outputs);
    }

    /**
     * Sets the artwork up and renders until {@code maxFrames} frames are made (0: no limit), an
     * output asks to close (a window's close button) or a stop is requested; then disposes the
     * artwork and closes the canvas and the outputs.
     *
     * @throws ArtworkException when the artwork cannot be set up; nothing was shown
     */
    public void run(long maxFrames) throws ArtworkException {
        renderThread = Thread.currentThread();
        try {
            maxCanvasSize = glGetInteger(GL_MAX_TEXTURE_SIZE);
            canvas = new Framebuffer(width, height, canvasFormat);
            canvas.bind();
            if (gpuTimer != null) {
                gpuTimer.start();
            }
            try {
                artwork.setup(canvas);
                loop(maxFrames);
            } finally {
                if (gpuTimer != null) {
                    gpuTimer.close();
                }
                artwork.dispose();
                dimmer.close();
                if (caption != null) {
                    caption.close();
                }
            }
        } finally {
            if (canvas != null) {
                canvas.close();
            }
            closeOutputs();
        }
    }

    private void loop(long maxFrames) {
        // Show time is 64-bit nanoseconds from the show's start, made a double only here (exact
        // to well under a microsecond for centuries); shaders get it wrapped (FrameInfo).
        long startNanos = showStartNanos;
        long previousNanos = 0;
        for (long index = 0; !stopRequested && (maxFrames == 0 || index < maxFrames); index++) {
            long frameNanos = pacer.awaitFrame(index);
            if (index == 0) {
                if (startNanos == FIRST_FRAME) {
                    startNanos = frameNanos;
                }
                previousNanos = frameNanos;
            }
            context.pollEvents();
            if (closeRequested()) {
                return;
            }
            // Work time is a property of the machine, not of show time: always the real clock,
            // even when a stepped pacer drives the artwork's time.
            long workStart = System.nanoTime();
            nextIndex = index;
            // The frame boundary: posted work (a resize) applies to this frame, before it latches.
            mailbox.drain(control);
            ParameterSnapshot parameters = snapshots.latch();
            frame.latchedAt(System.nanoTime());
            marker.frameLatched(index, frameNanos, pacer.nextFrameNanos(), parameters);
            frame.set(index, (frameNanos - startNanos) / 1e9, (frameNanos - previousNanos) / 1e9, width, height);
            previousNanos = frameNanos;
            drawFrame(parameters, standby.level(frameNanos), frameNanos);
            stats.recordFrame(System.nanoTime() - workStart, pacer.droppedFrames());
            if (standby.resting()) {
                rest();
            }
        }
    }

    /**
     * Standby: a black frame every few seconds and nothing else, so a closed venue's machine draws
     * next to no power. A stop ends the rest at once, and so does anything posted to the mailbox
     * (an opening, a resize): it runs at the next frame, not a rest later.
     */
    private void rest() {
        long until = System.nanoTime() + standby.restNanos();
        long left;
        while (!stopRequested && !mailbox.hasWaiting() && (left = until - System.nanoTime()) > 0) {
            mailbox.awaitPost(left);
        }
        pacer.resume();
    }

    private boolean closeRequested() {
        for (Output output : outputs) {
            if (output.closeRequested()) {
                return true;
            }
        }
        return context.closeRequested();
    }

    private void drawFrame(ParameterSnapshot parameters, float level, long frameNanos) {
        canvas.bind();
        if (level == 0f) {
            // closed: black, and the artwork is not even asked to draw
            beginGpuTime();
            glClearColor(0f, 0f, 0f, 1f);
            glClear(GL_COLOR_BUFFER_BIT);
        } else {
            artwork.update(frame, parameters);
            beginGpuTime(); // after the update's CPU work, so the GPU's wait for it is not timed
            artwork.render(frame, canvas);
            if (caption != null) {
                // the last layer of the work itself: dimmed with it at closing
                canvas.bind();
                caption.draw(canvas, parameters, frameNanos);
            }
            if (level < 1f) {
                canvas.bind();
                dimmer.dim(canvas, level);
            }
        }
        // Before the outputs: a window's swap may wait for the display, which is not GPU work.
        if (gpuTimer != null) {
            gpuTimer.end();
        }
        for (int i = 0; i < outputs.length; i++) {
            try {
                outputs[i].present(frame, parameters, canvas);
            } catch (RuntimeException e) {
                outputFailed(i, e);
            }
        }
    }

    private void beginGpuTime() {
        if (gpuTimer != null) {
            gpuTimer.begin();
        }
    }

    /** One output failing (a capture's disk, a preview's peer) must not stop the others or the show. */
    private void outputFailed(int index, RuntimeException e) {
        outputFailures[index].record(e, "presenting frame " + frame.index());
    }

    /**
     * Frames {@code output} failed to present (it threw), so far. Any thread; exact once
     * {@link #run} has returned.
     */
    public long outputFailures(Output output) {
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] == output) {
                return outputFailures[i].total();
            }
        }
        throw new IllegalArgumentException(output.description() + " is not an output of this render loop");
    }

    private void closeOutputs() {
        for (int i = outputs.length - 1; i >= 0; i--) {
            try {
                outputs[i].close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing output " + outputs[i].description() + ": " + e);
            }
        }
    }

    /** What a posted task may do; the render loop's own state, on the render thread. */
    private final class Control implements RenderControl {

        @Override
        public RenderTarget canvas() {
            return canvas;
        }

        @Override
        public long nextFrameIndex() {
            return nextIndex;
        }

        @Override
        public Standby standby() {
            return standby;
        }

        @Override
        public void resizeCanvas(int newWidth, int newHeight) {
            if (newWidth < 1 || newHeight < 1 || newWidth > maxCanvasSize || newHeight > maxCanvasSize) {
                throw new IllegalArgumentException("cannot make the canvas " + newWidth + "x" + newHeight
                        + ": each side must be 1 to " + maxCanvasSize + " pixels on this GL driver");
            }
            if (newWidth == width && newHeight == height) {
                return;
            }
            // Made before the old one goes: if the driver refuses, the show keeps its canvas.
            Framebuffer resized = new Framebuffer(newWidth, newHeight, canvasFormat);
            canvas.close();
            canvas = resized;
            width = newWidth;
            height = newHeight;
            canvas.bind();
            artwork.resized(canvas);
            for (Output output : outputs) {
                output.canvasResized(newWidth, newHeight);
            }
        }
    }

    /**
     * The parts of a render loop; every one but the context, artwork, snapshots, pacer and canvas
     * size has a default (no statistics kept elsewhere, no marker, an empty mailbox of
     * {@link RenderMailbox#DEFAULT_CAPACITY}, no outputs). Render thread, once.
     */
    public static final class Builder {
        private final GlContext context;
        private final Artwork artwork;
        private final SnapshotExchange snapshots;
        private final FramePacer pacer;
        private final int width;
        private final int height;
        private FrameStats stats = new FrameStats();
        private FrameMarker marker = FrameMarker.NONE;
        private RenderMailbox mailbox;
        private TargetFormat format = TargetFormat.RGBA8;
        private double shaderTimePeriodSeconds = FrameInfo.DEFAULT_SHADER_TIME_PERIOD_SECONDS;
        private long showStartNanos = FIRST_FRAME;
        private Standby standby = new Standby();
        private CaptionOverlay caption;
        private GpuFrameTimer gpuTimer;
        private final List<Output> outputs = new ArrayList<>();

        private Builder(GlContext context, Artwork artwork, SnapshotExchange snapshots, FramePacer pacer,
                        int width, int height) {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("the canvas needs at least 1x1 pixels, got " + width + "x" + height);
            }
            this.context = Objects.requireNonNull(context, "context");
            this.artwork = Objects.requireNonNull(artwork, "artwork");
            this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
            this.pacer = Objects.requireNonNull(pacer, "pacer");
            this.width = width;
            this.height = height;
        }

        /** Where frame times and drops are recorded. */
        public Builder stats(FrameStats frameStats) {
            this.stats = Objects.requireNonNull(frameStats, "stats");
            return this;
        }

        /** Told of each latched frame (the live run passes it on to the input ring). */
        public Builder marker(FrameMarker frameMarker) {
            this.marker = Objects.requireNonNull(frameMarker, "marker");
            return this;
        }

        /** The mailbox other threads post to; one is made if none is given. */
        public Builder mailbox(RenderMailbox renderMailbox) {
            this.mailbox = Objects.requireNonNull(renderMailbox, "mailbox");
            return this;
        }

        /** The canvas's pixel format; RGBA8 unless a piece needs more. */
        public Builder canvasFormat(TargetFormat canvasFormat) {
            this.format = Objects.requireNonNull(canvasFormat, "canvasFormat");
            return this;
        }

        /**
         * The period the shaders' {@code TIME} wraps at (the manifest's {@code timePeriod});
         * {@link FrameInfo#DEFAULT_SHADER_TIME_PERIOD_SECONDS} unless given.
         *
         * @throws IllegalArgumentException when outside the range {@link FrameInfo} accepts
         */
        public Builder shaderTimePeriod(double seconds) {
            this.shaderTimePeriodSeconds = FrameInfo.requireShaderTimePeriod(seconds);
            return this;
        }

        /**
         * The clock reading (on the pacer's clock) that is show time 0; the first frame's time
         * unless given. A run resumed after a restart, or a test of a show 30 days in, sets it.
         */
        public Builder showStart(long clockNanos) {
            if (clockNanos == FIRST_FRAME) {
                throw new IllegalArgumentException("show start " + clockNanos + " is reserved");
            }
            this.showStartNanos = clockNanos;
            return this;
        }

        /** The opening-hours state the loop draws by; always open unless given (and told otherwise). */
        public Builder standby(Standby workStandby) {
            this.standby = Objects.requireNonNull(workStandby, "standby");
            return this;
        }

        /**
         * The disclosure caption drawn over the artwork while its parameter is on; none unless
         * given (then nothing of it runs at all). The loop closes it.
         */
        public Builder caption(CaptionOverlay disclosureCaption) {
            this.caption = Objects.requireNonNull(disclosureCaption, "caption");
            return this;
        }

        /**
         * Measures each frame's GPU time with {@code timer} (for the energy estimate); none unless
         * given (then no query is made). The loop starts it at the run's start and closes it at
         * the end; the timer's totals stay readable after.
         */
        public Builder gpuTimer(GpuFrameTimer timer) {
            this.gpuTimer = Objects.requireNonNull(timer, "gpuTimer");
            return this;
        }

        /** Adds an output; outputs are given each frame in the order they were added. */
        public Builder output(Output output) {
            outputs.add(Objects.requireNonNull(output, "output"));
            return this;
        }

        /** Adds each listener as an output of the whole canvas, whatever its size. */
        public Builder listeners(List<FrameListener> listeners) {
            for (FrameListener listener : listeners) {
                output(FrameListenerOutput.of("frame listener " + listener.getClass().getSimpleName(), listener));
            }
            return this;
        }

        public RenderLoop build() {
            return new RenderLoop(this);
        }
    }
}
