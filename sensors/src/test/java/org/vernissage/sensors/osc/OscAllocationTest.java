package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.osc.OscTestEncoder.bundle;
import static org.vernissage.osc.OscTestEncoder.message;
import static org.vernissage.sensors.osc.TestBindings.osc;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscTimeTag;
import org.vernissage.sensors.RecordingLogger;

/**
 * Reading and routing must not allocate once warm: measured on the calling thread with the JVM's
 * per-thread allocation counter, over every path a message can take (bound, bound by a pattern,
 * an incoming pattern, unbound, not numeric, a malformed pattern, in bundles with immediate, future
 * and past time tags, rejected), with the machine's real wall clock mapping the time tags.
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
            new ParameterSpec("centre", ParameterType.VEC2, -1, 1, new float[] {0, 0}, "", ""),
            new ParameterSpec("flash", ParameterType.EVENT, 0, 1, new float[] {0}, "", "")));
    private static final List<BindingSpec> BINDINGS = List.of(
            osc("/level"), osc("/x"), osc("/y"), osc("/fader*"), osc("/mix/{a,b}/gain"));

    /** Packets for every path, with the number of messages each holds. */
    private static byte[][] packets() {
        long now = OscTimeTag.timeTag(System.currentTimeMillis() * 1_000_000L);
        long soon = now + (5L << 32);     // 5 s ahead: scheduled for as long as the test runs
        long past = now - (60L << 32);    // a minute ago: late
        return new byte[][] {
                message("/level").i(64).bytes(),
                message("/x").f(0.25f).bytes(),
                bundle(soon, message("/x").d(0.5).bytes(), message("/y").tag('T').bytes(),
                        bundle(soon + 1, message("/level").h(100).bytes())),
                bundle(past, message("/fader7").f(1).bytes(), message("/mix/b/gain").c('k').bytes()),
                bundle(OscPacketReader.IMMEDIATELY, message("/{x,y}").f(0.5f).bytes()),
                message("/page/*").f(1).bytes(),
                message("/[x").f(1).bytes(),
                message("/unbound").f(1).bytes(),
                message("/level").s("loud").bytes(),
                message("/level").bytes(),
                message("/broken").tag('q').bytes(),
                // A parameter's own address, no binding declared: fitting, in a bundle, not fitting.
                message("/vernissage/alloc/level").f(0.5f).bytes(),
                bundle(OscPacketReader.IMMEDIATELY, message("/vernissage/alloc/centre").f(1).i(-1).bytes(),
                        message("/vernissage/alloc/flash").s("bang").bytes()),
                message("/vernissage/alloc/centre").f(1).bytes(),
                // The outputs' address space, handed to its handler.
                message("/vernissage/output/1/corner/0").f(0.1f).f(0.2f).bytes(),
        };
    }

    private static final int[] MESSAGES_IN = {1, 1, 3, 2, 1, 1, 1, 1, 1, 1, 0, 1, 2, 1, 1};

    @Test
    void readingAndRoutingAllocateNothingOnceWarm() {
        CountingSink sink = new CountingSink();
        long allocated = measure(sink);
        assertTrue(sink.values > 0);
        assertTrue(allocated <= SLACK_BYTES, allocated + " bytes allocated for " + MESSAGES + " messages");
    }

    @Test
    void offeringIntoTheRealRingAllocatesNothingEither() {
        float[] defaults = new float[LAYOUT.slotCount()];
        LAYOUT.copyDefaultsInto(defaults);
        SnapshotExchange snapshots = new SnapshotExchange(defaults);
        Conductor conductor = new Conductor(LAYOUT, snapshots, ChannelConditioner.NONE, ConductorSettings.DEFAULT);
        try (InputRing ring = new InputRing(1024, RingWaitStrategy.BLOCKING,
                r -> new Thread(r, "test-conductor"), conductor)) {
            ring.start();
            long allocated = measure(ring);
            assertTrue(allocated <= SLACK_BYTES, allocated + " bytes allocated for " + MESSAGES + " messages");
        }
    }

    /** Bytes allocated on this thread while reading and routing {@link #MESSAGES} messages, warm. */
    private static long measure(InputSink sink) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        OscStats stats = new OscStats("OSC test");
        OscTimeTags timeTags = new OscTimeTags(new SystemClock());
        long[] outputMessages = new long[1];
        OscBindingRouter router = new OscBindingRouter(BINDINGS, new OscParameterAddresses("alloc", LAYOUT),
                (message, timeTag, arrivalNanos) -> outputMessages[0] += message.argumentCount(), sink, stats,
                timeTags, OscBindingRouter.DEFAULT_BATCH_CAPACITY, new RecordingLogger());
        OscPacketReader reader = new OscPacketReader();
        byte[][] packets = packets();
        ByteBuffer[] buffers = new ByteBuffer[packets.length];
        for (int i = 0; i < packets.length; i++) {
            buffers[i] = ByteBuffer.allocateDirect(packets[i].length).put(0, packets[i]);
        }
        readMessages(reader, router, buffers, MESSAGES * 3); // warm-up: let the JIT settle

        // The least of three windows: a late C2 compile interns the compiled class's String
        // constants on this thread once (about 800 B, seen in one window of some runs); a
        // per-message allocation would show in every window as at least MESSAGES bytes.
        long allocated = Long.MAX_VALUE;
        int read = 0;
        for (int window = 0; window < 3; window++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            read = readMessages(reader, router, buffers, MESSAGES);
            allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
        }

        assertTrue(stats.messagesReceived() >= MESSAGES, "routed " + stats.messagesReceived());
        assertTrue(outputMessages[0] > 0 && stats.messagesDropped(OscDropReason.WRONG_ARGUMENTS) > 0, stats::toString);
        assertTrue(stats.bundles(OscBundleTiming.SCHEDULED) > 0 && stats.bundles(OscBundleTiming.LATE) > 0,
                stats::toString);
        System.out.printf("OSC read+route: %d bytes over %d messages (%s)%n",
                allocated, read, sink.getClass().getSimpleName());
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
    private static final class CountingSink implements InputSink {
        long offers;
        long values;
        double sum;

        @Override
        public boolean offerChannel(int channel, float value, long arrivalNanos) {
            values++;
            sum += value + channel;
            return (++offers & 7) != 0; // refuse some, as a full ring would
        }

        @Override
        public boolean offer(InputBatch batch) {
            for (int i = 0; i < batch.size(); i++) {
                values++;
                sum += batch.kind(i) == EventKinds.PARAMETER_SET
                        ? batch.parameterValue(i) + batch.parameterSlot(i)
                        : batch.value(i) + batch.channel(i) + batch.dueNanos(i);
            }
            return (++offers & 7) != 0;
        }

        @Override
        public boolean offerParameter(int slot, float value, long arrivalNanos) {
            values++;
            sum += value + slot;
            return (++offers & 7) != 0;
        }
    }
}
