package org.vernissage.showcontrol.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.agent.SchedulingPolicy;
import org.vernissage.showcontrol.access.AddressAllowlist;

/**
 * The console's HTTP API over a real socket on 127.0.0.1: the page is open, everything else needs
 * the token; status is the run's state as JSON; the preview is a JPEG once there is one; commands
 * are POSTs answered in a line; wrong tokens, methods and paths are refused and counted.
 */
class ConsoleServerTest {

    private static final ConsoleState STATE = new ConsoleState("Tidewater", "Vernissage studio",
            new ConsoleState.Frames(120, 1, 1.5, 3.25, 4.0),
            List.of(new ConsoleState.Source("OSC udp 127.0.0.1:9000", 42, 0, 1)), List.of("conductor: ok"),
            List.of("osc: a malformed packet"),
            new ConsoleState.Cues("2", List.of(new ConsoleState.Cue("1", "Dawn", "done"),
                    new ConsoleState.Cue("2", "Tide", "idle")), List.of(new ConsoleState.Fade("1", 0.5))),
            new ConsoleState.Energy(360, 21_600, 6.5, "estimated", "CPU time x 15 W per busy core"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ConsoleToken token = ConsoleToken.random();
    private final AtomicReference<byte[]> preview = new AtomicReference<>();
    private final List<String> commands = new ArrayList<>();
    /** The scheduling class of the thread that ran the last command (Linux only). */
    private volatile int commandThreadPolicy = -1;
    private ConsoleServer server;

    @TempDir
    Path temp;

    private final ConsoleView view = new ConsoleView() {
        @Override
        public ConsoleState state() {
            return STATE;
        }

        @Override
        public Optional<byte[]> preview() {
            return Optional.ofNullable(preview.get());
        }

        @Override
        public String command(String name) {
            if (name.equals("stop")) {
                throw new IllegalArgumentException("nothing is running");
            }
            commands.add(name);
            if (SchedulingPolicy.readable()) {
                commandThreadPolicy = SchedulingPolicy.ofCallingThread();
            }
            return name + " done";
        }
    };

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<byte[]> send(String method, String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5)).method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theConsolesThreadRunsOnlyOnCoresTheShowLeavesFree() throws Exception {
        assumeTrue(SchedulingPolicy.readable(), "SCHED_IDLE is Linux's");
        server = ConsoleServer.start("127.0.0.1", 0, token, view);
        assertEquals(200, send("POST", "/api/go", token.reveal()).statusCode());
        assertEquals(SchedulingPolicy.IDLE, commandThreadPolicy,
                "a console's request is served in SCHED_IDLE, so it never takes a core from the renderer");
    }

    @Test
    void askedForNormalPriorityTheConsolesThreadIsNotLowered() throws Exception {
        assumeTrue(SchedulingPolicy.readable(), "SCHED_IDLE is Linux's");
        int own = SchedulingPolicy.ofCallingThread();
        assumeTrue(own != SchedulingPolicy.IDLE, "the tests themselves run in SCHED_IDLE");
        server = ConsoleServer.start("127.0.0.1", 0, token, view, AddressAllowlist.everyone(), false);
        assertEquals(200, send("POST", "/api/go", token.reveal()).statusCode());
        assertEquals(own, commandThreadPolicy, "--console-priority normal: the console's thread is not lowered");
    }

    @Test
    void thePageIsOpenAndEverythingElseNeedsTheToken() throws Exception {
        server = ConsoleServer.start("127.0.0.1", 0, token, view);
        HttpResponse<byte[]> page = send("GET", "/", null);
        assertEquals(200, page.statusCode());
        assertTrue(new String(page.body()).contains("Vernissage console"));
        assertEquals(401, send("GET", "/api/status", null).statusCode());
        assertEquals(401, send("GET", "/api/status", "guess-guess-guess-guess").statusCode());
        assertEquals(401, send("POST", "/api/go", null).statusCode());
        assertEquals(3, server.counters().refused());
        assertEquals(List.of(), commands, "no command ran without the token");
    }

    @Test
    void anAddressOutsideTheAllowlistIsClosedAtConnectionWithNoAnswer() throws Exception {
        server = ConsoleServer.start("127.0.0.1", 0, token, view,
                org.vernissage.showcontrol.access.AddressAllowlist.parse("--control-allow", "10.0.0.0/8,fd00::/8"));
        for (String request : List.of("GET / HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /api/go HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.reveal()
                        + "\r\nContent-Length: 0\r\n\r\n")) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(5000);
                try {
                    socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    assertEquals(-1, socket.getInputStream().read(), "closed without a byte of answer");
                } catch (java.net.SocketException reset) {
                    // closed before our request arrived: refused all the same
                }
            }
        }
        assertEquals(2, server.notAllowed());
        assertEquals(0, server.counters().requests(), "no request was read");
        assertEquals(List.of(), commands, "GO with the right token from a stranger's address did nothing");
    }

    @Test
    void anAddressInsideTheAllowlistIsServed() throws Exception {
        server = ConsoleServer.start("127.0.0.1", 0, token, view,
                org.vernissage.showcontrol.access.AddressAllowlist.parse("--control-allow", "127.0.0.0/8"));
        assertEquals(200, send("GET", "/api/status", token.reveal()).statusCode());
        assertEquals(200, send("POST", "/api/go", token.reveal()).statusCode());
        assertEquals(0, server.notAllowed());
        assertEquals(List.of("go"), commands);
    }

    @Test
    void statusIsTheRunsStateAsJson() throws Exception {
        server = ConsoleServer.start("127.0.0.1", 0, token, view);
        HttpResponse<byte[]> status = send("GET", "/api/status", token.reveal());
        assertEquals(200, status.statusCode());
        assertEquals("application/json", status.headers().firstValue("content-type").orElseThrow());
        JsonNode state = json.readTree(status.body());
        assertEquals("Tidewater", state.path("title").asText());
        assertEquals(3.25, state.path("frames").path("p99Millis").asDouble());
        assertEquals(42, state.path("sources").get(0).path("received").asLong());
        assertEquals("2", state.path("cues").path("playhead").asText());
        assertEquals("Tide", state.path("cues").path("list").get(1).path("name").asText());
        assertEquals(0.5, state.path("cues").path("running").get(0).path("progress").asDouble());
        assertEquals(21_600, state.path("energy").path("joulesPerHour").asDouble());
        assertEquals("estimated", state.path("energy").path("kind").asText());
    }

    @Test
    void thePreviewIsAJpegOnceThereIsOne() throws Exception {
        server = ConsoleServer.start("127.0.0.1", 0, token, view);
        assertEquals(404, send("GET", "/api/preview.jpg", token.reveal()).statusCode());
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
        preview.set(jpeg);
        HttpResponse<byte[]> answer = send("GET", "/api/preview.jpg", token.reveal());
        assertEquals(200, answer.statusCode());
        assertEquals("image/jpeg", answer.headers().firstValue("content-type").orElseThrow());
        assertArrayEquals(jpeg, answer.body());
        HttpResponse<byte[]> old = send("GET", "/api/preview.png", token.reveal());
        assertEquals(404, old.statusCode(), "the PNG preview is gone");
        assertEquals("the preview is a JPEG now: GET /api/preview.jpg",
                json.readTree(old.body()).path("message").asText(), "and the answer says where it went");
    }

    @Test
    void commandsArePostsAnsweredInALine() throws Exception {
        server = ConsoleServer.start("127.0.0.1", 0, token, view);
        HttpResponse<byte[]> go = send("POST", "/api/go", token.reveal());
        assertEquals(200, go.statusCode());
        assertEquals("go done", json.readTree(go.body()).path("message").asText());
        HttpResponse<byte[]> stop = send("POST", "/api/stop", token.reveal());
        assertEquals(409, stop.statusCode());
        assertEquals("nothing is running", json.readTree(stop.body()).path("message").asText());
        assertEquals(405, send("GET", "/api/go", token.reveal()).statusCode());
        assertEquals(404, send("POST", "/api/launch", token.reveal()).statusCode());
        assertEquals(List.of("go"), commands);
    }

    @Test
    void aTokenFileIsReadAndAShortOneRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("token"), "a-venue-secret-of-length\n");
        assertTrue(ConsoleToken.fromFile(file).matches("a-venue-secret-of-length"));
        Path shortOne = Files.writeString(temp.resolve("short"), "1234");
        IOException e = assertThrows(IOException.class, () -> ConsoleToken.fromFile(shortOne));
        assertTrue(e.getMessage().contains(shortOne + ": expected a token of at least 16"), e.getMessage());
        assertEquals(22, ConsoleToken.random().reveal().length());
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        server = ConsoleServer.start("127.0.0.1", 0, token, view);
        IOException e = assertThrows(IOException.class, () -> ConsoleServer.start("127.0.0.1", server.port(), token, view));
        assertTrue(e.getMessage().startsWith("console: cannot listen on 127.0.0.1:" + server.port()), e.getMessage());
    }
}
