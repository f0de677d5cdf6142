package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.showcontrol.control.ControlMessage;

/**
 * A console talking to a running engine's control port as a technician's would: a free port to
 * give the run, liblo's {@code oscsend} for a command, and the {@code /reply/...} JSON read back on
 * a UDP channel. Shared by the app's show-control tests.
 *
 * <p>Stateless; the test's thread.
 */
final class ControlPortPeer {

    /** How long a reply may take on a loaded machine. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ControlPortPeer() {
    }

    /** A port free for both UDP and TCP right now, on every address. */
    static int freePort() throws IOException {
        for (int tries = 0; tries < 20; tries++) {
            try (ServerSocket tcp = new ServerSocket(0);
                 DatagramSocket udp = new DatagramSocket(tcp.getLocalPort())) {
                return tcp.getLocalPort();
            } catch (IOException taken) {
                // the UDP side was taken: try another
            }
        }
        throw new IOException("no port free for both UDP and TCP");
    }

    /** Sends {@code address} with no argument to 127.0.0.1:{@code port} with liblo's oscsend. */
    static void oscsend(int port, String address) throws Exception {
        Process p = new ProcessBuilder("oscsend", "127.0.0.1", Integer.toString(port), address)
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0,
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The JSON of the next reply on {@code channel}, which must be {@code address}; fails after {@link #PATIENCE}. */
    static JsonNode reply(DatagramChannel channel, String address) throws Exception {
        JsonNode reply = replyWithin(channel, address, PATIENCE);
        if (reply == null) {
            throw new AssertionError("no reply to " + address);
        }
        return reply;
    }

    /** The JSON of the next reply on {@code channel}, which must be {@code address}, or null when none came within {@code wait}. */
    static JsonNode replyWithin(DatagramChannel channel, String address, Duration wait) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        channel.configureBlocking(false);
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            buffer.clear();
            if (channel.receive(buffer) != null) {
                List<ControlMessage> got = new ArrayList<>();
                assertTrue(new OscPacketReader().read(buffer, 0, buffer.position(), 0,
                        (view, tag, arrival) -> got.add(ControlMessage.of(view))));
                assertEquals(address, got.get(0).address());
                return JSON.readTree(got.get(0).text(0).orElseThrow());
            }
            Thread.sleep(2);
        }
        return null;
    }
}
