package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.osc.OscStreamTestFraming.concat;
import static org.vernissage.osc.OscStreamTestFraming.lengthPrefixed;
import static org.vernissage.osc.OscStreamTestFraming.slip;
import static org.vernissage.osc.OscTestEncoder.bundle;
import static org.vernissage.osc.OscTestEncoder.int32;
import static org.vernissage.osc.OscTestEncoder.message;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscMessageView;
import org.vernissage.osc.OscRejection;
import org.vernissage.osc.OscStreamFraming;
import org.vernissage.sensors.RecordingLogger;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.SourceCounters;
import org.vernissage.sensors.osc.OscStreamRecordingHandler.Received;

/**
 * The server through real TCP sockets on loopback, with plain {@link Socket} clients writing SLIP
 * and length-prefixed streams: framing chosen per connection, several connections at once,
 * clients that vanish or misbehave, limits, counters, start and close.
 */
class OscTcpServerTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final byte[] FADER = message("/fader/1").f(0.5f).bytes();
    private static final byte[] LEVEL = message("/level").i(64).bytes();

    private final ManualClock clock = new ManualClock(1_000);
    private final OscStreamRecordingHandler handler = new OscStreamRecordingHandler();
    private final RecordingLogger logger = new RecordingLogger();
    private final List<Socket> clients = new ArrayList<>();
    private OscTcpServer server;

    @AfterEach
    void closeEverything() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void slipPacketsArriveStampedOnTheClockOnTheServerThread() throws Exception {
        start(config());
        Socket client = connect();
        write(client, slip(FADER));
        awaitMessages(1);
        clock.advance(500);
        byte[] second = slip(LEVEL);
        write(client, Arrays.copyOfRange(second, 0, 5)); // split across writes, as a slow peer would
        write(client, Arrays.copyOfRange(second, 5, second.length));
        awaitMessages(2);

        List<Received> received = handler.snapshot();
        assertEquals(List.of("/fader/1 f:0.5", "/level i:64"), handler.texts());
        assertEquals(1_000, received.get(0).arrivalNanos());
        assertEquals(1_500, received.get(1).arrivalNanos());
        assertEquals("vernissage-osc-tcp-" + server.port(), received.get(0).thread());
        awaitReceived(2);
        SourceCounters counters = server.stats();
        assertEquals("OSC tcp " + LOOPBACK + ":" + server.port(), counters.source());
        assertEquals(2, counters.received());
        assertEquals(0, counters.rejected() + counters.dropped());
        assertEquals(1_500, counters.lastSeenNanos());
        assertEquals(1, server.stats().connectionsFramed(OscStreamFraming.SLIP));
    }

    @Test
    void lengthPrefixedPacketsArriveWhetherBatchedOrByteByByte() throws Exception {
        start(config());
        Socket client = connect();
        byte[] bundled = bundle(5, message("/in/bundle").i(1).bytes(), message("/and").s("x").bytes());
        write(client, concat(lengthPrefixed(FADER), lengthPrefixed(bundled), lengthPrefixed(LEVEL)));
        for (byte b : lengthPrefixed(message("/slow").d(2.5).bytes())) {
            write(client, new byte[] {b});
        }
        awaitMessages(5);
        assertEquals(List.of("/fader/1 f:0.5", "/in/bundle i:1", "/and s:x", "/level i:64", "/slow d:2.5"),
                handler.texts());
        awaitReceived(4);
        assertEquals(4, server.stats().received(), "packets, not messages");
        assertEquals(1, server.stats().connectionsFramed(OscStreamFraming.LENGTH_PREFIX));
        assertEquals(0, server.stats().connectionsFramed(OscStreamFraming.SLIP));
    }

    @Test
    void severalConnectionsAtOnceEachKeepItsOrderOnOneThread() throws Exception {
        start(config());
        int connections = 6;
        int perConnection = 50;
        List<Socket> open = new ArrayList<>();
        List<byte[]> streams = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            open.add(connect());
            List<byte[]> packets = new ArrayList<>();
            for (int n = 0; n < perConnection; n++) {
                byte[] packet = message("/c" + c).i(n).bytes();
                packets.add(c % 2 == 0 ? slip(packet) : lengthPrefixed(packet));
            }
            streams.add(concat(packets.toArray(byte[][]::new)));
        }
        // Interleave pieces of every stream, so packets of different connections cross.
        int[] written = new int[connections];
        for (int round = 0; IntStream.range(0, connections).anyMatch(c -> written[c] < streams.get(c).length); round++) {
            for (int c = 0; c < connections; c++) {
                int piece = Math.min(7 + (round + c) % 6, streams.get(c).length - written[c]);
                write(open.get(c), Arrays.copyOfRange(streams.get(c), written[c], written[c] + piece));
                written[c] += piece;
            }
        }
        awaitMessages(connections * perConnection);

        for (int c = 0; c < connections; c++) {
            String address = "/c" + c;
            List<String> got = handler.snapshot().stream().filter(r -> r.address().equals(address))
                    .map(Received::firstArgument).toList();
            assertEquals(IntStream.range(0, perConnection).mapToObj(n -> "i:" + n).toList(), got, address);
        }
        assertEquals(1, handler.snapshot().stream().map(Received::thread).distinct().count());
        assertEquals(connections, server.stats().connectionsOpen());
        assertEquals(3, server.stats().connectionsFramed(OscStreamFraming.SLIP));
        assertEquals(3, server.stats().connectionsFramed(OscStreamFraming.LENGTH_PREFIX));
        for (Socket client : open) {
            client.close();
        }
        await(() -> server.stats().connectionsOpen() == 0);
        assertEquals(connections, server.stats().connectionsAccepted());
        assertEquals(0, server.stats().faults(OscStreamFault.CUT_OFF), "closed between packets");
    }

    @Test
    void aClientVanishingMidPacketIsCountedAndTheServerCarriesOn() throws Exception {
        start(config());
        byte[] half = slip(FADER);
        Socket closing = connect();
        write(closing, Arrays.copyOf(half, half.length / 2));
        awaitHeard(closing);
        closing.close(); // FIN in the middle of a packet

        Socket resetting = connect();
        byte[] prefixed = lengthPrefixed(LEVEL);
        write(resetting, Arrays.copyOf(prefixed, 6));
        awaitHeard(resetting);
        resetting.setSoLinger(true, 0);
        resetting.close(); // RST in the middle of a packet
        await(() -> server.stats().faults(OscStreamFault.CUT_OFF) == 2);

        Socket polite = connect();
        write(polite, slip(FADER));
        awaitMessages(1);
        polite.close();
        await(() -> server.stats().connectionsOpen() == 0);
        assertEquals(2, server.stats().faults(OscStreamFault.CUT_OFF), "a whole packet is not cut off");
        assertEquals(2, server.stats().rejected());
        assertEquals(1, logged("CUT_OFF"), logger.snapshot()::toString);
        assertEquals(List.of("/fader/1 f:0.5"), handler.texts());
    }

    @Test
    void anOversizedLengthPrefixClosesThatConnectionAndIsLoggedOncePerKind() throws Exception {
        start(config().withMaxPacketBytes(1024));
        Socket good = connect();
        write(good, lengthPrefixed(FADER));
        awaitMessages(1);

        Socket first = connect();
        write(first, concat(int32(1 << 20), new byte[64]));
        assertClosedByServer(first);
        List<String> lines = logger.containing("LENGTH_TOO_LARGE");
        assertEquals(1, lines.size(), logger.snapshot()::toString);
        assertTrue(lines.get(0).contains(LOOPBACK + ":" + first.getLocalPort())
                && lines.get(0).contains("1048576") && lines.get(0).contains("1024"), lines.get(0));

        Socket second = connect();
        write(second, concat(int32(1 << 20), new byte[64]));
        assertClosedByServer(second);
        assertEquals(2, server.stats().faults(OscStreamFault.LENGTH_TOO_LARGE));
        assertEquals(2, server.stats().dropped());
        assertEquals(1, logger.count("LENGTH_TOO_LARGE"), "once per kind, not per connection");
        await(() -> server.stats().connectionsOpen() == 1);

        write(good, lengthPrefixed(LEVEL)); // the well-behaved connection never noticed
        awaitMessages(2);
    }

    @Test
    void aThousandConnectionsWithBadLengthPrefixesLogOneLine() throws Exception {
        start(config().withMaxPacketBytes(1024));
        int port = server.port();
        byte[] bad = concat(int32(1 << 20), new byte[8]);
        int connections = 1_000;
        for (int i = 0; i < connections; i++) {
            try (Socket attacker = new Socket(LOOPBACK, port)) {
                attacker.getOutputStream().write(bad);
            }
        }
        await(() -> server.stats().faults(OscStreamFault.LENGTH_TOO_LARGE) == connections);
        assertEquals(1, logger.snapshot().size(), logger.snapshot()::toString);
        Socket console = connect(); // and the server still serves
        write(console, slip(FADER));
        awaitMessages(1);
    }

    @Test
    void anOversizedSlipFrameIsDroppedAndItsConnectionGoesOn() throws Exception {
        start(config().withMaxPacketBytes(64));
        Socket client = connect();
        byte[] big = message("/big").b(new byte[200]).bytes();
        write(client, concat(slip(big), slip(FADER), slip(big), slip(LEVEL)));
        awaitMessages(2);
        assertEquals(List.of("/fader/1 f:0.5", "/level i:64"), handler.texts());
        assertEquals(2, server.stats().faults(OscStreamFault.OVERSIZE_FRAME));
        assertEquals(2, server.stats().dropped());
        awaitReceived(4);
        assertEquals(4, server.stats().received());
        assertEquals(1, logged("OVERSIZE_FRAME"), logger.snapshot()::toString);
        assertEquals(1, server.stats().connectionsOpen());
    }

    @Test
    void malformedPacketsAreRejectedPerReasonAndLoggedOncePerReason() throws Exception {
        start(config());
        Socket client = connect();
        byte[] junk = slip("junk\0\0\0\0".getBytes());
        byte[] unknownTag = slip(message("/odd").tag('q').bytes());
        byte[] badEscape = {(byte) 0xC0, '/', 'x', (byte) 0xDB, 'q', 0, 0, (byte) 0xC0};
        List<byte[]> stream = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stream.add(junk);
            stream.add(i % 4 == 0 ? unknownTag : badEscape);
        }
        stream.add(slip(FADER));
        write(client, concat(stream.toArray(byte[][]::new)));
        awaitMessages(1);
        awaitReceived(1);

        OscStreamStats stats = server.stats();
        OscStats messages = server.messageStats();
        assertEquals(20, messages.packetsRejected(OscRejection.NOT_OSC));
        assertEquals(5, messages.packetsRejected(OscRejection.UNKNOWN_TYPE_TAG));
        assertEquals(25, messages.rejected(), "refused content: on the messages' line");
        assertEquals(15, stats.faults(OscStreamFault.BAD_ESCAPE));
        assertEquals(15, stats.rejected(), "the stream's own breakage: on the stream's line, once");
        assertEquals(26, stats.received(), "every whole frame, whatever it held");
        assertEquals(1, logged("NOT_OSC"));
        assertEquals(1, logged("UNKNOWN_TYPE_TAG"));
        assertEquals(1, logged("BAD_ESCAPE"));
        assertTrue(logger.snapshot().stream().allMatch(l -> l.contains(LOOPBACK + ":" + client.getLocalPort())),
                logger.snapshot()::toString);
    }

    @Test
    void aHandlerThatThrowsIsCountedAndLoggedOnceAndTheConnectionGoesOn() throws Exception {
        byte[] boom = message("/boom").bytes();
        OscMessageHandler throwing = (m, timeTag, arrival) -> {
            if (m.addressEquals("/boom".getBytes())) {
                throw new IllegalStateException("a handler bug");
            }
            handler.onMessage(m, timeTag, arrival);
        };
        server = new OscTcpServer(config(), throwing, clock, logger);
        server.start();
        Socket client = connect();
        write(client, concat(slip(boom), slip(boom), slip(boom), slip(FADER)));
        write(connect(), concat(lengthPrefixed(boom), lengthPrefixed(LEVEL)));
        awaitMessages(2);
        assertEquals(4, server.stats().faults(OscStreamFault.HANDLER_FAILED));
        assertEquals(1, logged("broke its handler"), logger.snapshot()::toString);
        assertEquals(2, server.stats().connectionsOpen());
    }

    @Test
    void forcedLengthPrefixFramingClosesASlipPeerAsANegativeLength() throws Exception {
        start(config().withFraming(OscStreamFraming.LENGTH_PREFIX));
        Socket slipPeer = connect();
        write(slipPeer, slip(FADER)); // C0 2F 66 61: negative as an int32
        assertClosedByServer(slipPeer);
        assertEquals(1, server.stats().faults(OscStreamFault.LENGTH_NEGATIVE));
        assertEquals(1, server.stats().rejected());
        assertEquals(0, handler.count());
    }

    @Test
    void forcedSlipFramingReadsALengthPrefixAsPartOfThePacket() throws Exception {
        start(config().withFraming(OscStreamFraming.SLIP));
        Socket client = connect();
        write(client, concat(lengthPrefixed(FADER), new byte[] {(byte) 0xC0}, slip(LEVEL)));
        awaitMessages(1);
        assertEquals(List.of("/level i:64"), handler.texts());
        assertEquals(1, server.messageStats().packetsRejected(OscRejection.NOT_OSC), "a frame starting 00 00 00 10");
        assertEquals(1, server.stats().connectionsFramed(OscStreamFraming.SLIP));
    }

    @Test
    void whenEverySlotIsTakenTheQuietestConnectionMakesRoomForANewConsole() throws Exception {
        start(config().withMaxConnections(2));
        Socket quiet = connect();
        await(() -> server.stats().connectionsOpen() == 1);
        Thread.sleep(20);
        Socket talking = connect();
        await(() -> server.stats().connectionsOpen() == 2);
        write(talking, slip(FADER));
        awaitMessages(1);

        Socket console = connect();
        assertClosedByServer(quiet);
        write(console, slip(LEVEL));
        write(talking, slip(FADER));
        awaitMessages(3);
        assertEquals(1, server.stats().faults(OscStreamFault.EVICTED));
        assertEquals(0, server.stats().connectionsRefused());
        assertEquals(2, server.stats().connectionsOpen());
        assertEquals(1, logged("EVICTED"), logger.snapshot()::toString);
        assertTrue(logger.containing("EVICTED").get(0).contains(LOOPBACK + ":" + quiet.getLocalPort()),
                logger.snapshot()::toString);
    }

    @Test
    void idleAndHalfSentConnectionsTimeOutAndFreeTheirSlots() throws Exception {
        start(config().withMaxConnections(4).withIdleTimeout(java.time.Duration.ofMillis(400))
                .withPacketTimeout(java.time.Duration.ofMillis(200)));
        Socket idle = connect();
        Socket halfSent = connect();
        Socket trickling = connect();
        Socket busy = connect();
        write(halfSent, Arrays.copyOf(lengthPrefixed(FADER), 6));
        long started = System.nanoTime();
        byte[] slow = slip(LEVEL);
        for (int i = 0; i < 5; i++) { // one byte every 60 ms: activity, but no packet completes
            write(trickling, new byte[] {slow[i]});
            write(busy, slip(FADER));
            Thread.sleep(60);
        }
        assertClosedByServer(halfSent);
        assertClosedByServer(trickling);
        assertClosedByServer(idle);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(tookMillis < 2_000, "closed within the timeouts, took " + tookMillis + " ms");
        assertEquals(2, server.stats().faults(OscStreamFault.INCOMPLETE_TIMEOUT), server.stats()::toString);
        assertEquals(1, server.stats().faults(OscStreamFault.IDLE_TIMEOUT), server.stats()::toString);
        assertEquals(1, logged("INCOMPLETE_TIMEOUT"));
        assertEquals(1, logged("IDLE_TIMEOUT"));
        write(busy, slip(LEVEL)); // a connection that keeps sending stays
        awaitMessages(6);
        assertEquals(1, server.stats().connectionsOpen());
    }

    @Test
    void aListenerThatFailsIsCountedLoggedOnceAndListensAgainOnItsPort() throws Exception {
        start(config());
        int port = server.port();
        server.breakListener();
        await(() -> server.health().restarts() >= 1
                && server.health().state() == org.vernissage.engine.agent.AgentState.RUNNING);
        assertEquals(port, server.port());
        Socket console = connect();
        write(console, slip(FADER));
        awaitMessages(1);
        assertTrue(server.health().errors() >= 3, server.health().describe());
        assertEquals(1, logger.containing("ClosedChannelException").stream()
                .filter(line -> line.startsWith("WARNING")).count(), logger.snapshot()::toString);
    }

    @Test
    void theMessageCountersSayWhenTheInputWasLastHeardAndWhatItRejected() throws Exception {
        OscStats messageStats = new OscStats("OSC tcp messages");
        server = new OscTcpServer(config(), handler, clock, messageStats, logger);
        server.start();
        assertEquals(SourceCounters.NEVER, messageStats.lastSeenNanos());
        Socket client = connect();
        clock.advance(250);
        write(client, concat(slip(FADER), slip("junk\0\0\0\0".getBytes())));
        // the packet is counted as received before it is read and refused: wait for both counts
        await(() -> messageStats.packetsReceived() == 2 && messageStats.rejected() == 1);
        assertEquals(1_250, messageStats.lastSeenNanos(), "not 'nothing received yet'");
        assertEquals(1, messageStats.packetsRejected(OscRejection.NOT_OSC));
        assertEquals(1, messageStats.rejected());
        assertEquals(2, server.stats().received(), "both frames were whole");
        assertEquals(0, server.stats().rejected(), "the refused packet is on the messages' line alone");
    }

    @Test
    void aPortInUseFailsStartNamingHostAndPort() throws Exception {
        try (ServerSocket occupant = new ServerSocket()) {
            occupant.bind(new InetSocketAddress(LOOPBACK, 0));
            int port = occupant.getLocalPort();
            server = new OscTcpServer(OscTcpServerConfig.of(LOOPBACK, port), handler, clock, logger);
            SensorStartException e = assertThrows(SensorStartException.class, server::start);
            assertTrue(e.getMessage().contains(LOOPBACK + ":" + port) && e.getMessage().contains("in use"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line for the operator");
        }
    }

    @Test
    void closeStopsTheThreadClosesEveryConnectionAndTheListeningSocket() throws Exception {
        start(config());
        int port = server.port();
        Socket client = connect();
        write(client, slip(FADER));
        awaitMessages(1);
        Thread thread = serverThread();

        server.close();
        assertFalse(thread.isAlive());
        assertClosedByServer(client);
        assertThrows(ConnectException.class, () -> new Socket(LOOPBACK, port).close());
        assertEquals(0, server.stats().connectionsOpen());
        server.close(); // idempotent
        assertThrows(IllegalStateException.class, server::start);
    }

    @Test
    void closeBeforeStartIsHarmless() {
        server = new OscTcpServer(config(), handler, clock, logger);
        server.close();
        assertEquals(0, server.port());
        assertThrows(IllegalStateException.class, server::start);
    }

    @Test
    void theServerThreadAllocatesNothingPerPacketOnceWarm() throws Exception {
        CountingHandler counting = new CountingHandler();
        server = new OscTcpServer(config().withMaxPacketBytes(64), counting, clock, logger);
        server.start();
        Socket slipClient = connect();
        Socket prefixClient = connect();
        byte[] bundled = bundle(3, message("/a").i(1).bytes(), message("/b").f(2).bytes());
        byte[] junk = "junk\0\0\0\0".getBytes();
        // Every path a frame can take: delivered, bundled, rejected, and for SLIP discarded.
        byte[] slipBatch = batch(slip(FADER), slip(LEVEL), slip(bundled), slip(junk),
                slip(message("/big").b(new byte[100]).bytes()),
                new byte[] {(byte) 0xC0, '/', (byte) 0xDB, 1, (byte) 0xC0});
        byte[] prefixBatch = batch(lengthPrefixed(FADER), lengthPrefixed(LEVEL), lengthPrefixed(bundled),
                lengthPrefixed(junk));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long threadId = serverThread().threadId();

        sendBatches(slipClient, slipBatch, prefixClient, prefixBatch, 40); // warm-up: JIT, first logs
        // The least of three windows: an allocation per packet shows in every window (20,000
        // packets: at least 20 KB), while a one-off JVM effect shows in one at most (a late C2
        // compile interns the compiled class's String constants on this thread, once, ~1-2 KB).
        long least = Long.MAX_VALUE;
        int packets = 0;
        for (int window = 0; window < 3; window++) {
            long before = threads.getThreadAllocatedBytes(threadId);
            packets = sendBatches(slipClient, slipBatch, prefixClient, prefixBatch, 80);
            long allocated = threads.getThreadAllocatedBytes(threadId) - before;
            System.out.printf("OSC TCP server thread: %d bytes over %d packets%n", allocated, packets);
            least = Math.min(least, allocated);
        }
        assertTrue(counting.messages > 0);
        assertTrue(server.stats().dropped() > 0 && server.stats().faults(OscStreamFault.BAD_ESCAPE) > 0);
        assertTrue(least <= 1024, least + " bytes allocated for " + packets + " packets");
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static OscTcpServerConfig config() {
        return OscTcpServerConfig.of(LOOPBACK, 0);
    }

    private void start(OscTcpServerConfig config) throws SensorStartException {
        server = new OscTcpServer(config, handler, clock, logger);
        server.start();
    }

    private Socket connect() throws IOException {
        Socket client = new Socket(LOOPBACK, server.port());
        clients.add(client);
        client.setTcpNoDelay(true);
        client.setSoTimeout(5_000); // a server that fails to close fails the test, it does not hang it
        client.setSoTimeout((int) TimeUnit.NANOSECONDS.toMillis(DEADLINE_NANOS));
        return client;
    }

    private static void write(Socket client, byte[] bytes) throws IOException {
        client.getOutputStream().write(bytes);
        client.getOutputStream().flush();
    }

    /** Waits until the server has read what {@code client} sent so far (a unique clock stamp). */
    private void awaitHeard(Socket client) {
        long stamp = clock.nanos();
        await(() -> server.stats().lastSeenNanos() == stamp);
        clock.advance(1);
    }

    /** The server closed the connection: the client reads the end of the stream (or a reset). */
    private static void assertClosedByServer(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        try {
            assertEquals(-1, in.read(), "the server sends nothing; it can only close");
        } catch (SocketException reset) {
            // closed with unread data in its buffer: Linux answers with a reset, which is a close too
        }
    }

    private long logged(String what) {
        return logger.snapshot().stream().filter(l -> l.contains(what)).count();
    }

    private void awaitMessages(int count) {
        await(() -> handler.count() >= count);
        assertEquals(count, handler.count(), handler.texts()::toString);
    }

    /**
     * The server counts a packet received once its handler has returned, so just after the test
     * saw the last message: wait for the count to reach {@code at least}.
     */
    private void awaitReceived(long atLeast) {
        await(() -> server.stats().received() >= atLeast);
    }

    private void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; " + server.stats() + "; messages " + handler.texts()
                        + "; log " + logger.snapshot());
            }
            Thread.onSpinWait();
        }
    }

    private Thread serverThread() {
        String name = "vernissage-osc-tcp-" + server.port();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name));
    }

    /** Every frame the server has judged: received (dropped included) or rejected. */
    private long framesJudged() {
        return server.stats().received() + server.stats().rejected();
    }

    /** 125 framed packets, cycling through {@code packets}. */
    private static byte[] batch(byte[]... packets) {
        List<byte[]> repeated = new ArrayList<>();
        for (int i = 0; i < 125; i++) {
            repeated.add(packets[i % packets.length]);
        }
        return concat(repeated.toArray(byte[][]::new));
    }

    /** Sends {@code batches} batches of 125 packets on each client; returns the packets sent. */
    private int sendBatches(Socket slipClient, byte[] slipBatch, Socket prefixClient, byte[] prefixBatch,
                            int batches) throws IOException {
        for (int b = 0; b < batches; b++) {
            long target = framesJudged() + 250;
            write(slipClient, slipBatch);
            write(prefixClient, prefixBatch);
            await(() -> framesJudged() >= target);
        }
        return batches * 250;
    }

    /** Keeps only primitives, so it cannot allocate. */
    private static final class CountingHandler implements OscMessageHandler {
        long messages;
        double sum;

        @Override
        public void onMessage(OscMessageView message, long timeTag, long arrivalNanos) {
            messages++;
            sum += message.numericArgument(0) + message.addressHash();
        }
    }
}
