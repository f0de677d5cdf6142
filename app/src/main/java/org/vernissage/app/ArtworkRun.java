package org.vernissage.app;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.journal.JournalException;
import org.vernissage.engine.pipeline.ConductorStats;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.GlContextException;
import org.vernissage.sensors.SensorStartException;

/**
 * One run of one artwork, wired in the shape of the design: sensors (or a journal being replayed)
 * -> input ring -> conductor -> snapshot exchange -> render loop, with captures, a journal and
 * statistics on the side. {@link RunParts} assembles it; this class runs it, reports on it and
 * tears it down.
 *
 * <p>{@link #prepare} and {@link #renderUntilDone} are called on the thread that will render (the
 * main thread for the launcher); {@link #requestStop} and {@link #report} from any thread. The
 * caller owns the run and closes it.
 */
public final class ArtworkRun implements AutoCloseable {

    private final RunParts parts;
    private final SourceRates rates;
    private ScheduledExecutorService statsPrinter;

    private ArtworkRun(RunParts parts) {
        this.parts = parts;
        this.rates = new SourceRates(parts.sources.map(InputSources::counters).orElse(List.of()), parts.clock);
    }

    /**
     * Loads the artwork, opens the GL context (window or headless), starts the pipeline and the
     * sensors (or opens the journal to replay). Everything opened is closed again if a later step
     * fails.
     *
     * @param listeners extra frame listeners (previews, tests, benchmarks), called on the render thread
     * @param out where the start line, warnings and statistics go
     */
    public static ArtworkRun prepare(RunOptions options, List<FrameListener> listeners, PrintStream out)
            throws ArtworkException, GlContextException, SensorStartException, JournalException, IOException {
        RunParts parts = new RunParts(options, out);
        try {
            parts.build(listeners);
            return new ArtworkRun(parts);
        } catch (ArtworkException | GlContextException | SensorStartException | JournalException | IOException
                 | RuntimeException e) {
            parts.closeAll();
            throw e;
        }
    }

    /** The port of the {@code index}-th OSC endpoint (useful when the options asked for any free port). */
    public int oscPort(int index) {
        return parts.sources.orElseThrow(() -> new IllegalStateException("a replay listens to no sensor"))
                .oscPort(index);
    }

    /** The port of the first OSC endpoint. */
    public int oscPort() {
        return oscPort(0);
    }

    /** The live run's sensors; empty for a replay. */
    public Optional<InputSources> sources() {
        return parts.sources;
    }

    public ArtworkManifest manifest() {
        return parts.manifest;
    }

    /**
     * Renders on the calling thread until the frame limit, a closed window, the end of a replayed
     * journal or {@link #requestStop}; then stops printing statistics.
     */
    public void renderUntilDone() throws ArtworkException {
        RunOptions options = parts.options;
        PrintStream out = parts.out;
        out.println("vernissage: playing \"" + parts.manifest.title() + "\" by " + parts.manifest.artist() + " ("
                + parts.manifest.year() + ") at " + options.size() + ", " + parts.context.description() + "; "
                + inputs());
        for (String warning : parts.warnings) {
            out.println("vernissage: warning: " + warning);
        }
        options.statsInterval().ifPresent(interval -> {
            statsPrinter = Executors.newSingleThreadScheduledExecutor(RunParts.daemonThreads("vernissage-stats"));
            statsPrinter.scheduleAtFixedRate(() -> out.println("vernissage: " + report().describe()),
                    interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        });
        try {
            parts.loop.run(parts.frames);
        } finally {
            if (statsPrinter != null) {
                statsPrinter.shutdownNow();
            }
        }
    }

    private String inputs() {
        if (parts.replaying.isPresent()) {
            return "replaying " + parts.options.replay().orElseThrow().journal() + ": "
                    + parts.replaying.get().describe();
        }
        String recording = parts.journal.map(j -> "; recording to " + j.file()).orElse("");
        return parts.sources.map(InputSources::describe).orElse("") + recording;
    }

    /** Asks the render loop to stop after the current frame. Any thread. */
    public void requestStop() {
        parts.loop.requestStop();
    }

    /** The run's statistics so far; rates are since the previous report. Any thread. */
    public RunReport report() {
        ConductorStats pipeline = parts.conductor.stats();
        Optional<String> journal = parts.journal.map(j -> "journal " + j.file() + ": " + j.eventsWritten()
                + " events, " + j.bytesWritten() + " bytes" + (j.failed() ? " (stopped by a write error)" : ""));
        if (parts.player.isPresent()) {
            journal = Optional.of("replayed " + parts.player.get().framesPlayed() + " of "
                    + parts.replaying.orElseThrow().frames() + " recorded frames");
        }
        return new RunReport(parts.frameStats.summary(), rates.read(), pipeline.scheduledDropped(),
                pipeline.touchesTimedOut(), journal);
    }

    /** Stops the sensors and the pipeline, flushes captures and the journal, releases the GL context, reports. */
    @Override
    public void close() throws IOException {
        RunParts.closeInReverse(parts.opened);
        parts.out.println("vernissage: " + report().describe()
                + parts.capture.map(c -> "\n  " + c.framesWritten() + " frames captured").orElse(""));
    }
}
