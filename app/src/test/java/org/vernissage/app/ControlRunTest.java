package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.render.FrameGrabber;
import org.vernissage.showcontrol.control.ControlSettings;
import org.vernissage.showcontrol.cue.CueCurve;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueListLoader;

/**
 * The control port in a whole run: Tidewater renders headless, liblo's {@code oscsend} presses GO
 * and starts a cue on {@code --control}, the /reply JSON comes back over UDP, and the captured
 * frames change as the cues say, fading along the cue's curve.
 */
class ControlRunTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final int WIDTH = 160;
    private static final int HEIGHT = 90;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final int ENERGY = 0;

    @TempDir
    Path folder;

    @Test
    void tidewaterShipsACueListOfAtLeastThreeCuesThatLoads() throws Exception {
        CueList cues = CueListLoader.load(TIDEWATER.resolve("cues.json"), ManifestLoader.load(TIDEWATER).layout());
        assertTrue(cues.size() >= 3, "cues: " + cues.size());
        assertEquals("Still water", cues.cue(0).name());
    }

    @Test
    void aBrokenCueFileRefusesTheRunNamingTheFileTheCueAndTheField() throws Exception {
        Path artwork = TidewaterCopy.withCues(folder, "{ \"cues\": [ { \"number\": \"1\", \"targets\": { \"energy\": 7 } } ] }");
        RunOptions options = RunOptions.defaults(artwork).withSize(new FrameSize(WIDTH, HEIGHT)).withOsc("127.0.0.1", 0);
        ArtworkException e = org.junit.jupiter.api.Assertions.assertThrows(ArtworkException.class,
                () -> ArtworkRun.prepare(options, List.of(), new PrintStream(new ByteArrayOutputStream(), true)));
        assertEquals(artwork.resolve("cues.json") + ": cue \"1\" (cues[0]).targets.energy: expected a number from 0.0"
                + " to 1.0, found 7", e.getMessage());
    }

    @Test
    void goAndCueStartOverTheControlPortChangeTheFramesAsTheCuesSay() throws Exception {
        Path artwork = TidewaterCopy.withCues(folder, """
                { "cues": [
                  { "number": "1", "name": "Dark", "targets": { "energy": 0 } },
                  { "number": "2", "name": "Bright", "targets": { "energy": 1 }, "fade": 1.5, "curve": "smoothstep" } ] }
                """);
        int port = ControlPortPeer.freePort();
        try (DatagramChannel replies = DatagramChannel.open(StandardProtocolFamily.INET)
                .bind(new InetSocketAddress("127.0.0.1", 0))) {
            int replyPort = ((InetSocketAddress) replies.getLocalAddress()).getPort();
            RunOptions options = RunOptions.defaults(artwork).withSize(new FrameSize(WIDTH, HEIGHT))
                    .withOsc("127.0.0.1", 0).withFramesPerSecond(60)
                    .withControl(new ControlSettings("127.0.0.1", port, replyPort, Optional.empty(), 4));
            FrameGrabber grabber = new FrameGrabber(WIDTH, HEIGHT, 5);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            CompletableFuture<ArtworkRun> started = new CompletableFuture<>();
            CompletableFuture<Void> finished = new CompletableFuture<>();
            Thread render = new Thread(() -> {
                try {
                    try (ArtworkRun r = ArtworkRun.prepare(options, List.of(grabber), new PrintStream(console, true))) {
                        started.complete(r);
                        r.renderUntilDone();
                    }
                    finished.complete(null);
                } catch (Throwable t) {
                    started.completeExceptionally(t);
                    finished.completeExceptionally(t);
                }
            }, "test-render");
            render.start();
            ArtworkRun run = started.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            try {
                String banner = "control (QLab-style OSC) on udp+tcp 127.0.0.1:" + port;
                long until = System.nanoTime() + PATIENCE.toNanos();
                while (!console.toString().contains(banner) && System.nanoTime() < until) {
                    Thread.sleep(5); // the banner is printed as the run begins to play
                }
                assertTrue(console.toString().contains(banner), console.toString());
                ControlPortPeer.oscsend(port, "/go");
                JsonNode go = ControlPortPeer.reply(replies, "/reply/go");
                assertEquals("ok", go.get("status").asText());
                assertEquals("1", go.get("data").get("cue").asText());
                assertEquals("tidewater", go.get("workspace_id").asText());
                FrameGrabber.Grab dark = awaitEnergy(grabber, -1, 0f);
                double darkLuma = meanLuma(grabber, dark.frameIndex());

                ControlPortPeer.oscsend(port, "/cue/2/start");
                assertEquals("ok", ControlPortPeer.reply(replies, "/reply/cue/2/start").get("status").asText());
                List<FrameGrabber.Grab> fade = new ArrayList<>();
                long seen = dark.frameIndex();
                while (fade.isEmpty() || fade.get(fade.size() - 1).parameters()[ENERGY] < 1f) {
                    FrameGrabber.Grab grab = grabber.awaitFrameAfter(seen, PATIENCE);
                    fade.add(grab);
                    seen = grab.frameIndex();
                }
                // The stage computes each value for the horizon a frame mark names: the pacer's next
                // deadline. A frame starts at or after its deadline (later when the machine is busy;
                // missed deadlines are skipped), so the horizons of two frames are at most the time
                // between their starts plus one period apart; and a frame latches the newest snapshot,
                // which may still be the previous horizon's (the latch does not wait for the
                // conductor): one period more. The exact per-horizon check is CueStageTest's.
                double slope = CueCurve.SMOOTHSTEP.maxSlope() / 1.5; // per second of show time
                double period = 1.0 / 60;
                int rising = 0;
                for (int i = 1; i < fade.size(); i++) {
                    float step = fade.get(i).parameters()[ENERGY] - fade.get(i - 1).parameters()[ENERGY];
                    double dt = fade.get(i).timeSeconds() - fade.get(i - 1).timeSeconds();
                    double allowed = slope * (dt + 2 * period);
                    assertTrue(step >= 0 && step <= allowed + 1e-5, "frame " + fade.get(i).frameIndex()
                            + ": energy stepped " + step + " in " + dt + " s; the curve allows " + allowed);
                    rising += step > 0 ? 1 : 0;
                }
                assertTrue(rising >= 20, "a 1.5 s fade at 60 fps shows many frames in between: " + rising);
                double brightLuma = meanLuma(grabber, seen);
                assertTrue(brightLuma > darkLuma * 1.8 && brightLuma > darkLuma + 25,
                        "cue 2 lights the water: luma " + darkLuma + " -> " + brightLuma);
            } finally {
                run.requestStop();
                finished.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void controlFlagsAreCheckedAndATakenPortIsNamed() throws Exception {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--frames", "1",
            "--control-passcode", "4321"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Main.EXIT_USAGE, code, err.toString());
        assertTrue(err.toString().lines().findFirst().orElse("").contains("--control-passcode needs --control"),
                err.toString());
        err = new StringWriter();
        code = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--frames", "1", "--control",
            "70000"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Main.EXIT_USAGE, code, err.toString());
        assertTrue(err.toString().contains("--control port must be 0 to 65535"), err.toString());
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            err = new StringWriter();
            code = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--size", "32x18", "--frames",
                "1", "--osc-host", "127.0.0.1", "--osc-port", "0", "--control", String.valueOf(port),
                "--control-host", "127.0.0.1"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertEquals(Main.EXIT_FAILURE, code, err.toString());
            String line = err.toString().lines().findFirst().orElse("");
            assertTrue(line.contains("control port 127.0.0.1:" + port + " cannot be bound"), line);
            assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
        }
    }

    @Test
    void aSavedCueFileIsReloadedAndABrokenSaveLeavesTheLastGoodListRunning() throws Exception {
        Path artwork = TidewaterCopy.withCues(folder, """
                { "cues": [ { "number": "1", "targets": { "energy": 0 } }, { "number": "2", "targets": { "energy": 1 } } ] }
                """);
        int port = ControlPortPeer.freePort();
        try (DatagramChannel replies = DatagramChannel.open(StandardProtocolFamily.INET)
                .bind(new InetSocketAddress("127.0.0.1", 0))) {
            int replyPort = ((InetSocketAddress) replies.getLocalAddress()).getPort();
            RunOptions options = RunOptions.defaults(artwork).withSize(new FrameSize(WIDTH, HEIGHT))
                    .withOsc("127.0.0.1", 0).withFramesPerSecond(30)
                    .withControl(new ControlSettings("127.0.0.1", port, replyPort, Optional.empty(), 4));
            FrameGrabber grabber = new FrameGrabber(WIDTH, HEIGHT, 5);
            try (BackgroundRun playing = BackgroundRun.start(options, List.of(grabber))) {
                ControlPortPeer.oscsend(port, "/cue/3/start");
                assertEquals("error", ControlPortPeer.reply(replies, "/reply/cue/3/start").get("status").asText());

                Path file = artwork.resolve("cues.json");
                TidewaterCopy.save(file, "{ \"cues\": [ { \"number\": \"3\", \"targets\": { \"energy\": 7 } } ] }");
                Thread.sleep(1200); // the run looks twice a second
                ControlPortPeer.oscsend(port, "/cue/2/start");
                assertEquals("ok", ControlPortPeer.reply(replies, "/reply/cue/2/start").get("status").asText(),
                        "the last good list still runs");
                awaitEnergy(grabber, -1, 1f);

                TidewaterCopy.save(file, "{ \"cues\": [ { \"number\": \"2\", \"targets\": { \"energy\": 1 } },"
                        + " { \"number\": \"3\", \"targets\": { \"energy\": 0.5 } } ] }");
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                String status = "";
                while (!status.equals("ok") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    ControlPortPeer.oscsend(port, "/cue/3/start");
                    status = ControlPortPeer.reply(replies, "/reply/cue/3/start").get("status").asText();
                }
                assertEquals("ok", status, "the new list's cue 3 runs once the save is reloaded");
                awaitEnergy(grabber, -1, 0.5f);
                playing.run().requestStop();
                playing.awaitEnd(10);
                String console = playing.console();
                assertTrue(console.contains("cue list: 1 reloads, 1 broken saves refused"), console);
            }
        }
    }
    private static FrameGrabber.Grab awaitEnergy(FrameGrabber grabber, long after, float value) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long seen = after;
        while (System.nanoTime() < deadline) {
            FrameGrabber.Grab grab = grabber.awaitFrameAfter(seen, PATIENCE);
            if (grab.parameters()[ENERGY] == value) {
                return grab;
            }
            seen = grab.frameIndex();
        }
        throw new AssertionError("energy never reached " + value);
    }

    private static double meanLuma(FrameGrabber grabber, long after) throws Exception {
        double sum = 0;
        long seen = after;
        for (int i = 0; i < 10; i++) {
            FrameGrabber.Grab grab = grabber.awaitFrameAfter(seen, PATIENCE);
            sum += grab.image().meanLuma();
            seen = grab.frameIndex();
        }
        return sum / 10;
    }
}
