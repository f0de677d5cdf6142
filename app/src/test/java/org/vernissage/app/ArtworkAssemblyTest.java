package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.osc.OscEndpoint;

/**
 * Preparing a real run of the bundled artwork that cannot start: what had started is closed, and
 * nothing is printed (no banner, no statistics) before the error.
 */
class ArtworkAssemblyTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");

    @TempDir
    Path temp;

    @Test
    void aSensorThatCannotStartClosesTheSensorsAndPipelineStartedBeforeIt() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int freePort;
        try (DatagramSocket probe = new DatagramSocket(0, loopback)) {
            freePort = probe.getLocalPort();
        }
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (DatagramSocket taken = new DatagramSocket(0, loopback)) {
            SensorOptions sensors = SensorOptions.defaults().withOsc(List.of(
                    new OscEndpoint(OscEndpoint.Protocol.UDP, "127.0.0.1", freePort),
                    new OscEndpoint(OscEndpoint.Protocol.UDP, "127.0.0.1", taken.getLocalPort())));
            RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(32, 18)).withSensors(sensors);

            SensorStartException failure = assertThrows(SensorStartException.class,
                    () -> ArtworkRun.prepare(options, List.of(), new PrintStream(console, true)));

            assertTrue(failure.getMessage().contains(String.valueOf(taken.getLocalPort())), failure.getMessage());
        }
        try (DatagramSocket again = new DatagramSocket(freePort, loopback)) {
            assertEquals(freePort, again.getLocalPort(), "the first endpoint, started, was closed again");
        }
        assertEquals("", console.toString(), "a run that did not start prints nothing");
    }

    @Test
    void aShaderThatDoesNotCompileFailsThePrepareBeforeAnyBannerOrStatistics() throws IOException {
        Path artwork = temp.resolve("broken");
        Files.createDirectories(artwork);
        Files.copy(TIDEWATER.resolve("artwork.json"), artwork.resolve("artwork.json"));
        Files.writeString(artwork.resolve("tidewater.frag"), Files.readString(TIDEWATER.resolve("tidewater.frag"))
                .replace("void main() {", "void main() {\n    float broken = undeclaredTide * 2.0;"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunOptions options = RunOptions.defaults(artwork).withSize(new FrameSize(32, 18)).withOsc("127.0.0.1", 0);

        ArtworkException failure = assertThrows(ArtworkException.class,
                () -> ArtworkRun.prepare(options, List.of(), new PrintStream(console, true)));

        assertTrue(failure.getMessage().contains("undeclaredTide"), failure.getMessage());
        assertEquals("", console.toString(), "no 'playing' line and no statistics for a run that never played");
    }
}
