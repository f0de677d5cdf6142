package org.vernissage.sensors.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.phone.PhoneTestFrames.frame;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.PhoneAggregate;
import org.vernissage.engine.binding.PhoneSelector;
import org.vernissage.engine.binding.PhoneSignal;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.pipeline.TouchPhase;
import org.vernissage.sensors.RecordingLogger;
import org.vernissage.sensors.phone.RawWebSocket.Frame;

/**
 * Clients that play by the bytes but not by the show, over real sockets on 127.0.0.1: a ping flood
 * from a client that never reads, pings in place of messages, clients that trickle their request
 * to hold the connection slots, one address taking every place. Each is closed within a bounded
 * time and volume, counted with its reason and logged once, while a well-behaved phone keeps
 * playing. Also: every close sends exactly one close frame.
 */
class PhoneHostileClientTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final List<BindingSpec> BINDINGS = List.of(new BindingSpec(
            new PhoneSelector(PhoneSignal.ORIENTATION_BETA, PhoneAggregate.LATEST), "p", 0,
            ConditioningSpec.linear(0, 1, 0, 1)));
    /** The largest ping RFC 6455 allows: a control frame carries at most 125 bytes. */
    private static final byte[] PING_PAYLOAD = new byte[125];
    /** A pong frame from the server: 2 header bytes and the echoed payload. */
    private static final int PONG_BYTES = 2 + PING_PAYLOAD.length;

    private final RecordingInputSink sink = new RecordingInputSink();
    private final RecordingLogger logger = new RecordingLogger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private PhoneServer server;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        http.close();
    }

    private void start(PhoneServerSettings settings) throws Exception {
        server = new PhoneServer(settings, BINDINGS, sink, new SystemClock(), logger);
        server.start();
    }

    private <T extends AutoCloseable> T keep(T client) {
        clients.add(client);
        return client;
    }

    private TestPhone join(HttpClient client) throws Exception {
        return keep(TestPhone.join(client, server.port()));
    }

    private HttpResponse<String> page() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            Thread.sleep(5);
        }
    }

    /** A well-behaved phone's tilt still reaches the show. */
    private void stillPlays(TestPhone phone, float beta) throws Exception {
        phone.send(frame().orientation(0, beta, 0).touches(0, 0.5f, 0.5f));
        sink.awaitChannel(c -> c.channel() == 0 && c.value() == beta);
    }

    // ---- item 1: pings -----------------------------------------------------------------------

    @Test
    void aClientThatPingsAndNeverReadsIsClosedWithItsQueueBounded() throws Exception {
        int limit = PhoneServerSettings.MIN_PENDING_OUTBOUND_BYTES;
        // A rate high enough that every ping is answered: what stops this client must be the
        // outbound bound, not the rate.
        start(PhoneServerSettings.defaults(LOOPBACK, 0).withMaxMessagesPerSecond(10_000)
                .withMaxPendingOutboundBytes(limit));
        TestPhone phone = join(http);

        RawWebSocket flooder = keep(RawWebSocket.connect(server.port(), 4096)); // a small window: it never reads
        flooder.handshake();
        byte[] burst = bursts(RawWebSocket.PING, 50); // 50 pings per 10 ms: 5,000/s, inside the rate
        long started = System.nanoTime();
        long sent = 0;
        try {
            while (sent < 16 << 20 && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5)) {
                flooder.writeRaw(burst);
                sent += burst.length;
                Thread.sleep(10);
            }
        } catch (IOException closedByTheServer) {
            // expected: the server closed the connection, the next write was reset
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        await(() -> server.stats().disconnected(PhoneDisconnect.SLOW_READER) == 1, "the non-reader was closed");
        System.out.printf("ping flood: closed after %d ms, %d bytes of pings; at most %d bytes queued%n", millis, sent,
                server.stats().pendingOutboundPeakBytes());
        assertTrue(millis < 5_000 && sent < 16 << 20, "closed after " + millis + " ms and " + sent + " bytes of pings");
        assertTrue(server.stats().pendingOutboundPeakBytes() <= limit + PONG_BYTES,
                "at most the limit and one pong queued, was " + server.stats().pendingOutboundPeakBytes());
        assertTrue(server.stats().pendingOutboundPeakBytes() > limit / 2, "the queue did fill: the bound was tested");
        assertEquals(0, server.stats().disconnected(PhoneDisconnect.CONTROL_FLOOD), "the pings were within the rate");
        assertEquals(1, logger.count("SLOW_READER"), logger.snapshot().toString());

        stillPlays(phone, 30);
        stillPlays(join(http), 40); // and a new phone gets in
        await(() -> server.stats().connectionsOpen() == 2, "the flooder's connection is gone");
    }

    @Test
    void pingsBeyondThePhonesRateCloseItsConnection() throws Exception {
        start(PhoneServerSettings.defaults(LOOPBACK, 0)); // 60 messages a second, a burst of 60
        TestPhone phone = join(http);
        RawWebSocket flooder = keep(RawWebSocket.open(server.port()));
        assertJoined(flooder);

        byte[] burst = bursts(RawWebSocket.PING, 200);
        long sent = 0;
        try {
            while (sent < 4 << 20) {
                flooder.writeRaw(burst);
                sent += burst.length;
            }
        } catch (IOException closedByTheServer) {
            // expected
        }
        await(() -> server.stats().disconnected(PhoneDisconnect.CONTROL_FLOOD) == 1, "the flood was closed");
        assertTrue(sent < 4 << 20, "closed before 4 MiB of pings, after " + sent + " bytes");
        assertEquals(1, logger.count("CONTROL_FLOOD"), logger.snapshot().toString());
        int pongs = 0;
        for (Frame f = readOrNull(flooder); f != null && f.opcode() == RawWebSocket.PONG; f = readOrNull(flooder)) {
            pongs++;
        }
        assertTrue(pongs <= PhoneServerSettings.DEFAULT_MAX_MESSAGES_PER_SECOND + 1,
                "pongs only within the rate's burst, got " + pongs);
        stillPlays(phone, 12);
    }

    @Test
    void pingsDoNotKeepASilentPhoneConnected() throws Exception {
        start(PhoneServerSettings.defaults(LOOPBACK, 0).withIdleTimeout(Duration.ofSeconds(6)));
        RawWebSocket pinger = keep(RawWebSocket.open(server.port()));
        assertJoined(pinger);
        long started = System.nanoTime();
        List<Frame> frames = new ArrayList<>();
        Frame f;
        do {
            pinger.send(RawWebSocket.PING, new byte[] {1}); // answered, but no message
            f = pinger.read();
            if (f != null) {
                frames.add(f);
            }
            Thread.sleep(200);
        } while (f != null && f.opcode() == RawWebSocket.PONG
                && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(9));
        frames.addAll(readQuietly(pinger));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        List<Frame> closes = frames.stream().filter(c -> c.opcode() == RawWebSocket.CLOSE).toList();
        assertEquals(1, closes.size(), "one close frame");
        assertEquals(1000, closes.get(0).closeCode());
        assertEquals(PhoneSocketHandler.IDLE, closes.get(0).text());
        assertTrue(seconds >= 5 && seconds < 9, "closed by the idle timeout after " + seconds + " s");
        assertEquals(1, server.stats().disconnected(PhoneDisconnect.IDLE));
        assertEquals(0, logger.count("IDLE"), "an idle phone is everyday: counted, not logged");
    }

    @Test
    void aPingOverTheControlFrameSizeIsRefusedByTheDecoder() throws Exception {
        start(PhoneServerSettings.defaults(LOOPBACK, 0));
        RawWebSocket big = keep(RawWebSocket.open(server.port()));
        assertJoined(big);
        big.send(RawWebSocket.PING, new byte[126]);
        List<Frame> frames = big.readUntilClosed();
        assertEquals(1, frames.size(), "one close frame and nothing else: " + frames);
        assertEquals(1002, frames.get(0).closeCode());
        await(() -> server.stats().rejected(PhoneRejection.BAD_WEBSOCKET) == 1, "counted");
        await(() -> server.stats().participantsConnected() == 0, "it left");
    }

    // ---- item 8: one close frame per close ---------------------------------------------------

    @Test
    void everyCloseSendsExactlyOneCloseFrame() throws Exception {
        start(PhoneServerSettings.defaults(LOOPBACK, 0).withMaxParticipants(1));
        RawWebSocket oversize = keep(RawWebSocket.open(server.port()));
        assertJoined(oversize);
        oversize.send(RawWebSocket.BINARY, new byte[PhoneServerSettings.DEFAULT_MAX_MESSAGE_BYTES + 1]);
        assertEquals(List.of(1009), closeCodes(oversize.readUntilClosed()));
        await(() -> server.stats().participantsConnected() == 0, "the oversized phone left");

        RawWebSocket first = keep(RawWebSocket.open(server.port()));
        assertJoined(first);
        RawWebSocket full = keep(RawWebSocket.open(server.port()));
        assertEquals(List.of(1013), closeCodes(full.readUntilClosed()));

        first.sendClose(1000); // the client closes: the server answers once
        assertEquals(List.of(1000), closeCodes(first.readUntilClosed()));
        await(() -> server.stats().participantsConnected() == 0, "the polite phone left");

        RawWebSocket last = keep(RawWebSocket.open(server.port()));
        assertJoined(last);
        server.close();
        assertEquals(List.of(1001), closeCodes(last.readUntilClosed()));
    }

    // ---- item 2: slow clients ----------------------------------------------------------------

    @Test
    void clientsTricklingTheirRequestAreClosedAtTheDeadline() throws Exception {
        // Every slot is taken by one address here: the address quota is lifted to test the deadline.
        PhoneServerSettings settings = PhoneServerSettings.defaults(LOOPBACK, 0).withMaxParticipants(2)
                .withMaxParticipantsPerAddress(50).withRequestTimeout(Duration.ofMillis(800));
        start(settings);
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < settings.maxConnections(); i++) {
            Socket s = keep(new Socket(LOOPBACK, server.port()));
            s.setSoTimeout(5_000);
            slow.add(s);
        }
        await(() -> server.stats().connectionsOpen() == settings.maxConnections(), "every slot held");
        assertThrows(IOException.class, this::page, "no slot left for a page load");

        long started = System.nanoTime();
        byte[] request = "GET / HTTP/1.1\r\nHost: gallery\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int[] trickled = new int[slow.size()];
        boolean open = true;
        for (int b = 0; open && b < request.length - 1; b++) { // one byte each every 100 ms, never the last
            open = false;
            for (int i = 0; i < slow.size(); i++) {
                try {
                    OutputStream out = slow.get(i).getOutputStream();
                    out.write(request[b]);
                    out.flush();
                    trickled[i]++;
                    open = true;
                } catch (IOException closed) {
                    // this one is gone
                }
            }
            Thread.sleep(100);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        for (Socket s : slow) {
            assertEquals(-1, readOrEnd(s), "closed without an answer");
        }
        await(() -> server.stats().disconnected(PhoneDisconnect.REQUEST_TIMEOUT) == settings.maxConnections(),
                "every slow client counted");
        assertTrue(millis < 3_000, "closed within the deadline, not kept alive by trickled bytes: " + millis + " ms");
        assertTrue(trickled[0] >= 5, "they did trickle: " + trickled[0] + " bytes");
        assertEquals(1, logger.count("REQUEST_TIMEOUT"), logger.snapshot().toString());

        assertEquals(200, page().statusCode());
        stillPlays(join(http), 21);
    }

    @Test
    void aWholeRequestInTimeIsServedAndAWebSocketOutlivesTheDeadline() throws Exception {
        start(PhoneServerSettings.defaults(LOOPBACK, 0).withRequestTimeout(Duration.ofMillis(300)));
        TestPhone phone = join(http);
        Thread.sleep(600);
        assertFalse(phone.isClosed(), "the deadline is for the request only");
        stillPlays(phone, 7);
        assertEquals(200, page().statusCode());
        assertEquals(0, server.stats().disconnected(PhoneDisconnect.REQUEST_TIMEOUT));
    }

    @Test
    void oneAddressHoldsAtMostItsPlacesAndConnections() throws Exception {
        start(PhoneServerSettings.defaults(LOOPBACK, 0).withMaxParticipantsPerAddress(2));
        join(http);
        TestPhone second = join(http);
        TestPhone third = keep(TestPhone.connect(http, server.port()));
        TestPhone.Closed refused = third.awaitClosed();
        assertEquals(1013, refused.code());
        assertEquals(PhoneSocketHandler.FULL, refused.reason());
        await(() -> server.stats().disconnected(PhoneDisconnect.ADDRESS_PLACES) == 1, "counted");
        assertEquals(2, server.stats().participantsConnected());
        assertEquals(0, server.stats().participantsRefused(), "the room itself is not full");
        assertEquals(1, logger.count("ADDRESS_PLACES"), logger.snapshot().toString());
        assertTrue(logger.snapshot().stream().anyMatch(line -> line.contains("NAT")), "says what to do behind a NAT");
        assertTrue(logger.snapshot().stream().noneMatch(line -> line.contains(LOOPBACK)), "no address logged");

        // Another address still gets a place (the whole of 127/8 is this machine's loopback).
        HttpClient elsewhere = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2"))
                .connectTimeout(Duration.ofSeconds(5)).build();
        stillPlays(join(elsewhere), 3);
        keep(elsewhere); // closed after its phone
        assertEquals(3, server.stats().participantsConnected());

        // Connections: twice the places. The two phones hold two; two more may open, not a fifth.
        await(() -> server.stats().connectionsOpen() == 3, "the refused phone's socket closed");
        Socket idleA = keep(new Socket(LOOPBACK, server.port()));
        Socket idleB = keep(new Socket(LOOPBACK, server.port()));
        await(() -> server.stats().connectionsOpen() == 5, "two more from the same address");
        try (Socket fifth = new Socket(LOOPBACK, server.port())) {
            fifth.setSoTimeout(5_000);
            assertEquals(-1, readOrEnd(fifth), "closed unanswered");
        }
        assertEquals(1, server.stats().disconnected(PhoneDisconnect.ADDRESS_CONNECTIONS));

        second.leave(); // a place frees up for this address
        await(() -> server.stats().participantsConnected() == 2, "it left");
        idleA.close(); // and connection slots
        idleB.close();
        await(() -> server.stats().connectionsOpen() <= 3, "the idle sockets closed");
        stillPlays(join(http), 9);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static byte[] bursts(int opcode, int frames) {
        byte[] one = RawWebSocket.frame(opcode, PING_PAYLOAD);
        byte[] all = new byte[one.length * frames];
        for (int i = 0; i < frames; i++) {
            System.arraycopy(one, 0, all, i * one.length, one.length);
        }
        return all;
    }

    private static List<Integer> closeCodes(List<Frame> frames) {
        return frames.stream().filter(f -> f.opcode() == RawWebSocket.CLOSE).map(Frame::closeCode).toList();
    }

    private static Frame readOrNull(RawWebSocket ws) {
        try {
            return ws.read();
        } catch (IOException gone) {
            return null;
        }
    }

    private static List<Frame> readQuietly(RawWebSocket ws) {
        List<Frame> frames = new ArrayList<>();
        for (Frame f = readOrNull(ws); f != null; f = readOrNull(ws)) {
            frames.add(f);
        }
        return frames;
    }

    /** The first byte the server sends, -1 when it closed (or reset) the connection. */
    private static int readOrEnd(Socket socket) {
        try {
            return socket.getInputStream().read();
        } catch (IOException reset) {
            return -1;
        }
    }

    private static void assertJoined(RawWebSocket ws) throws IOException {
        Frame greeting = ws.read();
        assertNotNull(greeting);
        assertEquals(PhoneSocketHandler.JOINED, greeting.text());
    }
}
