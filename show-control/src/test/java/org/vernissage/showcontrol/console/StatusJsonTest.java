package org.vernissage.showcontrol.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The status answer is built at most once per {@link StatusJson#MAX_AGE_MILLIS} for all consoles,
 * and anew after a command, so a technician's GO shows at the next poll.
 */
class StatusJsonTest {

    private final AtomicInteger goes = new AtomicInteger();
    private final AtomicInteger builds = new AtomicInteger();

    /** A run whose title counts the GOs given, and which counts how often its state is read. */
    private final ConsoleView view = new ConsoleView() {
        @Override
        public ConsoleState state() {
            builds.incrementAndGet();
            return new ConsoleState("goes " + goes.get(), "", new ConsoleState.Frames(0, 0, 0, 0, 0), List.of(),
                    List.of(), List.of(), ConsoleState.Cues.none());
        }

        @Override
        public Optional<byte[]> preview() {
            return Optional.empty();
        }

        @Override
        public String command(String name) {
            goes.incrementAndGet();
            return "ok";
        }
    };

    @Test
    void oneStateServesEveryCallWithinItsAgeThenItIsBuiltAnew() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        StatusJson status = new StatusJson(view, new ObjectMapper(), now::get);
        byte[] first = status.bytes();
        now.addAndGet(StatusJson.MAX_AGE_MILLIS * 1_000_000L - 1);
        assertSame(first, status.bytes(), "within its age: the same bytes");
        assertSame(first, status.bytes());
        assertEquals(1, builds.get());
        now.addAndGet(1);
        goes.incrementAndGet();
        byte[] second = status.bytes();
        assertEquals(2, builds.get(), "too old: built again");
        assertEquals("goes 1", new ObjectMapper().readTree(second).path("title").asText());
    }

    @Test
    void aCommandMakesTheNextStatusNew() {
        AtomicLong now = new AtomicLong();
        StatusJson status = new StatusJson(view, new ObjectMapper(), now::get);
        status.bytes();
        status.commandRan();
        status.bytes();
        assertEquals(2, builds.get(), "the clock stood still, the command alone made it new");
    }

    @Test
    void aGoThroughTheServerShowsInTheNextStatusAtOnce() throws Exception {
        ConsoleToken token = ConsoleToken.random();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (ConsoleServer server = ConsoleServer.start("127.0.0.1", 0, token, view)) {
            ObjectMapper json = new ObjectMapper();
            assertEquals("goes 0", json.readTree(call(http, server, token, "GET", "/api/status")).path("title").asText());
            call(http, server, token, "POST", "/api/go");
            assertEquals("goes 1", json.readTree(call(http, server, token, "GET", "/api/status")).path("title").asText(),
                    "the status right after GO is not the one from before it");
        }
    }

    private static byte[] call(HttpClient http, ConsoleServer server, ConsoleToken token, String method, String path)
            throws Exception {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + path)).timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + token.reveal())
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode(), new String(answer.body()));
        return answer.body();
    }
}
