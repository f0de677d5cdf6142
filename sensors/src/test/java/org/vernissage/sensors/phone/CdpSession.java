package org.vernissage.sensors.phone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A minimal Chrome DevTools Protocol client for tests: one WebSocket (java.net.http) to one
 * target, commands as JSON {@code {"id", "method", "params"}} with increasing ids, each call
 * waiting at most its timeout for the reply with its id; every event the browser sends is kept
 * for the test to read. JSON by Jackson (already on the classpath through the engine).
 *
 * <p>Calls come from the test thread; replies and events arrive on the HTTP client's thread.
 * Owned by the test that opened it, which closes it.
 */
public final class CdpSession implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final Duration timeout;
    private final WebSocket socket;
    private long lastId;
    private volatile String closedBecause;

    private CdpSession(HttpClient http, URI debuggerUrl, Duration timeout) throws Exception {
        this.timeout = timeout;
        this.socket = http.newWebSocketBuilder()
                .connectTimeout(timeout)
                .buildAsync(debuggerUrl, new Listener())
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Connects to a target's {@code webSocketDebuggerUrl}; every later call waits at most {@code timeout}. */
    public static CdpSession open(HttpClient http, URI debuggerUrl, Duration timeout) throws Exception {
        return new CdpSession(http, debuggerUrl, timeout);
    }

    /** Sends a command without parameters and returns its result. */
    public JsonNode call(String method) throws Exception {
        return call(method, Map.of());
    }

    /**
     * Sends a command and returns the reply's {@code result}; fails on an error reply, a closed
     * connection, or no reply within the timeout.
     */
    public synchronized JsonNode call(String method, Map<String, ?> params) throws Exception {
        long id = ++lastId;
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("id", id);
        command.put("method", method);
        command.put("params", params);
        try {
            if (closedBecause != null) {
                throw new AssertionError("DevTools connection closed (" + closedBecause + "): cannot send " + method);
            }
            // One send at a time (the WebSocket refuses overlapping sends): this method is synchronized.
            socket.sendText(json.writeValueAsString(command), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            JsonNode answer = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (answer.has("error")) {
                throw new AssertionError("DevTools refused " + method + " " + params + ": " + answer.get("error"));
            }
            return answer.path("result");
        } catch (TimeoutException e) {
            throw new AssertionError("no DevTools reply to " + method + " within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new AssertionError("DevTools connection failed during " + method + ": " + e.getCause(), e.getCause());
        } finally {
            pending.remove(id);
        }
    }

    /** The events received so far with this method name (e.g. "Runtime.exceptionThrown"), oldest first. */
    public List<JsonNode> events(String method) {
        synchronized (events) {
            return events.stream().filter(e -> method.equals(e.path("method").asText())).toList();
        }
    }

    /** Closes the connection without waiting for the browser (it is about to be killed anyway). */
    @Override
    public void close() {
        socket.abort();
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("DevTools sent something that is not JSON: " + text, e);
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.get(message.get("id").asLong());
            if (reply != null) {
                reply.complete(message);
            }
        } else {
            synchronized (events) {
                events.add(message);
            }
        }
    }

    private void failAll(String why, Throwable error) {
        closedBecause = why;
        IllegalStateException failure = new IllegalStateException("DevTools connection ended: " + why, error);
        pending.values().forEach(reply -> reply.completeExceptionally(failure));
    }

    /** Reassembles fragmented text messages; runs on the HTTP client's thread. */
    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String whole = partial.toString();
                partial.setLength(0);
                received(whole);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            failAll("closed " + statusCode + " " + reason, null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            failAll("error " + error, error);
        }
    }
}
