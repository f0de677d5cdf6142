package org.vernissage.sensors.phone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A phone in a test: a real WebSocket client ({@link java.net.http.WebSocket}) connected to the
 * server's /ws over loopback, recording what the server says to it.
 */
public final class TestPhone implements AutoCloseable {

    /** How the connection ended: a close frame (code, reason) or an error. */
    public record Closed(int code, String reason, Throwable error) {
    }

    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private TestPhone(HttpClient client, URI uri) throws Exception {
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    texts.add(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(new Closed(statusCode, reason, null));
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete(new Closed(-1, "", error));
            }
        };
        socket = client.newWebSocketBuilder()
                .buildAsync(uri, listener)
                .get(5, TimeUnit.SECONDS);
    }

    public static TestPhone connect(HttpClient client, int port) throws Exception {
        return new TestPhone(client, URI.create("ws://127.0.0.1:" + port + "/ws"));
    }

    /** Connects to {@code uri} (wss:// for a TLS server) and waits until the phone joined. */
    static TestPhone join(HttpClient client, URI uri) throws Exception {
        TestPhone phone = new TestPhone(client, uri);
        phone.awaitJoined();
        return phone;
    }

    /** Connects and waits until the server says the phone joined. */
    public static TestPhone join(HttpClient client, int port) throws Exception {
        TestPhone phone = connect(client, port);
        phone.awaitJoined();
        return phone;
    }

    public void awaitJoined() throws InterruptedException {
        String text = texts.poll(5, TimeUnit.SECONDS);
        if (!PhoneSocketHandler.JOINED.equals(text)) {
            throw new AssertionError("expected \"joined\", got " + text + "; closed: " + closed.getNow(null));
        }
    }

    public void send(PhoneTestFrames frame) throws Exception {
        send(frame.bytes());
    }

    public void send(byte[] bytes) throws Exception {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).get(5, TimeUnit.SECONDS);
    }

    public void sendText(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    /** Waits until the server ended the connection. */
    public Closed awaitClosed() throws Exception {
        return closed.get(5, TimeUnit.SECONDS);
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Closes the connection politely (close handshake), as the page does when it is closed. */
    void leave() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    /** Drops the connection without a close handshake, as a phone leaving the Wi-Fi does. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
