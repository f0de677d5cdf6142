package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.osc.OscTestEncoder.bundle;
import static org.vernissage.sensors.osc.OscTestEncoder.message;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.artwork.OscBindingSpec;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.ParameterInput;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;

/**
 * Reading and routing must not allocate once warm: measured on the calling thread with the JVM's
 * per-thread allocation counter, over every path a message can take (bound, unbound, not numeric,
 * in a bundle, rejected).
 *
 * <p>The fixed slack is not per message. Besides the measurement itself it covers one JVM effect
 * seen here: before a C2 compile, HotSpot interns the unresolved String constants of the method's
 * class on the thread that triggered the compile (about 72 bytes per constant, once per class).
 */
class OscAllocationTest {

    private static final int MESSAGES = 100_000;
    private static final long SLACK_BYTES = 512;

    private static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            new ParameterSpec("level", ParameterType.FLOAT, 0, 1, new float[] {0}, "", ""),
            new ParameterSpec("xy", ParameterType.VEC2, -1, 1, new float[] {0, 0}, "", "")));
    private static final List<OscBindingSpec> BINDINGS = List.of(
            new OscBindingSpec("/level", "level", 0, 0, 127),
            new OscBindingSpec("/x", "xy", 0, 0, 1),
            new OscBindingSpec("/y", "xy", 1, 1, 0));

    /** Packets for every path, with the number of messages each holds. */
    private static final byte[][] PACKETS = {
            message("/level").i(64).bytes(),
            message("/x").f(0.25f).bytes(),
            bundle(42, message("/x").d(0.5).bytes(), message("/y").tag('T').bytes(),
                    bundle(43, message("/level").h(100).bytes())),
            message("/unbound").f(1).bytes(),
            message("/level").s("loud").bytes(),
            message("/level").bytes(),
            message("/broken").tag('q').bytes(),
    };
    private static final int[] MESSAGES_IN = {1, 1, 3, 1, 1, 1, 0};

    @Test
    void readingAndRoutingAllocateNothingOnceWarm() {
        CountingInput input = new CountingInput();
        long allocated = measure(input);
        assertTrue(input.offers > 0);
        assertTrue(allocated <= SLACK_BYTES, allocated + " bytes allocated for " + MESSAGES + " messages");
    }

    @Test
    void offeringIntoTheRealRingAllocatesNothingEither() {
        float[] defaults = new float[LAYOUT.slotCount()];
        LAYOUT.copyDefaultsInto(defaults);
        SnapshotExchange snapshots = new SnapshotExchange(defaults);
        try (InputRing ring = new InputRing(1024, RingWaitStrategy.BLOCKING,
                r -> new Thread(r, "test-conductor"), new Conductor(LAYOUT, snapshots))) {
            ring.start();
            long allocated = measure(ring);
            assertTrue(allocated <= SLACK_BYTES, allocated + " bytes allocated for " + MESSAGES + " messages");
        }
    }

    /** Bytes allocated on this thread while reading and routing {@link #MESSAGES} messages, warm. */
    private static long measure(ParameterInput input) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        OscStats stats = new OscStats();
        OscBindingRouter router = new OscBindingRouter(BINDINGS, LAYOUT, input, stats,
                new RecordingLogger());
        OscPacketReader reader = new OscPacketReader();
        ByteBuffer[] buffers = new ByteBuffer[PACKETS.length];
        for (int i = 0; i < PACKETS.length; i++) {
            buffers[i] = ByteBuffer.allocateDirect(PACKETS[i].length).put(0, PACKETS[i]);
        }
        readMessages(reader, router, buffers, MESSAGES * 3); // warm-up: let the JIT settle

        long before = threads.getCurrentThreadAllocatedBytes();
        int read = readMessages(reader, router, buffers, MESSAGES);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(stats.messagesReceived() >= MESSAGES, "routed " + stats.messagesReceived());
        System.out.printf("OSC read+route: %d bytes over %d messages (%s)%n",
                allocated, read, input.getClass().getSimpleName());
        return allocated;
    }

    private static int readMessages(OscPacketReader reader, OscBindingRouter router,
                                    ByteBuffer[] buffers, int messages) {
        int read = 0;
        long arrival = 0;
        for (int p = 0; read < messages; p = (p + 1) % buffers.length) {
            reader.read(buffers[p], 0, buffers[p].capacity(), arrival++, router);
            read += MESSAGES_IN[p];
        }
        return read;
    }

    /** A ring stand-in that keeps only primitives, so it cannot allocate either. */
    private static final class CountingInput implements ParameterInput {
        long offers;
        double sum;

        @Override
        public boolean offerParameter(int slot, float value, long arrivalNanos) {
            offers++;
            sum += value + slot;
            return (offers & 7) != 0; // refuse some, as a full ring would
        }
    }
}
