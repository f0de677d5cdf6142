package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.osc.OscTestEncoder.bundle;
import static org.vernissage.osc.OscTestEncoder.message;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.osc.OscRejection;
import org.vernissage.osc.OscTestEncoder;
import org.vernissage.osc.OscTimeTag;
import org.vernissage.sensors.RecordingLogger;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.SourceCounters;

/**
 * End to end on loopback: real datagrams from a plain {@link DatagramSocket} through the receiver,
 * the router, the engine's input ring and conductor, into the snapshot the render thread latches
 * (this test plays the render thread, see {@link TestEngine}).
 */
class OscUdpReceiverTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private static final int LEVEL = 0;
    private static final int SPEED = 1;
    private static final List<BindingSpec> BINDINGS = List.of(
            TestBindings.osc("/level"),
            TestBindings.osc("/speed"));

    private final OscStats stats = new OscStats("OSC udp 127.0.0.1:0");
    private final RecordingLogger logger = new RecordingLogger();
    private TestEngine engine;
    private OscBindingRouter router;
    private OscUdpReceiver receiver;
    private DatagramSocket sender;

    @BeforeEach
    void startEngine() throws IOException {
        engine = new TestEngine(BINDINGS.size());
        router = router(stats, new SystemClock());
        sender = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    }

    private OscBindingRouter router(OscStats counters, Clock clock) {
        return new OscBindingRouter(BINDINGS, engine.ring, counters, new OscTimeTags(clock),
                OscBindingRouter.DEFAULT_BATCH_CAPACITY, logger);
    }

    @AfterEach
    void stopEngine() {
        if (receiver != null) {
            receiver.close();
        }
        sender.close();
        engine.close();
    }

    private void startReceiver(int datagramBufferBytes) throws SensorStartException {
        receiver = new OscUdpReceiver(LOOPBACK, 0, router, new SystemClock(), stats,
                datagramBufferBytes, logger);
        receiver.start();
    }

    @Test
    void aBoundValueArrivesInTheSnapshot() throws Exception {
        startReceiver(OscUdpReceiver.DATAGRAM_BUFFER_BYTES);
        assertNotEquals(0, receiver.port(), "port 0 must report the port actually bound");
        long sent = System.nanoTime();
        send(message("/level").f(0.25f).bytes());
        ParameterSnapshot snapshot = awaitSnapshot(s -> s.value(engine.layout.offset(LEVEL)) == 0.25f);
        assertTrue(snapshot.newestArrivalNanos() >= sent, "arrival is stamped on the injected clock");
        assertEquals(1, stats.packetsReceived());
        // Counted once the ring took it, which may be just after the conductor applied it.
        await(() -> stats.valuesOffered() == 1);
        assertEquals(1, stats.messagesReceived());
    }

    @Test
    void aMalformedPacketIsRejectedWholeAndChangesNothing() throws Exception {
        startReceiver(OscUdpReceiver.DATAGRAM_BUFFER_BYTES);
        send(message("/level").f(0.25f).bytes());
        awaitSnapshot(s -> s.value(engine.layout.offset(LEVEL)) == 0.25f);

        byte[] broken = message("/level").b(new byte[] {1, 2, 3}).bytes();
        broken[broken.length - 1] = 9; // blob padding must be NUL
        send(bundle(1, message("/level").f(0.9f).bytes(), broken));
        send(message("/speed").i(5).bytes());

        ParameterSnapshot snapshot = awaitSnapshot(s -> s.value(engine.layout.offset(SPEED)) == 5f);
        assertEquals(0.25f, snapshot.value(engine.layout.offset(LEVEL)), "the valid half of the bad bundle must not apply");
        assertEquals(2, snapshot.inputsApplied());
        await(() -> stats.packetsRejected(OscRejection.BAD_PADDING) == 1);
        assertEquals(1, stats.packetsRejected());
        assertEquals(3, stats.packetsReceived());
    }

    @Test
    void anUnknownTypeTagDoesNotKillTheReceiver() throws Exception {
        startReceiver(OscUdpReceiver.DATAGRAM_BUFFER_BYTES);
        send(message("/level").tag('q').f(0.9f).bytes());
        send(message("/level").f(0.5f).bytes());
        awaitSnapshot(s -> s.value(engine.layout.offset(LEVEL)) == 0.5f);
        assertEquals(1, stats.packetsRejected(OscRejection.UNKNOWN_TYPE_TAG));
        assertTrue(receiverThread().isAlive());
    }

    @Test
    void aTruncatedDatagramIsRejectedAsOversize() throws Exception {
        startReceiver(256);
        OscTestEncoder.Message large = message("/level").f(0.75f);
        large.b(new byte[400]);
        send(large.bytes());
        send(message("/level").f(0.75f).bytes());
        awaitSnapshot(s -> s.value(engine.layout.offset(LEVEL)) == 0.75f);
        assertEquals(1, stats.packetsRejected(OscRejection.OVERSIZE));
        assertEquals(1, stats.messagesReceived(), "nothing of the truncated datagram was routed");
    }

    @Test
    void aFloodOfBadPacketsIsLoggedOnceAndCounted() throws Exception {
        startReceiver(OscUdpReceiver.DATAGRAM_BUFFER_BYTES);
        for (int i = 0; i < 50; i++) {
            send("not osc at all".getBytes());
        }
        send(message("/level").f(1).bytes());
        awaitSnapshot(s -> s.value(engine.layout.offset(LEVEL)) == 1f);
        assertEquals(50, stats.packetsRejected(OscRejection.NOT_OSC));
        List<String> records = logger.snapshot();
        assertEquals(1, records.size(), () -> "logged: " + records);
        assertTrue(records.get(0).contains("NOT_OSC") && records.get(0).contains(LOOPBACK), records.get(0));
    }

    @Test
    void severalPortsAtOnceEachWithItsOwnRouterAndCounters() throws Exception {
        OscStats firstStats = new OscStats("OSC udp first");
        OscStats secondStats = new OscStats("OSC udp second");
        try (OscUdpReceiver first = new OscUdpReceiver(OscEndpoint.parse("udp:127.0.0.1:0"),
                     router(firstStats, new SystemClock()), new SystemClock(), firstStats);
             OscUdpReceiver second = new OscUdpReceiver(OscEndpoint.parse("udp:127.0.0.1:0"),
                     router(secondStats, new SystemClock()), new SystemClock(), secondStats)) {
            first.start();
            second.start();
            assertNotEquals(first.port(), second.port());
            long sent = System.nanoTime();
            sendTo(first.port(), message("/level").f(0.5f).bytes());
            sendTo(second.port(), message("/speed").f(7f).bytes());
            sendTo(second.port(), message("/nobody").f(7f).bytes());
            engine.awaitValue(LEVEL, 0.5f, firstStats::toString);
            engine.awaitValue(SPEED, 7f, secondStats::toString);
            await(() -> secondStats.received() == 2);
            SourceCounters a = firstStats;
            SourceCounters b = secondStats;
            assertEquals("OSC udp first", a.source());
            assertEquals(1, a.received());
            assertEquals(0, a.dropped());
            assertEquals(2, b.received());
            assertEquals(1, b.dropped());
            assertTrue(a.lastSeenNanos() >= sent && b.lastSeenNanos() >= sent, "last seen on the engine clock");
            assertEquals(SourceCounters.NEVER, stats.lastSeenNanos(), "a receiver never started saw nothing");
        }
        assertThrows(IllegalArgumentException.class, () -> new OscUdpReceiver(OscEndpoint.parse("tcp:9000"),
                router, new SystemClock(), stats));
    }

    @Test
    void aBundleWithAFutureTimeTagIsHeldUntilTheFrameThatReachesIt() throws Exception {
        long engineStart = 1_000_000_000L;
        long wall = 1_748_779_200_000_000_000L;
        ManualClock clock = new ManualClock(engineStart);
        OscTimeTags timeTags = new OscTimeTags(clock, () -> wall, Duration.ofSeconds(10));
        router = new OscBindingRouter(BINDINGS, engine.ring, stats, timeTags,
                OscBindingRouter.DEFAULT_BATCH_CAPACITY, logger);
        receiver = new OscUdpReceiver(LOOPBACK, 0, router, clock, stats,
                OscUdpReceiver.DATAGRAM_BUFFER_BYTES, logger);
        receiver.start();

        long due = engineStart + TimeUnit.MILLISECONDS.toNanos(200);
        send(bundle(OscTimeTag.timeTag(wall + TimeUnit.MILLISECONDS.toNanos(200)),
                message("/level").f(0.5f).bytes(), message("/speed").f(7f).bytes()));
        await(() -> stats.valuesOffered() == 2);
        // The conductor has published what it did with both values: a frame offered now is the
        // next thing it publishes (on a loaded machine the values' publication came late and was
        // taken for the frame's).
        await(() -> engine.snapshots.publishedEventsConsumed() >= 2);
        assertEquals(engineStart, stats.lastSeenNanos(), "arrival stamped on the injected engine clock");

        engine.frame(due - 1);
        assertEquals(TestEngine.DEFAULT, engine.value(LEVEL), "not due before its time");
        assertEquals(TestEngine.DEFAULT, engine.value(SPEED));
        assertEquals(2, engine.conductor.stats().scheduled());

        engine.frame(due);
        ParameterSnapshot snapshot = engine.snapshots.latch();
        assertEquals(0.5f, snapshot.value(engine.layout.offset(LEVEL)), "due at the frame that reaches it");
        assertEquals(7f, snapshot.value(engine.layout.offset(SPEED)), "together with the rest of its bundle");
        assertEquals(1, stats.bundles(OscBundleTiming.SCHEDULED));
    }

    @Test
    void aPortInUseGivesAClearStartException() throws Exception {
        try (DatagramSocket occupant = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            int port = occupant.getLocalPort();
            receiver = new OscUdpReceiver(LOOPBACK, port, router, new SystemClock(), stats);
            SensorStartException e = assertThrows(SensorStartException.class, receiver::start);
            assertTrue(e.getMessage().contains("port " + port + " is already in use"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line for the operator");
        }
    }

    @Test
    void closeUnblocksAndJoinsTheThreadQuickly() throws Exception {
        startReceiver(OscUdpReceiver.DATAGRAM_BUFFER_BYTES);
        Thread thread = receiverThread();
        assertEquals("vernissage-osc-udp-" + receiver.port(), thread.getName());
        long start = System.nanoTime();
        receiver.close();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(tookMillis < 1_000, "close took " + tookMillis + " ms");
        assertFalse(thread.isAlive());
    }

    @Test
    void theReceivingThreadAllocatesNothingPerPacketOnceWarm() throws Exception {
        startReceiver(OscUdpReceiver.DATAGRAM_BUFFER_BYTES);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = receiverThread().threadId();
        long past = OscTimeTag.timeTag(System.currentTimeMillis() * 1_000_000L) - (60L << 32);
        byte[][] packets = {message("/level").f(0.5f).bytes(), message("/speed").i(3).bytes(),
                message("/unbound").bytes(), "junk".getBytes(),
                bundle(past, message("/level").f(0.25f).bytes(), message("/{speed,level}").f(1).bytes())};
        sendAndAwait(packets, 40_000); // warm-up: first-occurrence logs, JIT
        int measured = 20_000;
        // The least of three windows: a one-off late C2 compile makes HotSpot intern the String
        // constants of the compiled class on this thread (about 1-2 KB, once); per-packet
        // allocation would show in every window as at least 20 KB.
        long allocated = Long.MAX_VALUE;
        for (int window = 0; window < 3; window++) {
            long before = threads.getThreadAllocatedBytes(threadId);
            sendAndAwait(packets, measured);
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(threadId) - before);
        }
        System.out.printf("OSC UDP receiving thread: %d bytes over %d packets%n", allocated, measured);
        assertTrue(allocated <= 2048, allocated + " bytes allocated for " + measured + " packets");
    }

    @Test
    void aReceiverHostedByTheConductorAppliesPacketsOnItsThreadAllocatingNothing() throws Exception {
        engine.close();
        engine = new TestEngine(BINDINGS.size(), RingWaitStrategy.HOSTED);
        router = router(stats, new SystemClock());
        receiver = new OscUdpReceiver(LOOPBACK, 0, router, new SystemClock(), stats,
                OscUdpReceiver.DATAGRAM_BUFFER_BYTES, logger);
        receiver.start(engine.ring.receiverHost().orElseThrow());
        send(message("/level").f(0.5f).bytes());
        send(message("/speed").f(2f).bytes());
        awaitSnapshot(s -> s.value(engine.layout.offset(LEVEL)) == 0.5f
                && s.value(engine.layout.offset(SPEED)) == 2f);
        assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("vernissage-osc-udp")).count(), "no thread of its own");

        // Received, decoded, published and applied on the conductor's thread: nothing per packet.
        Thread conductor = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("test-conductor")).findFirst().orElseThrow();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long past = OscTimeTag.timeTag(System.currentTimeMillis() * 1_000_000L) - (60L << 32);
        byte[][] packets = {message("/level").f(0.5f).bytes(), message("/speed").i(3).bytes(),
                message("/unbound").bytes(), "junk".getBytes(),
                bundle(past, message("/level").f(0.25f).bytes(), message("/{speed,level}").f(1).bytes())};
        sendAndAwait(packets, 40_000); // warm-up: first-occurrence logs, JIT
        int measured = 20_000;
        long allocated = Long.MAX_VALUE; // the least of three windows, as above
        for (int window = 0; window < 3; window++) {
            long before = threads.getThreadAllocatedBytes(conductor.threadId());
            sendAndAwait(packets, measured);
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(conductor.threadId()) - before);
        }
        System.out.printf("OSC UDP hosted by the conductor: %d bytes over %d packets%n", allocated, measured);
        assertTrue(allocated <= 2048, allocated + " bytes allocated for " + measured + " packets");

        long start = System.nanoTime();
        receiver.close();
        receiver = null;
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "close is prompt");
        assertTrue(conductor.isAlive(), "closing the receiver leaves the conductor running");
    }

    @Test
    void aSocketThatFailsIsCountedLoggedOnceAndReopenedOnTheSamePort() throws Exception {
        startReceiver(OscUdpReceiver.DATAGRAM_BUFFER_BYTES);
        int port = receiver.port();
        send(message("/level").f(0.25f).bytes());
        awaitSnapshot(s -> s.value(engine.layout.offset(LEVEL)) == 0.25f);

        receiver.breakSocket(); // every read now throws ClosedChannelException
        await(() -> receiver.health().restarts() >= 1
                && receiver.health().state() == org.vernissage.engine.agent.AgentState.RUNNING);

        assertEquals(port, receiver.port(), "reopened on the port it had");
        send(message("/level").f(0.75f).bytes());
        awaitSnapshot(s -> s.value(engine.layout.offset(LEVEL)) == 0.75f);
        assertTrue(receiver.health().errors() >= 3, receiver.health().describe());
        assertEquals(receiver.health().errors(),
                receiver.health().errorsByKind().get("java.nio.channels.ClosedChannelException"),
                "every error was of one kind: " + receiver.health().errorsByKind());
        assertEquals(1, logger.containing("ClosedChannelException").stream()
                .filter(line -> line.startsWith("WARNING")).count(), logger.snapshot().toString());
        assertEquals(1, logger.containing("stack trace of the first").size(), "the stack trace at debug level");
        assertEquals(1, logger.count("restarted after"), logger.snapshot().toString());
    }

    @Test
    void severalReceiversShareOneThread() throws Exception {
        OscStats secondStats = new OscStats("OSC udp second");
        try (org.vernissage.engine.agent.AgentThread shared =
                     org.vernissage.engine.agent.AgentThread.selecting("vernissage-osc-udp", Duration.ofMillis(100))) {
            receiver = new OscUdpReceiver(LOOPBACK, 0, router, new SystemClock(), stats,
                    OscUdpReceiver.DATAGRAM_BUFFER_BYTES, logger);
            receiver.start(shared);
            try (OscUdpReceiver second = new OscUdpReceiver(LOOPBACK, 0, router(secondStats, new SystemClock()),
                    new SystemClock(), secondStats, OscUdpReceiver.DATAGRAM_BUFFER_BYTES, logger)) {
                second.start(shared);
                send(message("/level").f(0.5f).bytes());
                sendTo(second.port(), message("/speed").f(2f).bytes());
                awaitSnapshot(s -> s.value(engine.layout.offset(LEVEL)) == 0.5f
                        && s.value(engine.layout.offset(SPEED)) == 2f);
                assertEquals(1, stats.packetsReceived());
                assertEquals(1, secondStats.packetsReceived());
                assertEquals(2, shared.health().size());
                assertEquals(1, Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("vernissage-osc-udp")).count(), "one thread for both");
            }
            receiver.close();
            receiver = null;
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void send(byte[] packet) throws IOException {
        sendTo(receiver.port(), packet);
    }

    private void sendTo(int port, byte[] packet) throws IOException {
        sender.send(new DatagramPacket(packet, packet.length, InetAddress.getByName(LOOPBACK), port));
    }

    /** Sends in batches small enough for the socket buffer, so loopback drops nothing. */
    private void sendAndAwait(byte[][] packets, int count) throws IOException {
        long target = stats.packetsReceived() + count;
        for (int sent = 0; sent < count; sent++) {
            send(packets[sent % packets.length]);
            if (sent % 500 == 499) {
                long batchEnd = target - count + sent + 1;
                await(() -> stats.packetsReceived() >= batchEnd);
            }
        }
        await(() -> stats.packetsReceived() >= target);
    }

    private ParameterSnapshot awaitSnapshot(Predicate<ParameterSnapshot> condition) {
        return engine.awaitSnapshot(condition, stats::toString);
    }

    private void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; " + stats);
            }
            Thread.onSpinWait();
        }
    }

    private Thread receiverThread() {
        String name = "vernissage-osc-udp-" + receiver.port();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name));
    }
}
