package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.showcontrol.access.AddressAllowlist;
import org.vernissage.showcontrol.control.ControlSettings;

/**
 * {@code --control-allow} in a whole run, over real sockets on 127.0.0.1 with liblo's
 * {@code oscsend}: a list without 127.0.0.1 drops the GO unanswered, counts it and no cue runs; a
 * list with 127.0.0.0/8 takes it; a bad entry is a usage error naming it.
 */
class ControlAllowRunTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final int HUE = 1;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    @Test
    void aListWithoutThisAddressRefusesGoAndNoCueRuns() throws Exception {
        Played played = playAndGo("10.0.0.0/8,192.168.1.0/24,fd00::/8");
        assertEquals(null, played.reply, "a refused sender hears nothing");
        assertEquals(null, played.hueMoved, "cue 1 did not run");
        assertTrue(played.console.contains(": 0 commands,") && played.console.contains(
                "1 refused as not in --control-allow"), played.console);
    }

    @Test
    void aListWithThisAddressTakesGo() throws Exception {
        Played played = playAndGo("192.168.1.0/24, 127.0.0.0/8");
        assertEquals("ok", played.reply.get("status").asText(), played.reply.toString());
        assertEquals("1", played.reply.get("data").get("cue").asText());
        assertEquals(0.9f, played.hueMoved, 1e-6f);
        assertTrue(played.console.contains(": 1 commands,") && !played.console.contains("--control-allow"),
                played.console);
    }

    @Test
    void aBadEntryIsAUsageErrorNamingIt() {
        for (String[] bad : new String[][] {{"10.0.0.300", "'10.0.0.300' is not an address"},
                {"192.168.1.0/24,10.0.0.0/40", "'10.0.0.0/40' has a prefix length that is not 0 to 32"},
                {"gallery.local", "'gallery.local' is not an address"}}) {
            StringWriter err = new StringWriter();
            int code = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--frames", "1",
                "--control", "0", "--control-allow", bad[0]}, new PrintWriter(new StringWriter(), true),
                    new PrintWriter(err, true));
            assertEquals(Main.EXIT_USAGE, code, err.toString());
            String line = err.toString().lines().findFirst().orElse("");
            assertTrue(line.contains("--control-allow: " + bad[1]), line);
            assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
        }
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--frames", "1",
            "--control-allow", "10.0.0.0/8"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Main.EXIT_USAGE, code, err.toString());
        assertTrue(err.toString().contains("add --control or --console"), err.toString());
    }

    @Test
    void theConsolesPriorityIsBackgroundOrNormalAndNeedsTheConsole() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--frames", "1",
            "--console", "0", "--console-priority", "high"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertEquals(Main.EXIT_USAGE, code, err.toString());
        assertTrue(err.toString().contains("--console-priority takes background or normal, got 'high'"), err.toString());
        err = new StringWriter();
        code = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--frames", "1",
            "--console-priority", "normal"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Main.EXIT_USAGE, code, err.toString());
        assertTrue(err.toString().contains("add --console"), err.toString());
    }

    /** What one run did with one GO from 127.0.0.1. */
    private record Played(JsonNode reply, Float hueMoved, String console) {
    }

    private Played playAndGo(String allow) throws Exception {
        Path artwork = TidewaterCopy.withCues(folder, "{ \"cues\": [ { \"number\": \"1\", \"targets\": { \"hue\": 0.9 } } ] }");
        int port = ControlPortPeer.freePort();
        AtomicLong frames = new AtomicLong();
        AtomicReference<Float> hueMoved = new AtomicReference<>();
        FrameListener watcher = (frame, parameters, image) -> {
            float[] values = new float[parameters.slotCount()];
            parameters.copyValuesInto(values);
            if (values[HUE] != 0f && hueMoved.get() == null) {
                hueMoved.set(values[HUE]);
            }
            frames.incrementAndGet();
        };
        try (DatagramChannel replies = DatagramChannel.open(StandardProtocolFamily.INET)
                .bind(new InetSocketAddress("127.0.0.1", 0))) {
            int replyPort = ((InetSocketAddress) replies.getLocalAddress()).getPort();
            RunOptions options = RunOptions.defaults(artwork).withSize(new FrameSize(32, 18)).withOsc("127.0.0.1", 0)
                    .withFramesPerSecond(60).withControl(new ControlSettings("127.0.0.1", port, replyPort,
                            Optional.empty(), 4).withAllow(AddressAllowlist.parse("--control-allow", allow)));
            JsonNode reply;
            String console;
            try (BackgroundRun playing = BackgroundRun.start(options, List.of(watcher))) {
                await(() -> frames.get() > 5, "the run renders");
                ControlPortPeer.oscsend(port, "/go");
                reply = ControlPortPeer.replyWithin(replies, "/reply/go", Duration.ofSeconds(2));
                long seen = frames.get();
                await(() -> frames.get() > seen + 20 && (reply == null || hueMoved.get() != null), "frames after GO");
                playing.run().requestStop();
                playing.awaitEnd(10);
                console = playing.console();
            }
            return new Played(reply, hueMoved.get(), console);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(5);
        }
    }
}
