package org.vernissage.app;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.FragmentShaderArtwork;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.FramePacer;
import org.vernissage.engine.render.GlContext;
import org.vernissage.engine.render.GlContextException;
import org.vernissage.engine.render.GlfwWindowContext;
import org.vernissage.engine.render.PngFrameCapture;
import org.vernissage.engine.render.RealTimePacer;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.SteppedPacer;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.osc.OscBindingRouter;
import org.vernissage.sensors.osc.OscStats;
import org.vernissage.sensors.osc.OscUdpReceiver;

/**
 * One run of one artwork, wired in the shape of the design: OSC receiver -> input ring ->
 * conductor -> snapshot exchange -> render loop, with captures and statistics on the side.
 * It assembles and tears down; the work itself happens in the classes it wires.
 *
 * <p>{@link #prepare} and {@link #renderUntilDone} are called on the thread that will render (the
 * main thread for the launcher); {@link #requestStop} and {@link #report} from any thread. The
 * caller owns the run and closes it.
 */
public final class ArtworkRun implements AutoCloseable {

    private static final int RING_SIZE = 4096;

    private final RunOptions options;
    private final ArtworkManifest manifest;
    private final GlContext context;
    private final InputRing ring;
    private final OscUdpReceiver osc;
    private final OscStats oscStats;
    private final FrameStats frameStats;
    private final Optional<PngFrameCapture> capture;
    private final RenderLoop loop;
    private final PrintStream out;
    private final List<AutoCloseable> openedInOrder;
    private ScheduledExecutorService statsPrinter;

    private ArtworkRun(Builder parts) {
        this.options = parts.options;
        this.manifest = parts.manifest;
        this.context = parts.context;
        this.ring = parts.ring;
        this.osc = parts.osc;
        this.oscStats = parts.oscStats;
        this.frameStats = parts.frameStats;
        this.capture = parts.capture;
        this.loop = parts.loop;
        this.out = parts.out;
        this.openedInOrder = parts.opened;
    }

    /**
     * Loads the artwork, opens the GL context (window or headless), starts the pipeline and the
     * OSC receiver. Everything opened is closed again if a later step fails.
     *
     * @param listeners extra frame listeners (previews, tests, benchmarks), called on the render thread
     * @param out where the start line and statistics go
     */
    public static ArtworkRun prepare(RunOptions options, List<FrameListener> listeners, PrintStream out)
            throws ArtworkException, GlContextException, SensorStartException, IOException {
        Builder parts = new Builder(options, out);
        try {
            parts.build(listeners);
            return new ArtworkRun(parts);
        } catch (ArtworkException | GlContextException | SensorStartException | IOException | RuntimeException e) {
            parts.closeAll();
            throw e;
        }
    }

    /** The UDP port OSC is received on (useful when the options asked for any free port). */
    public int oscPort() {
        return osc.port();
    }

    public ArtworkManifest manifest() {
        return manifest;
    }

