package org.vernissage.sensors.tuio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.vernissage.sensors.tuio.TuioTestEncoder.cursors;
import static org.vernissage.sensors.tuio.TuioTestEncoder.frame2;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchSet;
import org.vernissage.sensors.RecordingLogger;
import org.vernissage.sensors.SensorStartException;

/**
 * End to end on loopback: TUIO bundles from plain {@link DatagramSocket}s through the receiver's
 * thread, the decoder, the engine's input ring and conductor, into the snapshot's touch set (this
 * test plays the render thread, latching snapshots and sending FRAME ticks). Time is a
 * {@link ManualClock} shared by the receiver and the frames, so the keepalive and both timeouts
 * are exact; the receiver's own thread notices a clock step within its poll interval.
 */
class TuioReceiverTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            new ParameterSpec("level", ParameterType.FLOAT, 0, 1, new float[] {0}, "", "")));

    private final ManualClock clock = new ManualClock(TimeUnit.SECONDS.toNanos(10));
    private final RecordingLogger logger = new RecordingLogger();
    private SnapshotExchange snapshots;
    private Conductor conductor;
    private InputRing ring;
    private TuioReceiver receiver;
    private DatagramSocket table;
    private DatagramSocket camera;
    private long frameIndex;

    @BeforeEach
    void startEngine() throws IOException {
        snapshots = new SnapshotExchange(new float[LAYOUT.slotCount()]);
        conductor = new Conductor(LAYOUT, snapshots); // touch timeout: 1 s
        ring = new InputRing(1024, RingWaitStrategy.BLOCKING, r -> {
            Thread thread = new Thread(r, "tuio-test-conductor");
            thread.setDaemon(true);
            return thread;
        }, conductor);
        ring.start();
        table = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        camera = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    }

    @AfterEach
    void stopEngine() {
        if (receiver != null) {
            receiver.close();
        }
        table.close();
        camera.close();
        ring.close();
    }

    private TuioReceiver started(int datagramBytes) throws SensorStartException {
        receiver = new TuioReceiver(LOOPBACK, 0, ring, clock, TuioSettings.DEFAULT, logger, datagramBytes);
        receiver.start();
        return receiver;
    }

    @Test
    void cursorsAndTokensShowInTheSnapshotAndASilentTrackersPointsTimeOut() throws Exception {
        started(TuioReceiver.DATAGRAM_BUFFER_BYTES);
        send(table, cursors().source("TABLE@127.0.0.1").alive(1, 2).cursor(1, 0.25f, 0.5f, 0.1f, 0f)
                .cursor(2, 0.75f, 0.5f, 0f, 0f).fseq(1));
        TouchSet touches = awaitTouches(2);
        assertEquals(TouchKind.CURSOR, touches.kind(0));
        assertEquals(0, touches.source(0));
        assertEquals(1, touches.session(0));
        assertEquals(0.25f, touches.x(0));
        assertEquals(0.1f, touches.vx(0));
        assertEquals(2, touches.session(1));
        assertEquals(0.75f, touches.x(1));

        send(camera, frame2(1, "CAM:0@0x7F000001").token(5, 42, 0.5f, 0.25f, 1.0f, 0, 0).alive(5));
        touches = awaitTouches(3);
        int token = touches.indexOf(TouchKind.OBJECT, 1, 5);
        assertTrue(token >= 0, "the camera is source 1");
        assertEquals(42, touches.classId(token));
        assertEquals(1.0f, touches.angle(token));

        send(table, cursors().source("TABLE@127.0.0.1").alive(1).fseq(2));
        touches = awaitTouches(2);
        assertEquals(-1, touches.indexOf(TouchKind.CURSOR, 0, 2), "cursor 2 was removed by its tracker");

        // Both trackers now fall silent while their points stay on the surface. The receiver
        // re-sends them every 200 ms of engine time, so frames 1.6 s later still show them...
        for (int step = 1; step <= 8; step++) {
            clock.advance(TimeUnit.MILLISECONDS.toNanos(200));
            int expected = 2 * step;
            await(() -> receiver.stats().keepalivesSent() >= expected, expected + " keepalive batches");
        }
        assertEquals(2, frameNow().count(), "kept alive 1.6 s into the silence");
        assertEquals(0, conductor.stats().touchesTimedOut());

        // ... until the silence reaches 2 s: the receiver forgets both sources and stops.
        clock.advance(TimeUnit.MILLISECONDS.toNanos(400));
        await(() -> receiver.stats().sourcesForgotten() == 2, "both sources forgotten");
        assertEquals(16, receiver.stats().keepalivesSent());
        assertEquals(2, frameNow().count(), "the engine still shows them: last sent 400 ms ago");

        // The engine's touch timeout (1 s without news) ends them as frames move time on.
        clock.advance(TimeUnit.MILLISECONDS.toNanos(500));
        assertEquals(2, frameNow().count(), "0.9 s after the last keepalive");
        clock.advance(TimeUnit.MILLISECONDS.toNanos(200));
        assertEquals(0, frameNow().count(), "1.1 s after the last keepalive");
        assertEquals(2, conductor.stats().touchesTimedOut());
        assertEquals(16, receiver.stats().keepalivesSent(), "nothing was sent for the forgotten sources");

        // The table comes back, numbering from 1: it starts clean.
        send(table, cursors().source("TABLE@127.0.0.1").alive(9).cursor(9, 0.5f, 0.5f, 0, 0).fseq(1));
        touches = awaitTouches(1);
        assertEquals(9, touches.session(0));
        assertEquals(0, touches.source(0), "the same tracker gets its id back");
        awaitSettled(5 + 3 + 3 + 4);
    }

    @Test
    void badDatagramsAreCountedAndTheReceiverKeepsGoing() throws Exception {
        started(TuioReceiver.DATAGRAM_BUFFER_BYTES);
        send(table, new byte[] {1, 2, 3, 4, 5});
        send(table, cursors().alive(1).cursor(1, Float.NaN, 0.5f, 0, 0).fseq(1));
        send(table, cursors().alive(1).cursor(1, 0.5f, 0.5f, 0, 0).fseq(2));
        TouchSet touches = awaitTouches(1);
        assertEquals(0.5f, touches.x(0));
        awaitSettled(1 + 3 + 3);
        assertEquals(1, receiver.stats().rejected(TuioRejection.MALFORMED_OSC));
        assertEquals(1, receiver.stats().rejected(TuioRejection.NOT_FINITE));
        assertEquals(1, logger.containing("MALFORMED_OSC").size());
        assertTrue(logger.containing("MALFORMED_OSC").get(0).contains("/127.0.0.1:" + table.getLocalPort()),
                "the log names the sender: " + logger.snapshot());
    }

    @Test
    void aDatagramTheBufferHadToCutIsRefused() throws Exception {
        started(128);
        send(table, cursors().alive(1, 2, 3).cursor(1, 0.1f, 0.1f, 0, 0).cursor(2, 0.2f, 0.2f, 0, 0)
                .cursor(3, 0.3f, 0.3f, 0, 0).fseq(1));
        send(table, cursors().alive(1).fseq(2));
        awaitSettled(1 + 2);
        assertEquals(1, receiver.stats().rejected(TuioRejection.TRUNCATED_DATAGRAM));
        assertEquals(1, receiver.stats().framesApplied());
    }

    @Test
    void aBusyPortFailsToStartWithAMessageForTheOperator() throws Exception {
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            int busy = squatter.getLocalPort();
            TuioReceiver blocked = new TuioReceiver(LOOPBACK, busy, ring, clock, TuioSettings.DEFAULT);
            SensorStartException e = assertThrows(SensorStartException.class, blocked::start);
            assertTrue(e.getMessage().contains("TUIO UDP port " + busy + " is already in use"), e.getMessage());
            blocked.close(); // harmless after a failed start
        }
    }

    @Test
    void itRunsOnItsOwnNamedThreadUntilClosed() throws Exception {
        started(TuioReceiver.DATAGRAM_BUFFER_BYTES);
        String name = "vernissage-tuio-" + receiver.port();
        Thread thread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no thread named " + name));
        assertTrue(thread.isDaemon());
        assertEquals("TUIO udp 127.0.0.1:0", receiver.stats().source());
        receiver.close();
        assertFalse(thread.isAlive(), "close() joins the thread");
        receiver.close(); // twice is fine
    }

    @Test
    void aSocketThatFailsIsCountedLoggedOnceAndReopenedOnTheSamePort() throws Exception {
        started(TuioReceiver.DATAGRAM_BUFFER_BYTES);
        int port = receiver.port();
        receiver.breakSocket(); // every read now throws ClosedChannelException

        await(() -> receiver.health().restarts() >= 1
                && receiver.health().state() == org.vernissage.engine.agent.AgentState.RUNNING,
                "the agent restarted");
        assertEquals(port, receiver.port());
        send(table, cursors().alive(1).cursor(1, 0.25f, 0.5f, 0, 0).fseq(1));
        assertEquals(0.25f, awaitTouches(1).x(0), "packets after the failure are received");
        assertTrue(receiver.health().errors() >= 3, receiver.health().describe());
        assertEquals(receiver.health().errors(),
                receiver.health().errorsByKind().get("java.nio.channels.ClosedChannelException"));
        assertEquals(1, logger.containing("ClosedChannelException").stream()
                .filter(line -> line.startsWith("WARNING")).count(), logger.snapshot().toString());
    }

    @Test
    void aThousandSourcesComingAndGoingLogAFewLinesAndAreCounted() throws Exception {
        // keepalive 8 ms: the receiver ticks every 2 ms, so forgetting follows the clock at once
        TuioSettings churn = new TuioSettings(8, 64, java.time.Duration.ofMillis(8), java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMillis(500), 100, 0);
        receiver = new TuioReceiver(LOOPBACK, 0, ring, clock, churn, logger, TuioReceiver.DATAGRAM_BUFFER_BYTES);
        receiver.start();
        int sources = 1_000;
        for (int round = 0; round < sources / 8; round++) {
            for (int s = 0; s < 8; s++) {
                int id = round * 8 + s;
                send(table, cursors().source("tracker-" + id).alive(1).cursor(1, 0.5f, 0.5f, 0, 0).fseq(1));
            }
            long seen = (round + 1) * 8L;
            await(() -> receiver.stats().sourcesSeen() == seen, seen + " sources seen");
            clock.advance(TimeUnit.SECONDS.toNanos(3)); // all of them fall silent
            await(() -> receiver.stats().sourcesForgotten() == seen, seen + " sources forgotten");
        }
        assertEquals(sources, receiver.stats().sourcesSeen());
        assertEquals(sources, receiver.stats().sourcesForgotten());
        long infoLines = logger.snapshot().stream().filter(line -> line.startsWith("INFO")).count();
        assertEquals(TuioInputLog.SOURCE_CHANGES_LOGGED, infoLines, "a few lines, not two per source");
        assertEquals(1, logger.count("further TUIO source changes are only counted"));
        List<String> aboveDebug = logger.snapshot().stream().filter(line -> !line.startsWith("DEBUG")).toList();
        assertEquals(TuioInputLog.SOURCE_CHANGES_LOGGED, aboveDebug.size(), aboveDebug::toString);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void send(DatagramSocket from, byte[] datagram) throws IOException {
        from.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress(LOOPBACK, receiver.port())));
    }

    /** Sends a FRAME tick at the clock's time, as the render thread does, and latches the result. */
    private TouchSet frameNow() {
        long now = clock.nanos();
        assertTrue(ring.offerFrame(++frameIndex, now, now, 0));
        await(() -> ring.backlog() == 0, "the conductor consumed the frame");
        return snapshots.latch().touches();
    }

    /** Waits until the receiver has read {@code messages} messages and accounted for each. */
    private void awaitSettled(long messages) {
        await(() -> receiver.stats().received() == messages && receiver.stats().countersAddUp(),
                messages + " messages received and accounted for");
    }

    private TouchSet awaitTouches(int count) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (true) {
            ParameterSnapshot snapshot = snapshots.latch();
            if (snapshot.touches().count() == count) {
                return snapshot.touches();
            }
            if (System.nanoTime() - deadline > 0) {
                fail("expected " + count + " touches, the snapshot has " + snapshot.touches().count() + "; "
                        + receiver.stats() + "; log: " + logger.snapshot());
            }
            Thread.yield();
        }
    }

    private void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting for " + what + "; " + receiver.stats());
            }
            Thread.yield();
        }
    }
}
