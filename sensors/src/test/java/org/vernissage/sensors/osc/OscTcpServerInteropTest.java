package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.osc.OscStreamFraming;
import org.vernissage.sensors.RecordingLogger;

/**
 * The server against real third-party OSC peers over TCP on loopback: liblo's {@code oscsend} and
 * osc.js's {@code TCPSocketPort} (driven by {@code interop/osc-tcp-send.js}), one of each framing.
 * A missing peer fails the test with what to install (CI installs both); it never skips.
 */
class OscTcpServerInteropTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final OscStreamRecordingHandler handler = new OscStreamRecordingHandler();
    private final RecordingLogger logger = new RecordingLogger();
    private OscTcpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new OscTcpServer(OscTcpServerConfig.of(LOOPBACK, 0), handler, new SystemClock(), logger);
        server.start();
    }

    @AfterEach
    void closeServer() {
        server.close();
    }

    /**
     * liblo 0.31 frames OSC over TCP the OSC 1.0 way: an int32 big-endian length, then the packet
     * (measured: {@code oscsend osc.tcp://...  /addr f 0.5} writes {@code 00 00 00 10} and the
     * 16-byte message). It only sends SLIP when an application turns it on with
     * {@code lo_address_set_stream_slip}, which {@code oscsend} does not. So the server must pick
     * the length-prefix framing for it from the leading 0x00.
     */
    @Test
    void libloOscsendIsReadAsLengthPrefixed() throws Exception {
        oscsend("/addr", "f", "0.5");
        oscsend("/text", "s", "hello");
        awaitMessages(2);
        assertEquals(List.of("/addr f:0.5", "/text s:hello"), handler.texts());
        assertEquals(2, server.stats().connectionsFramed(OscStreamFraming.LENGTH_PREFIX));
        assertEquals(0, server.stats().rejected() + server.stats().dropped(), server.stats()::toString);
    }

    /** osc.js's TCPSocketPort speaks SLIP with double-END bookends; its blob must be unescaped. */
    @Test
    void oscJsTcpSocketPortIsReadAsSlip() throws Exception {
        oscJsSend("""
                [{"address": "/addr", "args": [{"type": "f", "value": 0.5}]},
                 {"address": "/blob", "args": [{"type": "b", "value": "c0dbdcddc0"}]},
                 {"timeTag": {"raw": [0, 1]}, "packets": [
                     {"address": "/in/bundle", "args": [{"type": "i", "value": 1}]},
                     {"address": "/and", "args": [{"type": "s", "value": "x"}]}]}]""");
        awaitMessages(4);
        assertEquals(List.of("/addr f:0.5", "/blob b:c0dbdcddc0", "/in/bundle i:1", "/and s:x"),
                handler.texts());
        assertEquals(1, server.stats().connectionsFramed(OscStreamFraming.SLIP));
        assertEquals(0, server.stats().rejected() + server.stats().dropped(), server.stats()::toString);
    }

    // ---- the peers ----------------------------------------------------------------------------

    private void oscsend(String address, String types, String... values) throws Exception {
        List<String> command = new ArrayList<>(List.of("oscsend",
                "osc.tcp://" + LOOPBACK + ":" + server.port(), address, types));
        command.addAll(List.of(values));
        run(command, "liblo's oscsend is missing: install the Debian package liblo-tools"
                + " (apt-get install liblo-tools)");
    }

    private void oscJsSend(String packetsJson) throws Exception {
        Path interop = interopFolder();
        Path script = interop.resolve("osc-tcp-send.js");
        if (!Files.isRegularFile(interop.resolve("node_modules/osc/package.json"))) {
            fail("osc.js is missing: run `npm ci --prefix interop` in the repository root"
                    + " (looked in " + interop.resolve("node_modules") + ")");
        }
        run(List.of("node", script.toString(), LOOPBACK, String.valueOf(server.port()), packetsJson),
                "node is missing: install Node.js (Debian package nodejs), then run"
                        + " `npm ci --prefix interop` in the repository root");
    }

    /** Runs a peer to completion; a peer that cannot be started fails with {@code toInstall}. */
    private static void run(List<String> command, String toInstall) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            throw new AssertionError(toInstall + " (" + notInstalled.getMessage() + ")", notInstalled);
        }
        if (!process.waitFor(DEADLINE_NANOS, TimeUnit.NANOSECONDS)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish within 10 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed: " + output);
    }

    /** The repository's interop/ folder, found upwards from the working directory. */
    private static Path interopFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("interop/package.json"))) {
                return dir.resolve("interop");
            }
        }
        throw new AssertionError("no interop/package.json above " + Path.of("").toAbsolutePath());
    }

    private void awaitMessages(int count) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (handler.count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; " + server.stats() + "; messages " + handler.texts()
                        + "; log " + logger.snapshot());
            }
            Thread.onSpinWait();
        }
        assertEquals(count, handler.count(), handler.texts()::toString);
    }
}
