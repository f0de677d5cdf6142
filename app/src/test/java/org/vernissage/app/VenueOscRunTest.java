package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.osc.OscWriter;

/**
 * The venue adjusted live in a whole run: OSC packets over UDP on 127.0.0.1, sent to the run's
 * ordinary OSC port, reach the outputs' control through the OSC router (not a handler of the
 * test's own), are applied by the render thread at a frame boundary, and {@code save} writes them
 * back into the venue file.
 */
class VenueOscRunTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private final ByteBuffer packet = ByteBuffer.allocate(128);
    private final OscWriter writer = new OscWriter();

    @Test
    void oscOnTheRunsPortMovesAnOutputAndSaveWritesTheVenueBack() throws Exception {
        Path venue = temp.resolve("venue.json");
        Files.writeString(venue, """
                {"outputs": [
                  {"name": "left", "offscreen": {"width": 32, "height": 18}, "region": {"width": 0.6},
                   "blend": {"right": 0.3}},
                  {"name": "right", "offscreen": {"width": 32, "height": 18}, "region": {"x": 0.4, "width": 0.6},
                   "blend": {"left": 0.3}}]}
                """);
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(64, 36)).withOsc("127.0.0.1", 0)
                .withFramesPerSecond(60);
        options = options.withOutput(options.output().withVenue(venue)).withReload(false);
        try (BackgroundRun background = BackgroundRun.start(options, List.of());
             DatagramSocket sender = new DatagramSocket()) {
            ArtworkRun run = background.run();
            send(sender, run, w -> w.message("/vernissage/output/2/gamma").f(2.5f).end());
            send(sender, run, w -> w.message("/vernissage/output/2/blend/left").f(0.25f).end());
            send(sender, run, w -> w.message("/vernissage/output/2/save").end());
            JsonNode saved = awaitSaved(venue);
            JsonNode blend = saved.path("outputs").path(1).path("blend");
            assertEquals(2.5, blend.path("gamma").asDouble(), 1e-6, saved.toString());
            assertEquals(0.25, blend.path("left").asDouble(), 1e-6, saved.toString());
            assertEquals(0.3, saved.path("outputs").path(0).path("blend").path("right").asDouble(), 1e-6,
                    "the first output is untouched: " + saved);
        }
    }

    private void send(DatagramSocket sender, ArtworkRun run, java.util.function.Consumer<OscWriter> message)
            throws Exception {
        writer.wrap(packet.clear());
        message.accept(writer);
        sender.send(new DatagramPacket(packet.array(), writer.length(), InetAddress.getLoopbackAddress(),
                run.oscPort()));
    }

    /** The venue file once the save has written the gamma sent (the file is replaced whole, atomically). */
    private static JsonNode awaitSaved(Path venue) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode last = json.readTree(venue.toFile());
        while (System.nanoTime() < deadline) {
            last = json.readTree(venue.toFile());
            if (last.path("outputs").path(1).path("blend").has("gamma")
                    && last.path("outputs").path(1).path("blend").path("gamma").asDouble() == 2.5) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the venue file was never saved with the new gamma: " + last);
    }
}
