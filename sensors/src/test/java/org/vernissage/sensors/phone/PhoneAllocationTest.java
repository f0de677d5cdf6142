package org.vernissage.sensors.phone;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.phone.PhoneTestFrames.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.PhoneAggregate;
import org.vernissage.engine.binding.PhoneSelector;
import org.vernissage.engine.binding.PhoneSignal;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.sensors.RecordingLogger;

/**
 * Decoding a phone's message, applying it, publishing its touches and aggregates, and the periodic
 * tick must not allocate once warm (Netty's own frame object per message is outside this: see
 * {@link PhoneServer}). Measured on the calling thread with the JVM's per-thread allocation
 * counter, over every path: fingers down, moving, lifted, held (refreshed by the tick), tilt,
 * shake, keep-alive, malformed, over the rate. The fixed slack is not per message (see
 * {@code OscAllocationTest} for what it covers).
 */
class PhoneAllocationTest {

    private static final int MESSAGES = 100_000;
    private static final long SLACK_BYTES = 512;
    private static final long STEP_NANOS = 5_000_000L; // 200 messages/s in all, over 4 phones

    private static final List<BindingSpec> BINDINGS = new ArrayList<>();

    static {
        for (PhoneSignal signal : PhoneSignal.values()) {
            for (PhoneAggregate aggregate : PhoneAggregate.values()) {
                BINDINGS.add(new BindingSpec(new PhoneSelector(signal, aggregate), "p", 0,
                        ConditioningSpec.linear(0, 1, 0, 1)));
            }
        }
    }

    @Test
    void handlingMessagesAllocatesNothingOnceWarm() {
        CountingSink sink = new CountingSink();
        long allocated = measure(sink);
        assertTrue(sink.offers > 0);
        assertTrue(allocated <= SLACK_BYTES, allocated + " bytes allocated for " + MESSAGES + " messages");
    }

    @Test
    void offeringIntoTheRealRingAllocatesNothingEither() {
        ParameterLayout layout = new ParameterLayout(List.of(
                new ParameterSpec("p", ParameterType.FLOAT, 0, 1, new float[] {0}, "", "")));
        SnapshotExchange snapshots = new SnapshotExchange(new float[layout.slotCount()]);
        try (InputRing ring = new InputRing(1024, RingWaitStrategy.BLOCKING, r -> new Thread(r, "test-conductor"),
                new Conductor(layout, snapshots))) {
            ring.start();
            long allocated = measure(ring);
            assertTrue(allocated <= SLACK_BYTES, allocated + " bytes allocated for " + MESSAGES + " messages");
        }
    }

    private static long measure(InputSink sink) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        PhoneStats stats = new PhoneStats("phones allocation");
        PhoneServerSettings settings = PhoneServerSettings.defaults("127.0.0.1", 0).withMaxMessagesPerSecond(60);
        PhoneInputRouter router = new PhoneInputRouter(settings, BINDINGS, sink, stats, new RecordingLogger());
        PhoneParticipant[] phones = new PhoneParticipant[4];
        long[] now = {1_000_000_000L};
        for (int i = 0; i < phones.length; i++) {
            phones[i] = router.join(now[0]);
        }
        ByteBuf[] frames = frames();
        run(router, phones, frames, now, MESSAGES * 3); // warm-up: let the JIT settle

        long before = threads.getCurrentThreadAllocatedBytes();
        run(router, phones, frames, now, MESSAGES);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(stats.received() >= MESSAGES, "handled " + stats.received());
        assertTrue(stats.rejected() > 0 && stats.dropped(PhoneDrop.RATE_LIMIT) > 0, "every path was taken");
        System.out.printf("phones decode+apply+publish: %d bytes over %d messages (%s)%n", allocated, MESSAGES,
                sink.getClass().getSimpleName());
        for (ByteBuf f : frames) {
            f.release();
        }
        return allocated;
    }

    private static void run(PhoneInputRouter router, PhoneParticipant[] phones, ByteBuf[] frames, long[] now,
                            int messages) {
        for (int m = 0; m < messages; m++) {
            now[0] += STEP_NANOS;
            ByteBuf f = frames[m % frames.length];
            router.onBinary(phones[m % phones.length], f, now[0]);
            if (m % 10 == 0) {
                router.tick(now[0]);
            }
            if (m % 997 == 0) { // a burst from one phone: over its rate
                for (int b = 0; b < 70; b++) {
                    router.onBinary(phones[0], f, now[0]);
                }
            }
        }
    }

    /** Direct buffers, as Netty hands them over, for every kind of message. */
    private static ByteBuf[] frames() {
        List<byte[]> bytes = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            float t = i / 32f;
            bytes.add(frame().touches(0, t, 1 - t, 1, 0.5f, t).orientation(t * 360, t * 90, -t * 45)
                    .motion(t, -t, 2 * t).bytes());
            bytes.add(frame().touches(0, t, 0.5f).bytes());
            bytes.add(frame().bytes());
            bytes.add(frame().touches().bytes());
            bytes.add(frame().raw('?').bytes());
            bytes.add(frame().motion(t * 10, 0, 0).bytes());
        }
        ByteBuf[] buffers = new ByteBuf[bytes.size()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = Unpooled.directBuffer(bytes.get(i).length).writeBytes(bytes.get(i));
        }
        return buffers;
    }

    /** A ring stand-in that keeps only primitives, so it cannot allocate either; refuses some. */
    private static final class CountingSink implements InputSink {
        long offers;
        double sum;

        @Override
        public boolean offerParameter(int slot, float value, long arrivalNanos) {
            throw new AssertionError("phones never set parameters");
        }

        @Override
        public boolean offerChannel(int channel, float value, long arrivalNanos) {
            offers++;
            sum += value + channel;
            return (offers & 7) != 0;
        }

        @Override
        public boolean offer(InputBatch batch) {
            offers++;
            for (int i = 0; i < batch.size(); i++) {
                sum += batch.x(i) + batch.session(i);
            }
            return (offers & 7) != 0;
        }
    }
}
