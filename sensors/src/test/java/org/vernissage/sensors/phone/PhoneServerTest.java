package org.vernissage.sensors.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.phone.PhoneTestFrames.frame;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.InputSelector;
import org.vernissage.engine.binding.OscSelector;
import org.vernissage.engine.binding.PhoneAggregate;
import org.vernissage.engine.binding.PhoneSelector;
import org.vernissage.engine.binding.PhoneSignal;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;
import org.vernissage.sensors.RecordingLogger;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.phone.RecordingInputSink.Touch;

/**
 * The server through its real transports on 127.0.0.1: the page over HTTP
 * ({@link java.net.http.HttpClient}), phones as real WebSocket clients, into a recording sink.
 */
class PhoneServerTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final List<BindingSpec> BINDINGS = List.of(
            binding(new OscSelector("/x", 0)),
            binding(new PhoneSelector(PhoneSignal.PARTICIPANTS, PhoneAggregate.MEAN)),
            binding(new PhoneSelector(PhoneSignal.ORIENTATION_BETA, PhoneAggregate.MEAN)),
            binding(new PhoneSelector(PhoneSignal.TOUCH_X, PhoneAggregate.LATEST)),
            binding(new PhoneSelector(PhoneSignal.MOTION_ENERGY, PhoneAggregate.MAX)));
    private static final int PARTICIPANTS = 1;
    private static final int BETA_MEAN = 2;
    private static final int TOUCH_X_LATEST = 3;
    private static final int ENERGY_MAX = 4;

    private final RecordingInputSink sink = new RecordingInputSink();
    private final RecordingLogger logger = new RecordingLogger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<TestPhone> phones = new ArrayList<>();
    private PhoneServer server;

    private static BindingSpec binding(InputSelector from) {
        return new BindingSpec(from, "p", 0, ConditioningSpec.linear(0, 1, 0, 1));
    }

    @AfterEach
    void stop() {
        phones.forEach(TestPhone::close);
        if (server != null) {
            server.close();
        }
        http.close();
    }

    private PhoneServer start(PhoneServerSettings settings, Clock clock) throws SensorStartException {
        server = new PhoneServer(settings, BINDINGS, sink, clock, logger);
        server.start();
        return server;
    }

    private PhoneServer start() throws SensorStartException {
        return start(PhoneServerSettings.defaults(LOOPBACK, 0), new SystemClock());
    }

    private TestPhone join() throws Exception {
        TestPhone phone = TestPhone.join(http, server.port());
        phones.add(phone);
        return phone;
    }

    private TestPhone connect() throws Exception {
        TestPhone phone = TestPhone.connect(http, server.port());
        phones.add(phone);
        return phone;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
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

    // ---- the page and the paths -----------------------------------------------------------

    @Test
    void servesTheSelfContainedPageWithItsWebSocketClient() throws Exception {
        start();
        assertNotEquals(0, server.port(), "port 0 must report the port actually bound");
        assertEquals("phones http 127.0.0.1:" + server.port(), server.counters().source());

        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElseThrow());
        assertEquals("no-store", page.headers().firstValue("cache-control").orElseThrow());
        assertTrue(page.headers().firstValue("content-security-policy").orElseThrow().startsWith("default-src 'none'"));
        String html = page.body();
        assertTrue(html.contains("new WebSocket(scheme + location.host + '/ws')"), "the page opens /ws");
        assertTrue(html.contains("binaryType"));
        assertTrue(html.contains("setFloat32(at, value, true)"), "little-endian float32, as the decoder reads");
        assertTrue(html.contains("VERSION = " + PhoneFrameDecoder.VERSION));
        assertTrue(html.contains("requestPermission"), "iOS's motion permission button");
        assertTrue(html.contains("event.code === 1013 && event.reason === 'full'"), "tells its holder the room is full");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains(" src="),
                "no external resource");
        assertEquals(200, get("/?from=qr").statusCode(), "a QR code may add a query");
        assertEquals(2, server.stats().pagesServed());
    }

    @Test
    void anyOtherPathOrMethodIsRefused() throws Exception {
        start();
        for (String path : List.of("/index.html", "/phone.html", "/favicon.ico", "/ws/", "/ws/x", "/ws?x=1",
                "/..%2f..%2fetc%2fpasswd", "/org/vernissage/sensors/phone/phone.html", "/cue/go")) {
            HttpResponse<String> response = get(path);
            assertEquals(404, response.statusCode(), path);
            assertFalse(response.body().contains("<html"), path);
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("go")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("allow").orElseThrow());
        assertEquals(400, get("/ws").statusCode(), "/ws without an upgrade is not a page");
        assertEquals(10, server.stats().notFound());
        assertEquals(0, server.stats().pagesServed());
    }

    // ---- phones ---------------------------------------------------------------------------

    @Test
    void aPhonesFingersBecomeTouchPointsOnTheEventLoopThread() throws Exception {
        start();
        TestPhone phone = join();
        sink.awaitChannel(c -> c.channel() == PARTICIPANTS && c.value() == 1);

        phone.send(frame().touches(0, 0.25f, 0.5f));
        Touch added = sink.awaitTouch(t -> t.phase() == TouchPhase.ADDED);
        assertEquals(TouchKind.PHONE, added.kind());
        assertEquals(PhoneServerSettings.DEFAULT_TOUCH_SOURCE, added.source());
        assertEquals(1 * 16 + 0, added.session(), "participant 1, slot 0");
        assertEquals(0.25f, added.x());
        assertEquals(0.5f, added.y());
        sink.awaitChannel(c -> c.channel() == TOUCH_X_LATEST && c.value() == 0.25f);

        phone.send(frame().touches(0, 0.5f, 0.5f));
        sink.awaitTouch(t -> t.phase() == TouchPhase.UPDATED && t.x() == 0.5f);
        phone.send(frame().touches());
        sink.awaitTouch(t -> t.phase() == TouchPhase.REMOVED && t.session() == 16);
        assertEquals(java.util.Set.of(PhoneServer.EVENT_LOOP_THREAD), sink.threads(),
                "one event loop writes every participant's state");
        assertEquals(3, server.stats().received());
        assertTrue(server.stats().lastSeenNanos() != PhoneStats.NEVER);
    }

    @Test
    void aFingerHeldStillIsResentWithoutNewMessages() throws Exception {
        start();
        TestPhone phone = join();
        phone.send(frame().touches(2, 0.5f, 0.5f));
        sink.awaitTouch(t -> t.phase() == TouchPhase.ADDED);
        // Nothing more is sent: the server's tick must keep the point alive in the conductor.
        long refreshes = 0;
        while (refreshes < 3) {
            sink.awaitTouch(t -> t.phase() == TouchPhase.UPDATED);
            refreshes = sink.touches().stream().filter(t -> t.phase() == TouchPhase.UPDATED).count();
        }
        assertEquals(1, server.stats().received());
    }

    @Test
    void orientationAndMotionOfTwoPhonesAreAggregated() throws Exception {
        start();
        TestPhone a = join();
        TestPhone b = join();
        a.send(frame().orientation(10, 10, 0).motion(0, 3, 4));
        b.send(frame().orientation(20, 30, 0).motion(0, 0, 1));
        sink.awaitChannel(c -> c.channel() == BETA_MEAN && c.value() == 20f);
        sink.awaitChannel(c -> c.channel() == ENERGY_MAX && c.value() == 5f);
        sink.awaitChannel(c -> c.channel() == PARTICIPANTS && c.value() == 2f);
        assertEquals(2, server.stats().participantsConnected());
        assertTrue(sink.channels().stream().noneMatch(c -> c.channel() == 0), "channel 0 is an OSC binding");
    }

    @Test
    void aDisconnectLiftsThatPhonesFingers() throws Exception {
        start();
        TestPhone leaving = join();
        TestPhone staying = join();
        leaving.send(frame().touches(0, 0.1f, 0.1f, 1, 0.2f, 0.2f));
        staying.send(frame().touches(0, 0.9f, 0.9f));
        sink.awaitTouch(t -> t.session() == 16 + 1);
        sink.awaitTouch(t -> t.session() == 32);

        leaving.abort(); // gone from the Wi-Fi, no close handshake
        sink.awaitTouch(t -> t.phase() == TouchPhase.REMOVED && t.session() == 16);
        sink.awaitTouch(t -> t.phase() == TouchPhase.REMOVED && t.session() == 17);
        sink.awaitChannel(c -> c.channel() == PARTICIPANTS && c.value() == 1f);
        assertTrue(sink.touches().stream().noneMatch(t -> t.phase() == TouchPhase.REMOVED && t.session() == 32));

        staying.leave(); // a polite close
        sink.awaitTouch(t -> t.phase() == TouchPhase.REMOVED && t.session() == 32);
        sink.awaitChannel(c -> c.channel() == PARTICIPANTS && c.value() == 0f);
        await(() -> server.stats().participantsConnected() == 0, "both left");
    }

    // ---- limits ---------------------------------------------------------------------------

    @Test
    void phonesBeyondTheLimitAreToldTheRoomIsFull() throws Exception {
        start(PhoneServerSettings.defaults(LOOPBACK, 0).withMaxParticipants(2), new SystemClock());
        TestPhone first = join();
        join();
        TestPhone third = connect();
        TestPhone.Closed closed = third.awaitClosed();
        assertEquals(1013, closed.code());
        assertEquals(PhoneSocketHandler.FULL, closed.reason());
        assertEquals(1, server.stats().participantsRefused());
        assertEquals(2, server.stats().participantsConnected());

        first.leave();
        await(() -> server.stats().participantsConnected() == 1, "a place became free");
        join(); // and the next phone gets it
        assertEquals(3, server.stats().participantsJoined());
    }

    @Test
    void anOversizedFrameIsDroppedCountedAndItsConnectionClosed() throws Exception {
        start();
        TestPhone big = join();
        TestPhone other = join();
        big.send(new byte[PhoneServerSettings.DEFAULT_MAX_MESSAGE_BYTES + 1]);
        big.awaitClosed();
        await(() -> server.stats().dropped(PhoneDrop.OVERSIZE) == 1, "the oversized frame is counted");
        await(() -> server.stats().participantsConnected() == 1, "its phone left");
        other.send(frame().orientation(0, 45, 0));
        sink.awaitChannel(c -> c.channel() == BETA_MEAN && c.value() == 45f);
        assertEquals(1, logger.count("OVERSIZE"));
    }

    @Test
    void aFloodIsCutToTheRateAndTheConnectionSurvives() throws Exception {
        ManualClock clock = new ManualClock(1_000_000_000L);
        start(PhoneServerSettings.defaults(LOOPBACK, 0).withMaxMessagesPerSecond(10), clock);
        TestPhone flooder = join();
        for (int i = 0; i < 50; i++) {
            flooder.send(frame().orientation(0, i, 0));
        }
        await(() -> server.stats().received() == 50, "all 50 arrived");
        assertEquals(40, server.stats().dropped(PhoneDrop.RATE_LIMIT), "a burst of 10 at one instant");
        assertEquals(40, server.stats().dropped());
        assertEquals(List.of(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f), sink.values(BETA_MEAN));

        clock.advance(1_000_000_000L);
        flooder.send(frame().orientation(0, 77, 0));
        sink.awaitChannel(c -> c.channel() == BETA_MEAN && c.value() == 77f);
        assertFalse(flooder.isClosed());
    }

    @Test
    void malformedMessagesAreRejectedCountedLoggedOnceAndTheConnectionSurvives() throws Exception {
        start();
        TestPhone phone = join();
        for (int i = 0; i < 3; i++) {
            phone.sendText("{\"touches\":[[0,0.5,0.5]]}");
            phone.send(frame().raw('?'));
            phone.send(new byte[0]);
            phone.send(frame().touches(0, 0.5f, 1.5f));
        }
        await(() -> server.stats().rejected() == 12, "12 refusals");
        assertEquals(3, server.stats().rejected(PhoneRejection.TEXT_FRAME));
        assertEquals(3, server.stats().rejected(PhoneRejection.UNKNOWN_RECORD));
        assertEquals(3, server.stats().rejected(PhoneRejection.EMPTY));
        assertEquals(3, server.stats().rejected(PhoneRejection.OUT_OF_RANGE));
        assertEquals(4, logger.snapshot().stream().filter(line -> line.contains("rejected")).count(),
                logger.snapshot().toString());
        assertTrue(logger.snapshot().stream().noneMatch(line -> line.contains(LOOPBACK)), "no address logged");

        phone.send(frame().orientation(0, 12, 0));
        sink.awaitChannel(c -> c.channel() == BETA_MEAN && c.value() == 12f);
        assertTrue(sink.touches().isEmpty());
    }

    // ---- start and close ------------------------------------------------------------------

    @Test
    void aPortInUseIsNamedInTheStartFailure() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            PhoneServer blocked = new PhoneServer(PhoneServerSettings.defaults(LOOPBACK, taken.getLocalPort()),
                    BINDINGS, sink, new SystemClock());
            SensorStartException failure = assertThrows(SensorStartException.class, blocked::start);
            assertTrue(failure.getMessage().contains(LOOPBACK + ":" + taken.getLocalPort()), failure.getMessage());
            blocked.close();
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("vernissage-phones") && t.isAlive()),
                "a failed start leaves no thread behind");
    }

    @Test
    void closeTellsPhonesLiftsTheirFingersAndFreesThePort() throws Exception {
        start();
        TestPhone phone = join();
        phone.send(frame().touches(0, 0.5f, 0.5f));
        sink.awaitTouch(t -> t.phase() == TouchPhase.ADDED);
        int port = server.port();

        server.close();
        TestPhone.Closed closed = phone.awaitClosed();
        assertEquals(1001, closed.code(), "going away: the page reconnects when the server is back");
        assertTrue(sink.touches().stream().anyMatch(t -> t.phase() == TouchPhase.REMOVED));
        assertEquals(0f, sink.last(PARTICIPANTS));
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            assertEquals(port, again.getLocalPort());
        }
        // Netty's termination future completes as an event loop leaves its run loop, a moment before
        // the thread itself is gone: wait for that moment (bounded), do not race it.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (phoneThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(!phoneThreadsAlive(), "threads ended");
        server.close(); // twice is harmless
    }

    private static boolean phoneThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("vernissage-phones") && t.isAlive());
    }
}
