package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.showcontrol.console.ConsoleState;
import org.vernissage.showcontrol.cue.ControlCommands;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueListLoader;

/**
 * The web console's view of the cues in a real conductor with Tidewater's cue list, its updates
 * through a real outbox agent: GO shows where the playhead went and which cue runs, and after
 * {@code cues.json} is reloaded the view lists the new cues, not the ones the run started with;
 * in a whole run with the web console alone (no control port), a saved cue file is reloaded; and
 * after a restart the console shows the cues and the playhead the saved show had.
 */
class CueConsoleTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");

    @TempDir
    Path folder;

    private final ArtworkManifest manifest;
    private final PipelinePart pipeline;
    private final OutboxPart outbox;
    private final CueConsole console;

    CueConsoleTest() throws Exception {
        manifest = ManifestLoader.load(TIDEWATER);
        CueList cues = CueListLoader.loadIfPresent(TIDEWATER, manifest.layout()).orElseThrow();
        pipeline = PipelinePart.start(manifest, manifest.layout(), PipelineOptions.DEFAULT, Optional.empty(),
                new PipelinePart.Stages(Optional.of(cues), true, Optional.empty(), List.of()));
        outbox = OutboxPart.create(pipeline.conductor().outbox());
        console = new CueConsole(pipeline.ring(), new SystemClock(), pipeline.cueStage().inForce());
        outbox.listen(EventKinds.CONSOLE_REPLY, console);
        outbox.startDraining();
    }

    @AfterEach
    void close() throws Exception {
        outbox.close();
        pipeline.close();
    }

    @Test
    void goShowsTheRunningCueAndTheNextOne() throws Exception {
        assertEquals("GO: cue 1", console.run("go"));
        await(() -> console.cues().playhead().equals("2"));
        ConsoleState.Cues view = console.cues();
        assertEquals("Still water", view.list().get(0).name());
        await(() -> console.cues().list().get(0).state().equals("running"));
    }

    @Test
    void afterAReloadTheViewListsTheCuesTheStageRuns() throws Exception {
        Path file = folder.resolve(CueListLoader.FILE_NAME);
        Files.writeString(file, """
                { "cues": [ { "number": "10", "name": "Dawn", "targets": { "hue": 0.1 } },
                            { "number": "20", "name": "Noon", "targets": { "hue": 0.2 }, "fade": 30 } ] }
                """);
        pipeline.cueStage().offer(CueListLoader.load(file, manifest.layout()));
        InputEvent reload = new InputEvent();
        new ConsoleCommandFlyweight().wrap(reload.begin(EventKinds.CONSOLE_COMMAND, System.nanoTime(),
                InputBatch.IMMEDIATELY, false)).reset(-1, ControlCommands.RELOAD, 0);
        assertTrue(pipeline.ring().offerEvent(reload));

        await(() -> console.cues().list().size() == 2);
        ConsoleState.Cues view = console.cues();
        assertEquals(List.of("10", "20"), view.list().stream().map(ConsoleState.Cue::number).toList());
        assertEquals(List.of("Dawn", "Noon"), view.list().stream().map(ConsoleState.Cue::name).toList());
        assertEquals("10", view.playhead(), "the old playhead's cue is gone: the new list's first");

        assertEquals("GO: cue 10", console.run("go"));
        assertEquals("GO: cue 20", awaitGo());
        await(() -> console.cues().list().get(1).state().equals("running"));
        assertEquals("20", console.cues().running().get(0).cue(), "the running fade is the new list's cue 20");
    }

    @Test
    void aRunWithTheWebConsoleAloneReloadsASavedCueFile() throws Exception {
        Path artwork = TidewaterCopy.withCues(folder, """
                { "cues": [ { "number": "1", "name": "First", "targets": { "energy": 0.2 } } ] }
                """);
        String token = "a-token-for-the-cue-reload-test";
        Path tokenFile = Files.writeString(folder.resolve("token"), token + "\n");
        RunOptions options = RunOptions.defaults(artwork).withSize(new FrameSize(32, 18)).withFramesPerSecond(30)
                .withSensors(SensorOptions.defaults().withOsc(List.of())).withReload(false)
                .withConsole(new ConsoleOptions(0, "127.0.0.1", Optional.of(tokenFile)));
        ObjectMapper json = new ObjectMapper();
        try (BackgroundRun playing = BackgroundRun.start(options, List.of());
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + playing.run().consolePort().orElseThrow() + "/api/status"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).GET().build();
            Callable<String> names = () -> json.readTree(http.send(status, HttpResponse.BodyHandlers.ofString()).body())
                    .path("cues").path("list").findValuesAsText("name").toString();
            assertEquals("[First]", names.call());
            TidewaterCopy.save(artwork.resolve(CueListLoader.FILE_NAME), """
                    { "cues": [ { "number": "1", "name": "Morning", "targets": { "energy": 0.2 } },
                                { "number": "2", "name": "Evening", "targets": { "energy": 0.8 } } ] }
                    """);
            await(() -> {
                try {
                    return names.call().equals("[Morning, Evening]");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            playing.run().requestStop();
            playing.awaitEnd(10);
            assertTrue(playing.console().contains("cue list: 1 reloads, 0 broken saves refused"), playing.console());
        }
    }

    @Test
    void afterARestartTheConsoleShowsTheRestoredCuesAndPlayhead() throws Exception {
        Path artwork = TidewaterCopy.withCues(folder, """
                { "cues": [ { "number": "1", "name": "Slow rise", "targets": { "energy": 1 }, "fade": 60 },
                            { "number": "2", "name": "Hold", "targets": { "energy": 0.5 } } ] }
                """);
        String token = "a-token-for-the-restart-test";
        Path tokenFile = Files.writeString(folder.resolve("token"), token + "\n");
        RunOptions options = RunOptions.defaults(artwork).withSize(new FrameSize(32, 18)).withFramesPerSecond(30)
                .withSensors(SensorOptions.defaults().withOsc(List.of())).withReload(false)
                .withState(new StateOptions(Optional.of(folder.resolve("state")), false))
                .withConsole(new ConsoleOptions(0, "127.0.0.1", Optional.of(tokenFile)));
        ObjectMapper json = new ObjectMapper();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            try (BackgroundRun first = BackgroundRun.start(options, List.of())) {
                URI base = URI.create("http://127.0.0.1:" + first.run().consolePort().orElseThrow() + "/api/");
                HttpResponse<String> go = http.send(HttpRequest.newBuilder(base.resolve("go"))
                        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, go.statusCode(), go.body());
                awaitCues(http, json, base, token, "2", "running");
                Thread.sleep(1_000); // the show state is written within a few hundred ms of a change
                first.run().requestStop();
                first.awaitEnd(10);
            }
            try (BackgroundRun second = BackgroundRun.start(options, List.of())) {
                URI base = URI.create("http://127.0.0.1:" + second.run().consolePort().orElseThrow() + "/api/");
                awaitCues(http, json, base, token, "2", "running"); // cue 1's minute-long fade goes on
            }
        }
    }

    /** Waits until the console says the playhead is on {@code playhead} and the first cue is {@code state}. */
    private static void awaitCues(HttpClient http, ObjectMapper json, URI base, String token, String playhead,
                                  String state) throws InterruptedException {
        HttpRequest status = HttpRequest.newBuilder(base.resolve("status")).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(5)).GET().build();
        await(() -> {
            try {
                com.fasterxml.jackson.databind.JsonNode cues = json.readTree(
                        http.send(status, HttpResponse.BodyHandlers.ofString()).body()).path("cues");
                return cues.path("playhead").asText().equals(playhead)
                        && cues.path("list").path(0).path("state").asText().equals(state);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Presses GO once the playhead has moved to the second cue; returns the console's answer. */
    private String awaitGo() throws InterruptedException {
        await(() -> console.cues().playhead().equals("20"));
        return console.run("go");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 10 s");
            Thread.sleep(5);
        }
    }
}