    /**
     * Renders on the calling thread until the frame limit, a closed window or {@link #requestStop};
     * then prints the final statistics.
     */
    public void renderUntilDone() throws ArtworkException {
        out.println("vernissage: playing \"" + manifest.title() + "\" by " + manifest.artist() + " ("
                + manifest.year() + ") at " + options.size() + ", " + context.description()
                + "; OSC on UDP " + options.oscHost() + ":" + oscPort());
        options.statsInterval().ifPresent(interval -> {
            statsPrinter = Executors.newSingleThreadScheduledExecutor(daemonThreads("vernissage-stats"));
            statsPrinter.scheduleAtFixedRate(() -> out.println("vernissage: " + report().describe()),
                    interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        });
        try {
            loop.run(options.frames());
        } finally {
            if (statsPrinter != null) {
                statsPrinter.shutdownNow();
            }
        }
    }

    /** Asks the render loop to stop after the current frame. Any thread. */
    public void requestStop() {
        loop.requestStop();
    }

    /** The run's statistics so far. Any thread. */
    public RunReport report() {
        return new RunReport(frameStats.summary(), oscStats.messagesReceived(), oscStats.messagesDropped(),
                oscStats.packetsRejected());
    }

    /** Stops the receiver and the pipeline, flushes captures, releases the GL context, prints the report. */
    @Override
    public void close() throws IOException {
        Builder.closeInReverse(openedInOrder);
        out.println("vernissage: " + report().describe()
                + capture.map(c -> ", " + c.framesWritten() + " frames captured").orElse(""));
    }

    /** Threads that never keep the process alive on their own: the render thread decides when it ends. */
    private static ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Assembles the parts in order, remembering what it opened so a failure can undo it. */
    private static final class Builder {
        final RunOptions options;
        final PrintStream out;
        final List<AutoCloseable> opened = new ArrayList<>();
        final OscStats oscStats = new OscStats();
        final FrameStats frameStats = new FrameStats();
        ArtworkManifest manifest;
        GlContext context;
        InputRing ring;
        OscUdpReceiver osc;
        Optional<PngFrameCapture> capture = Optional.empty();
        RenderLoop loop;

        Builder(RunOptions options, PrintStream out) {
            this.options = options;
            this.out = out;
        }

        void build(List<FrameListener> extraListeners)
                throws ArtworkException, GlContextException, SensorStartException, IOException {
            manifest = ManifestLoader.load(options.artworkFolder());
            ParameterLayout layout = manifest.layout();
            float[] defaults = new float[layout.slotCount()];
            layout.copyDefaultsInto(defaults);
            SnapshotExchange snapshots = new SnapshotExchange(defaults);

            Clock clock;
            FramePacer pacer;
            if (options.stepped()) {
                ManualClock manual = new ManualClock(0);
                clock = manual;
                pacer = new SteppedPacer(manual, options.framesPerSecond());
            } else {
                clock = new SystemClock();
                pacer = new RealTimePacer(clock, options.framesPerSecond());
            }

            context = openContext();
            opened.add(context);

            List<FrameListener> listeners = new ArrayList<>(extraListeners);
            if (options.captureFolder().isPresent()) {
                PngFrameCapture png = new PngFrameCapture(options.captureFolder().get(),
                        options.size().width(), options.size().height());
                opened.add(png);
                capture = Optional.of(png);
                listeners.add(png);
            }

            ring = new InputRing(RING_SIZE, options.ringWait(), daemonThreads("vernissage-conductor"),
                    new Conductor(layout, snapshots));
            ring.start();
            opened.add(ring);

            OscBindingRouter router = new OscBindingRouter(manifest.oscBindings(), layout, ring, oscStats);
            osc = new OscUdpReceiver(options.oscHost(), options.oscPort(), router, clock, oscStats);
            osc.start();
            opened.add(osc);

            loop = new RenderLoop(context, new FragmentShaderArtwork(manifest, layout), snapshots, pacer,
                    frameStats, listeners, options.size().width(), options.size().height());
        }

        private GlContext openContext() throws GlContextException {
            if (options.headless()) {
                return EglSurfacelessContext.open(options.size().width(), options.size().height());
            }
            return GlfwWindowContext.open("Vernissage: " + manifest.title(), options.size().width(),
                    options.size().height(), options.fullscreenMonitor());
        }

        void closeAll() {
            try {
                closeInReverse(opened);
            } catch (IOException ignored) {
                // already failing; the first error is the one the user needs
            }
        }

        /**
         * Closes newest first: the receiver stops producing before the ring stops consuming, and
         * captures flush before the GL context goes.
         */
        static void closeInReverse(List<AutoCloseable> opened) throws IOException {
            IOException first = null;
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                } catch (Exception e) {
                    first = first == null ? new IOException(e.getMessage(), e) : first;
                }
            }
            opened.clear();
            if (first != null) {
                throw first;
            }
        }
    }
}
