package org.vernissage.showcontrol.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vernissage.showcontrol.access.AddressAllowlist;

/**
 * The console's socket over a real WebSocket on 127.0.0.1 (the JDK's client, or a raw socket for
 * the client that never reads): after the token the status and the preview are pushed, a status
 * again only when it changed or a command ran, a preview only when a new one was made and never
 * faster than one per tick; a client that does not read is closed; a wrong token and an address
 * outside the allowlist get nothing.
 */
class ConsoleSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ConsoleToken token = ConsoleToken.random();
    private final AtomicReference<String> playhead = new AtomicReference<>("1");
    private final AtomicInteger statesBuilt = new AtomicInteger();
    /** What preview() returns: a fixed thumbnail, or a new one each call when {@link #thumbnailBytes} > 0. */
    private final AtomicReference<byte[]> preview = new AtomicReference<>();
    private volatile int thumbnailBytes;
    private ConsoleServer server;

    private final ConsoleView view = new ConsoleView() {
        @Override
        public ConsoleState state() {
            statesBuilt.incrementAndGet();
            return new ConsoleState("Tidewater", "Vernissage studio", new ConsoleState.Frames(120, 0, 1, 2, 3),
                    List.of(), List.of(), List.of(), new ConsoleState.Cues(playhead.get(), List.of(), List.of()));
        }

        @Override
        public Optional<byte[]> preview() {
            return thumbnailBytes > 0 ? Optional.of(new byte[thumbnailBytes]) : Optional.ofNullable(preview.get());
        }

        @Override
        public String command(String name) {
            playhead.set("2");
            return name + " done";
        }
    };

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void afterTheTokenTheStatusAndPreviewArriveAndAgainOnlyWhenChanged() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 7};
        preview.set(jpeg);
        server = ConsoleServer.start("127.0.0.1", 0, token, view);
        Page page = Page.open(http, server.port(), token.reveal());
        assertEquals("Tidewater", json.readTree(page.statuses.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).path("title").asText());
        assertArrayEquals(jpeg, page.previews.poll(WAIT.toSeconds(), TimeUnit.SECONDS).bytes);
        int built = statesBuilt.get();
        awaitTrue(() -> statesBuilt.get() >= built + 3, "the status was built at least three more times");
        assertEquals(0, page.statuses.size(), "an unchanged status is not sent again");
        assertEquals(0, page.previews.size(), "an unchanged preview is not sent again");

        HttpResponse<String> go = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/go")).header("Authorization", "Bearer " + token.reveal())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, go.statusCode());
        String after = page.statuses.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(after, "a status after the command");
        assertEquals("2", json.readTree(after).path("cues").path("playhead").asText());
        assertEquals(1, server.pushes().sockets());
        page.socket.abort();
    }

    @Test
    void previewsArriveNoFasterThanOnePerTick() throws Exception {
        thumbnailBytes = 1000; // a new thumbnail every time one is asked for
        server = ConsoleServer.start("127.0.0.1", 0, token, view);
        Page page = Page.open(http, server.port(), token.reveal());
        int frames = 9;
        long[] arrivals = new long[frames];
        for (int i = 0; i < frames; i++) {
            Message message = page.previews.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(message, "preview " + i);
            assertEquals(1000, message.bytes.length);
            arrivals[i] = message.nanos;
        }
        // the first comes as the socket joins, the others a tick apart at least; one period of slack
        // for the first having been delayed on its way more than the last
        long least = (frames - 2) * TimeUnit.MILLISECONDS.toNanos(ConsolePush.PERIOD_MILLIS);
        assertTrue(arrivals[frames - 1] - arrivals[0] >= least, "9 previews within "
                + (arrivals[frames - 1] - arrivals[0]) / 1_000_000 + " ms: faster than one per "
                + ConsolePush.PERIOD_MILLIS + " ms");
        page.socket.abort();
    }

    @Test
    void aClientThatNeverReadsIsClosed() throws Exception {
        thumbnailBytes = 1 << 20; // a megabyte a tick fills its buffers in a few ticks
        server = ConsoleServer.start("127.0.0.1", 0, token, view);
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(16 * 1024); // before connecting: the window stays small
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()), 5000);
            OutputStream out = socket.getOutputStream();
            String key = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
            out.write(("GET /api/socket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(readHead(socket.getInputStream()).startsWith("HTTP/1.1 101"), "the upgrade was taken");
            out.write(maskedText(token.reveal()));
            out.flush();
            // and never a byte read after the upgrade's answer
            awaitTrue(() -> server.pushes().stalled() == 1, "the server closed the client that does not read");
            assertTrue(server.pushes().skipped() > 0, "previews were skipped before it was closed");
        }
    }

    @Test
    void aWrongTokenClosesTheSocketWithNothingSent() throws Exception {
        preview.set(new byte[] {1, 2, 3});
        server = ConsoleServer.start("127.0.0.1", 0, token, view);
        Page page = Page.open(http, server.port(), "guess-guess-guess-guess");
        assertEquals(ConsoleSocketHandler.REFUSED, page.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, page.statuses.size() + page.previews.size());
        assertEquals(1, server.counters().refused());
        assertEquals(0, server.pushes().sockets());
    }

    @Test
    void anAddressOutsideTheAllowlistGetsNoSocket() throws Exception {
        server = ConsoleServer.start("127.0.0.1", 0, token, view,
                AddressAllowlist.parse("--control-allow", "10.0.0.0/8"));
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> Page.open(http, server.port(), token.reveal()));
        assertNotNull(refused.getCause());
        assertTrue(server.notAllowed() >= 1, "refused at connection (the JDK's client may try twice)");
        assertEquals(0, server.pushes().sockets());
    }

    /** The answer's head, up to its blank line, read byte by byte (nothing after it). */
    private static String readHead(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertTrue(b >= 0, "the server closed before the upgrade's answer: " + head);
            head.append((char) b);
        }
        return head.toString();
    }

    /** A client frame: text, final, masked as a client must (RFC 6455 5.3), under 126 bytes. */
    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        frame.write(0x80 | payload.length);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        return frame.toByteArray();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within " + WAIT.toSeconds() + " s: " + what);
            Thread.sleep(20);
        }
    }

    /** A message and when it arrived. */
    private record Message(byte[] bytes, long nanos) {
    }

    /** A page's socket: the token sent first, then what arrives, sorted. */
    private static final class Page implements WebSocket.Listener {
        final LinkedBlockingQueue<String> statuses = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Message> previews = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        WebSocket socket;

        static Page open(HttpClient http, int port, String token) throws Exception {
            Page page = new Page();
            page.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/socket"), page).get(30, TimeUnit.SECONDS);
            page.socket.sendText(token, true).get(5, TimeUnit.SECONDS);
            return page;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                statuses.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binary.writeBytes(part);
            if (last) {
                previews.add(new Message(binary.toByteArray(), System.nanoTime()));
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
