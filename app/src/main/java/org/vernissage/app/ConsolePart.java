package org.vernissage.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.provenance.Provenance;
import org.vernissage.engine.render.CanvasRegion;
import org.vernissage.engine.render.OffscreenOutput;
import org.vernissage.engine.render.Output;
import org.vernissage.engine.render.PreviewFeed;
import org.vernissage.showcontrol.console.ConsoleServer;
import org.vernissage.showcontrol.console.ConsoleState;
import org.vernissage.showcontrol.console.ConsoleToken;
import org.vernissage.showcontrol.console.ConsoleView;

/**
 * The web console ({@code --console[=PORT]}): its server, the preview it shows (an offscreen output
 * of the canvas, a thumbnail {@value #PREVIEWS_PER_SECOND} times a second, see {@link PreviewFeed}),
 * the recent errors, and what its buttons do ({@link ConsoleCommands}). The token is read from
 * {@code --console-token-file} or made at start and printed once.
 *
 * <p>Started on the thread preparing the run (the render thread), after the GL context: its preview
 * output joins the render loop, which closes that output; the feed's pixel buffers are freed here,
 * on the render thread, when the run closes. The console's own thread only reads.
 */
final class ConsolePart implements RunPart {

    static final int PREVIEWS_PER_SECOND = 4;
    static final int PREVIEW_WIDTH = 320;

    private final ConsoleServer server;
    private final PreviewFeed preview;
    private final RecentErrors errors;
    private final String host;
    private final boolean tokenPrinted;
    private final ConsoleToken token;
    private final int previewHeight;

    private ConsolePart(ConsoleServer server, PreviewFeed preview, RecentErrors errors, String host,
                        ConsoleToken token, boolean tokenPrinted, int previewHeight) {
        this.server = server;
        this.preview = preview;
        this.errors = errors;
        this.host = host;
        this.token = token;
        this.tokenPrinted = tokenPrinted;
        this.previewHeight = previewHeight;
    }

    /**
     * Starts the console {@code options} ask for.
     *
     * @param report the run's statistics, read when a console asks (empty until the run exists)
     * @param commands what GO, stop and panic do
     * @param canvas the canvas size, for the preview's shape
     * @param provenance the previews' mark
     * @throws IOException naming the port or the token file
     */
    static ConsolePart start(ConsoleOptions options, ArtworkManifest manifest, Supplier<Optional<RunReport>> report,
                             ConsoleCommands commands, FrameSize canvas, Provenance provenance) throws IOException {
        ConsoleToken token = options.tokenFile().isPresent() ? ConsoleToken.fromFile(options.tokenFile().get())
                : ConsoleToken.random();
        int previewHeight = Math.max(1, Math.round(PREVIEW_WIDTH * (float) canvas.height() / canvas.width()));
        PreviewFeed preview = new PreviewFeed(PREVIEW_WIDTH, previewHeight, Duration.ofMillis(1000 / PREVIEWS_PER_SECOND),
                provenance, options.inBackground());
        RecentErrors errors = RecentErrors.install();
        try {
            ConsoleView view = new RunConsoleView(manifest.title(), manifest.artist(), report, preview, errors, commands);
            return new ConsolePart(ConsoleServer.start(options.host(), options.port(), token, view, options.allow(),
                    options.inBackground()), preview, errors,
                    options.host(), token, options.tokenFile().isEmpty(), previewHeight);
        } catch (IOException | RuntimeException e) {
            errors.close();
            preview.close();
            throw e;
        }
    }

    /** The output that feeds the preview; add it to the render loop. Render thread. */
    Output previewOutput() {
        return new OffscreenOutput("console preview", CanvasRegion.FULL, PREVIEW_WIDTH, previewHeight, preview);
    }

    /** The port the console listens on. */
    int port() {
        return server.port();
    }

    /** Prints the generated token, once, where only the person at the machine sees it. */
    void printToken(PrintWriter terminal) {
        if (tokenPrinted) {
            terminal.println("vernissage: console token: " + token.reveal() + " (shown once; --console-token-file"
                    + " to set your own)");
        }
    }

    @Override
    public Optional<String> banner() {
        String shown = host.equals("0.0.0.0") ? "this machine's address" : host;
        return Optional.of("console on http://" + shown + ":" + server.port() + "/");
    }

    @Override
    public List<String> statistics() {
        var counters = server.counters();
        var pushes = server.pushes();
        return List.of("console: " + counters.requests() + " requests, " + counters.commands() + " commands, "
                + counters.refused() + " refused for a wrong token"
                + (server.notAllowed() > 0 ? ", " + server.notAllowed() + " connections refused as not in --control-allow"
                : "") + "; " + pushes.sockets() + " sockets, " + pushes.statuses() + " statuses and " + pushes.previews()
                + " previews pushed, " + pushes.skipped() + " previews not sent to a socket not reading, "
                + pushes.stalled() + " sockets closed for not reading; " + preview.made() + " previews made, "
                + preview.skipped() + " skipped");
    }

    @Override
    public void close() {
        server.close();
        errors.close();
        preview.close();
    }

    /** The console's reading of the run: counters and the newest preview, never a wait. */
    private record RunConsoleView(String title, String artist, Supplier<Optional<RunReport>> report,
                                  PreviewFeed feed, RecentErrors errors, ConsoleCommands commands)
            implements ConsoleView {

        @Override
        public ConsoleState state() {
            Optional<RunReport> now = report.get();
            ConsoleState.Frames frames = now.map(r -> new ConsoleState.Frames(r.frames().frames(), r.frames().dropped(),
                    r.frames().p50Nanos() / 1e6, r.frames().p99Nanos() / 1e6, r.frames().maxNanos() / 1e6))
                    .orElse(new ConsoleState.Frames(0, 0, 0, 0, 0));
            List<ConsoleState.Source> sources = now.map(r -> r.sources().stream()
                    .map(s -> new ConsoleState.Source(s.source(), s.received(), s.dropped(), s.rejected())).toList())
                    .orElse(List.of());
            List<String> health = now.map(RunReport::lines).orElse(List.of());
            ConsoleState.Energy energy = now.flatMap(RunReport::energy).map(EnergyReport::reading).map(e -> new ConsoleState.Energy(e.joules(),
                    e.joulesPerHour(), e.watts(), e.kind().label(), e.source())).orElse(ConsoleState.Energy.NONE);
            return new ConsoleState(title, artist, frames, sources, health, errors.lines(), commands.cues(), energy);
        }

        @Override
        public Optional<byte[]> preview() {
            return feed.latestJpeg();
        }

        @Override
        public String command(String name) {
            return commands.run(name);
        }
    }
}
