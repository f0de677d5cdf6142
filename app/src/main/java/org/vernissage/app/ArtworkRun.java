package org.vernissage.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.journal.JournalException;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.GlContextException;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.sensors.SensorStartException;

/**
 * One run of one artwork, wired in the shape of the design: sensors (or a journal being replayed)
 * -> input ring -> conductor -> snapshot exchange -> render loop, with captures, a journal and
 * statistics on the side. {@link ArtworkAssembly} composes it from its {@link RunPart}s; this
 * class runs it, reports on it and closes its parts.
 *
 * <p>{@link #prepare} and {@link #renderUntilDone} are called on the thread that will render (the
 * main thread for the launcher); {@link #requestStop} and {@link #report} from any thread. The
 * caller owns the run and closes it, on the render thread.
 */
public final class ArtworkRun implements AutoCloseable {

    private final RunOptions options;
    private final ArtworkManifest manifest;
    private final RunParts parts;
    private final PipelineFaultsView pipelineFaults;
    private final RenderLoop loop;
    private final RenderFaultsView renderFaults;
    private final FrameStats frameStats;
    private final long frames;
    private final List<String> warnings;
    private final PrintWriter out;
    private final Optional<InputSources> sources;
    private final SourceRates rates;
    private ScheduledExecutorService statsPrinter;

    ArtworkRun(RunOptions options, ArtworkManifest manifest, RunParts parts, PipelineFaultsView pipelineFaults,
               RenderLoop loop, FrameStats frameStats, long frames, Clock clock, List<String> warnings,
               PrintWriter out) {
        this.options = options;
        this.manifest = manifest;
        this.parts = parts;
        this.pipelineFaults = pipelineFaults;
        this.loop = loop;
        this.renderFaults = new RenderFaultsView(loop);
        this.frameStats = frameStats;
        this.frames = frames;
        this.warnings = List.copyOf(warnings);
        this.out = out;
        this.sources = options.replaying() ? Optional.empty() : Optional.of(new InputSources(parts.ofType(SensorPart.class)));
        this.rates = new SourceRates(parts.sources(), clock);
    }

    /**
     * Loads the artwork and starts every part of the run: the GL context (window or headless), the
     * artwork (its shader compiled), the pipeline and the sensors (or the journal to replay).
     * Everything started is closed again if a later step fails; nothing is printed then.
     *
     * @param listeners extra frame listeners (previews, tests, benchmarks), called on the render thread
     * @param out where the start banner, warnings and statistics go
     */
    public static ArtworkRun prepare(RunOptions options, List<FrameListener> listeners, PrintStream out)
            throws ArtworkException, GlContextException, SensorStartException, JournalException, IOException {
        return prepare(options, listeners, new PrintWriter(out, true));
    }

    /** The same, printing to the command line's own output (the launcher's {@code out}). */
    static ArtworkRun prepare(RunOptions options, List<FrameListener> listeners, PrintWriter out)
            throws ArtworkException, GlContextException, SensorStartException, JournalException, IOException {
        return ArtworkAssembly.assemble(options, listeners, out);
    }

    /** The port of the {@code index}-th OSC endpoint (useful when the options asked for any free port). */
    public int oscPort(int index) {
        return sources.orElseThrow(() -> new IllegalStateException("a replay listens to no sensor")).oscPort(index);
    }

    /** The port of the first OSC endpoint. */
    public int oscPort() {
        return oscPort(0);
    }

    /** The web console's port ({@code --console}); empty when the run has none. */
    public Optional<Integer> consolePort() {
        return parts.ofType(ConsolePart.class).stream().findFirst().map(ConsolePart::port);
    }

    /** The OSCQuery server's HTTP port ({@code --oscquery}); empty when the run has none. */
    public Optional<Integer> oscQueryPort() {
        return parts.ofType(OscQueryPart.class).stream().findFirst().map(OscQueryPart::port);
    }

    /** The port of the Wekinator endpoint ({@code --wekinator}), when one runs. */
    public Optional<Integer> wekinatorPort() {
        return parts.ofType(ModelsPart.class).stream().flatMap(m -> m.live().stream())
                .flatMap(m -> m.wekinatorPort().stream()).findFirst();
    }

    /** The live models of the run (worker, trainer), when the artwork has any; for tests and benches. */
    public Optional<org.vernissage.models.interact.InteractiveModels> models() {
        return parts.ofType(ModelsPart.class).stream().flatMap(m -> m.live().stream()).findFirst();
    }

    /** The live run's sensors; empty for a replay. */
    public Optional<InputSources> sources() {
        return sources;
    }

    public ArtworkManifest manifest() {
        return manifest;
    }

    /**
     * Prints the start banner, then renders on the calling thread until the frame limit, a closed
     * window, the end of a replayed journal or {@link #requestStop}; then stops printing statistics.
     */
    public void renderUntilDone() throws ArtworkException {
        // A lone ISF file has a CREDIT but no year (0).
        String year = manifest.year() > 0 ? " (" + manifest.year() + ")" : "";
        out.println("vernissage: playing \"" + manifest.title() + "\" by " + manifest.artist() + year
                + " at " + options.output().size() + ", " + String.join("; ", parts.banner()));
        for (String warning : warnings) {
            out.println("vernissage: warning: " + warning);
        }
        options.statsInterval().ifPresent(interval -> {
            statsPrinter = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("vernissage-stats"));
            statsPrinter.scheduleAtFixedRate(() -> out.println("vernissage: " + report().describe()),
                    interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
        });
        try {
            loop.run(frames);
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

    /**
     * The run's statistics so far; rates are since the previous report. Any thread. The lines are
     * the parts' own (newest first), then what the ring and conductor and then the render loop
     * counted instead of stopping the show (only what is not zero).
     */
    public RunReport report() {
        List<String> lines = new ArrayList<>(parts.statistics());
        lines.addAll(pipelineFaults.lines());
        lines.addAll(renderFaults.lines());
        return new RunReport(frameStats.summary(), rates.read(), lines,
                parts.ofType(EnergyPart.class).stream().findFirst().map(EnergyPart::report));
    }

    /** Closes every part newest first (sensors, pipeline, journal, captures, artwork, GL context), then reports. */
    @Override
    public void close() throws IOException {
        try {
            parts.close();
        } finally {
            out.println("vernissage: " + report().describe());
        }
    }
}
