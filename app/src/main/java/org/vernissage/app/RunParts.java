package org.vernissage.app;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.journal.JournalException;
import org.vernissage.engine.journal.JournalHeader;
import org.vernissage.engine.journal.JournalPlayer;
import org.vernissage.engine.journal.JournalReader;
import org.vernissage.engine.journal.JournalSummary;
import org.vernissage.engine.journal.JournalWriter;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.FragmentShaderArtwork;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.FrameMarker;
import org.vernissage.engine.render.FramePacer;
import org.vernissage.engine.render.GlContext;
import org.vernissage.engine.render.GlContextException;
import org.vernissage.engine.render.GlfwWindowContext;
import org.vernissage.engine.render.PngFrameCapture;
import org.vernissage.engine.render.RealTimePacer;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.SteppedPacer;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.conditioning.BindingConditioner;

/**
 * Assembles one run in the shape of the design, in order: manifest, GL context, captures,
 * journal, input ring with its conductor, then either the sensors (a live run) or a journal player
 * (a replay), and the render loop. It remembers what it opened, so that a failure part-way undoes
 * it, and a finished run closes it newest first: the sensors stop producing before the ring stops
 * consuming, the ring drains before the journal closes, captures flush before the GL context goes.
 *
 * <p>Used on the thread preparing the run (which will render); then owned by the {@link ArtworkRun}.
 */
final class RunParts {

    final RunOptions options;
    final PrintStream out;
    final List<AutoCloseable> opened = new ArrayList<>();
    final FrameStats frameStats = new FrameStats();
    final List<String> warnings = new ArrayList<>();
    ArtworkManifest manifest;
    GlContext context;
    Clock clock;
    Conductor conductor;
    InputRing ring;
    Optional<InputSources> sources = Optional.empty();
    Optional<JournalWriter> journal = Optional.empty();
    Optional<JournalPlayer> player = Optional.empty();
    Optional<JournalSummary> replaying = Optional.empty();
    Optional<PngFrameCapture> capture = Optional.empty();
    RenderLoop loop;
    long frames;

    RunParts(RunOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void build(List<FrameListener> extraListeners)
            throws ArtworkException, GlContextException, SensorStartException, JournalException, IOException {
        manifest = ManifestLoader.load(options.artworkFolder());
        String digest = ArtworkDigest.of(options.artworkFolder());
        if (options.replay().isPresent()) {
            replaying = Optional.of(checkedJournal(options.replay().get(), digest));
        }
        ParameterLayout layout = manifest.layout();
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        SnapshotExchange snapshots = new SnapshotExchange(defaults, ConductorSettings.DEFAULT.touchCapacity());
        FramePacer pacer = pacer();

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
        if (options.record().isPresent()) {
            JournalWriter writer = JournalWriter.create(options.record().get(), new JournalHeader(
                    options.size().width(), options.size().height(), options.framesPerSecond(),
                    Instant.now().toEpochMilli(), manifest.title(), digest));
            opened.add(writer);
            journal = Optional.of(writer);
        }

        conductor = new Conductor(layout, snapshots, new BindingConditioner(manifest.bindings(), layout),
                ConductorSettings.DEFAULT);
        ring = journal.isPresent()
                ? new InputRing(InputRing.DEFAULT_SIZE, options.ringWait(),
                        daemonThreads("vernissage-conductor", "vernissage-journal"),
                        conductor, journal.get())
                : new InputRing(InputRing.DEFAULT_SIZE, options.ringWait(), daemonThreads("vernissage-conductor"),
                        conductor);
        ring.start();
        opened.add(ring);

        FrameMarker marker;
        frames = options.frames();
        if (replaying.isPresent()) {
            JournalPlayer journalPlayer = new JournalPlayer(JournalReader.open(options.replay().get().journal()),
                    ring, snapshots, options.replay().get().realTime() ? new SystemClock() : null);
            opened.add(journalPlayer);
            player = Optional.of(journalPlayer);
            pacer = journalPlayer;
            marker = FrameMarker.NONE;
            long recorded = replaying.get().frames();
            frames = frames == 0 ? recorded : Math.min(frames, recorded);
        } else {
            InputSources started = InputSources.start(options.sensors(), manifest.bindings(), ring, clock, warnings);
            opened.add(started);
            sources = Optional.of(started);
            InputRing frameRing = ring;
            marker = (index, frameNanos, nextFrameNanos, latched) ->
                    frameRing.offerFrame(index, frameNanos, nextFrameNanos, latched.eventsConsumed());
        }
        loop = new RenderLoop(context, new FragmentShaderArtwork(manifest, layout), snapshots, pacer,
                frameStats, listeners, marker, options.size().width(), options.size().height());
    }

    private JournalSummary checkedJournal(RunOptions.Replay replay, String digest) throws JournalException {
        JournalSummary summary = JournalSummary.of(replay.journal());
        JournalHeader header = summary.header();
        if (!header.artworkDigest().equals(digest)) {
            warnings.add(options.artworkFolder() + " has changed since " + replay.journal() + " was recorded (of \""
                    + header.artworkTitle() + "\"): the replay may not give the same frames");
        }
        if (header.width() != options.size().width() || header.height() != options.size().height()) {
            warnings.add("replaying at " + options.size() + " a journal recorded at " + header.width() + "x"
                    + header.height() + ": frames will differ from the recording's");
        }
        if (summary.frames() == 0) {
            throw new JournalException(replay.journal(), "holds no frames: nothing to replay");
        }
        return summary;
    }

    /** The live run's clock and pacer; a replay's pacer is its journal player, made later. */
    private FramePacer pacer() {
        if (options.replay().isPresent()) {
            clock = new SystemClock();
            return null;
        }
        if (options.stepped()) {
            ManualClock manual = new ManualClock(0);
            clock = manual;
            return new SteppedPacer(manual, options.framesPerSecond());
        }
        clock = new SystemClock();
        return new RealTimePacer(clock, options.framesPerSecond());
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

    /** Closes newest first; the first failure is rethrown after everything was tried. */
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

    /**
     * Daemon threads named in order of creation: the render thread, not these, decides when the
     * process ends.
     */
    static ThreadFactory daemonThreads(String... names) {
        Iterator<String> next = List.of(names).iterator();
        return runnable -> {
            Thread thread = new Thread(runnable, next.hasNext() ? next.next() : names[names.length - 1]);
            thread.setDaemon(true);
            return thread;
        };
    }
}
