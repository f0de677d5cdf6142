package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.osc.OscTestEncoder.message;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.agent.HostedAgents;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.sensors.RecordingLogger;

/**
 * The conductor's direct wait with the real receiver, ring and sockets: a receiver hosted alone is
 * slept in with no selector, every other producer still wakes the conductor at once (with a wake-up
 * datagram that is never counted as input), and a second receiver on the same host ends the
 * direct wait without losing either port's input. The socket is read natively
 * ({@code DatagramReads}), so a wake-up between two packets of one console allocates nothing (the
 * JDK's receive would decode the changed sender into new objects each time: 297 B per pair).
 */
class OscDirectWaitTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int LEVEL = 0;
    private static final int SPEED = 1;
    private static final List<BindingSpec> BINDINGS = List.of(TestBindings.osc("/level"), TestBindings.osc("/speed"));

    private final OscStats stats = new OscStats("OSC udp direct");
    private final RecordingLogger logger = new RecordingLogger();
    private TestEngine engine;
    private HostedAgents host;
    private OscUdpReceiver receiver;
    private DatagramSocket sender;

    @BeforeEach
    void startEngine() throws IOException {
        engine = new TestEngine(BINDINGS.size(), RingWaitStrategy.HOSTED);
        host = (HostedAgents) engine.ring.receiverHost().orElseThrow();
        sender = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    }

    @AfterEach
    void stopEngine() {
        if (receiver != null) {
            receiver.close();
        }
        sender.close();
        engine.close();
    }

    @Test
    void aReceiverHostedAloneIsSleptInWithNoSelector() throws Exception {
        receiver = startReceiver(stats);
        for (int i = 1; i <= 50; i++) {
            float level = i / 64f;
            sendTo(receiver.port(), message("/level").f(level).bytes());
            engine.awaitValue(LEVEL, level, stats::toString);
            Thread.sleep(2); // the conductor goes back to sleep between packets
        }
        assertTrue(host.socketSleeps() >= 50, "slept in the socket " + host.socketSleeps() + " times");
        assertTrue(host.selector().keys().isEmpty(), "the socket is not on the selector: " + host.selector().keys());
        assertEquals(50, stats.packetsReceived());
        assertEquals(0, stats.packetsRejected(), stats.toString());
    }

    @Test
    void anotherProducerWakesTheConductorAsleepInTheSocketAndItsWakeUpIsNotInput() throws Exception {
        receiver = startReceiver(stats);
        sendTo(receiver.port(), message("/level").f(0.5f).bytes());
        engine.awaitValue(LEVEL, 0.5f, stats::toString);
        long sleepsBefore = host.socketSleeps();
        for (int i = 0; i < 200; i++) {
            Thread.sleep(1); // asleep in the receive; no packet will come to wake it
            long start = System.nanoTime();
            engine.frame(i + 1); // a frame mark from this thread: only the wake-up datagram ends that sleep
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(400),
                    "frame " + i + " waited " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        assertTrue(host.socketSleeps() - sleepsBefore >= 100, "the frames found it asleep in the socket");
        sendTo(receiver.port(), message("/level").f(0.75f).bytes());
        engine.awaitValue(LEVEL, 0.75f, stats::toString);
        assertEquals(2, stats.packetsReceived(), "wake-ups are not packets: " + stats);
        assertEquals(0, stats.packetsRejected(), stats.toString());
    }

    @Test
    void aSecondReceiverEndsTheDirectWaitAndBothPortsAreHeard() throws Exception {
        receiver = startReceiver(stats);
        sendTo(receiver.port(), message("/level").f(0.25f).bytes());
        engine.awaitValue(LEVEL, 0.25f, stats::toString);
        OscStats secondStats = new OscStats("OSC udp second");
        try (OscUdpReceiver second = startReceiver(secondStats)) {
            for (int i = 1; i <= 30; i++) {
                sendTo(receiver.port(), message("/level").f(i).bytes());
                engine.awaitValue(LEVEL, i, stats::toString);
                Thread.sleep(1);
                sendTo(second.port(), message("/speed").f(i).bytes());
                engine.awaitValue(SPEED, i, secondStats::toString);
                Thread.sleep(1);
            }
            long sleeps = host.socketSleeps();
            await(() -> host.selector().keys().size() == 2, "both sockets on the selector");
            sendTo(second.port(), message("/speed").f(99).bytes());
            engine.awaitValue(SPEED, 99, secondStats::toString);
            assertEquals(sleeps, host.socketSleeps(), "no more sleeps in one socket once two are hosted");
            assertEquals(31, stats.packetsReceived());
            assertEquals(31, secondStats.packetsReceived());
        }
    }

    @Test
    void theConductorAsleepInTheSocketAllocatesNothingPerPacket() throws Exception {
        receiver = startReceiver(stats);
        Thread conductor = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("test-conductor")).findFirst().orElseThrow();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        sendSparse(3_000); // warm-up
        long allocated = Long.MAX_VALUE; // the least of three windows
        for (int window = 0; window < 3; window++) {
            long before = threads.getThreadAllocatedBytes(conductor.threadId());
            sendSparse(2_000);
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(conductor.threadId()) - before);
        }
        System.out.printf("OSC UDP, conductor asleep in the socket: %d bytes over 2000 packets, %d sleeps%n",
                allocated, host.socketSleeps());
        assertTrue(host.socketSleeps() > 2_000, "it slept in the socket");
        assertTrue(allocated <= 2048, allocated + " bytes allocated for 2000 packets");
    }

    @Test
    void packetsAndWakeUpsInTurnAllocateNothingOnTheConductor() throws Exception {
        receiver = startReceiver(stats);
        Thread conductor = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("test-conductor")).findFirst().orElseThrow();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        packetsAndFrames(2_000); // warm-up
        long allocated = Long.MAX_VALUE;
        for (int window = 0; window < 3; window++) {
            long before = threads.getThreadAllocatedBytes(conductor.threadId());
            packetsAndFrames(1_000);
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(conductor.threadId()) - before);
        }
        System.out.printf("OSC UDP, packets and frame marks in turn, conductor asleep in the socket: %d bytes"
                + " over 1000 of each%n", allocated);
        assertTrue(allocated <= 2048, allocated + " bytes allocated for 1000 packets and 1000 frames");
    }

    private long frames;

    /** A packet, then a frame mark from this thread (a wake-up datagram), each awaited, {@code count} times. */
    private void packetsAndFrames(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            long target = stats.packetsReceived() + 1;
            sendTo(receiver.port(), message("/level").f(i).bytes());
            await(() -> stats.packetsReceived() >= target, "packet " + i);
            engine.frame(++frames);
        }
    }

    /** Packets one at a time, each awaited, so the conductor sleeps in the socket before the next. */
    private void sendSparse(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            long target = stats.packetsReceived() + 1;
            sendTo(receiver.port(), message("/level").f(i).bytes());
            await(() -> stats.packetsReceived() >= target, "packet " + i);
        }
    }

    private OscUdpReceiver startReceiver(OscStats counters) throws Exception {
        OscBindingRouter router = new OscBindingRouter(BINDINGS, engine.ring, counters,
                new OscTimeTags(new SystemClock()), OscBindingRouter.DEFAULT_BATCH_CAPACITY, logger);
        OscUdpReceiver started = new OscUdpReceiver(LOOPBACK, 0, router, new SystemClock(), counters,
                OscUdpReceiver.DATAGRAM_BUFFER_BYTES, logger);
        started.start(host);
        return started;
    }

    private void sendTo(int port, byte[] packet) throws IOException {
        sender.send(new DatagramPacket(packet, packet.length, InetAddress.getByName(LOOPBACK), port));
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.onSpinWait();
        }
    }
}
