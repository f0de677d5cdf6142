package org.vernissage.sensors.osc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;

/**
 * The real engine side of an OSC input, for end-to-end tests: the {@link InputRing}, the
 * {@link Conductor} on its own thread and the {@link SnapshotExchange} the test latches as the
 * render thread would. Channel {@code i} writes its raw value, unconditioned, into float parameter
 * {@code i} (the real conditioner is another component; here the raw value is what is checked).
 * Every parameter starts at {@link #DEFAULT}.
 */
final class TestEngine implements AutoCloseable {

    static final float DEFAULT = -1f;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

    final ParameterLayout layout;
    final SnapshotExchange snapshots;
    final Conductor conductor;
    final InputRing ring;
    private long frames;

    TestEngine(int channels) {
        this(channels, RingWaitStrategy.BLOCKING);
    }

    /** With {@link RingWaitStrategy#HOSTED}, receivers can run on the conductor's thread ("test-conductor"). */
    TestEngine(int channels, RingWaitStrategy wait) {
        List<ParameterSpec> specs = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            specs.add(new ParameterSpec("p" + i, ParameterType.FLOAT, -1e9f, 1e9f, new float[] {DEFAULT}, "", ""));
        }
        layout = new ParameterLayout(specs);
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        snapshots = new SnapshotExchange(defaults);
        conductor = new Conductor(layout, snapshots, new DirectChannels(layout), ConductorSettings.DEFAULT);
        ring = new InputRing(1024, wait, r -> {
            Thread thread = new Thread(r, "test-conductor");
            thread.setDaemon(true);
            return thread;
        }, conductor);
        ring.start();
    }

    /** The value of channel {@code channel}'s parameter in the newest snapshot. */
    float value(int channel) {
        return snapshots.latch().value(layout.offset(channel));
    }

    /** Waits (bounded) until the newest snapshot satisfies {@code condition}. */
    ParameterSnapshot awaitSnapshot(Predicate<ParameterSnapshot> condition, Supplier<String> context) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (System.nanoTime() < deadline) {
            ParameterSnapshot snapshot = snapshots.latch();
            if (condition.test(snapshot)) {
                return snapshot;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the snapshot never showed it; " + context.get());
    }

    /** Waits (bounded) until channel {@code channel} shows {@code value}. */
    void awaitValue(int channel, float value, Supplier<String> context) {
        awaitSnapshot(s -> s.value(layout.offset(channel)) == value,
                () -> "channel " + channel + " is " + value(channel) + ", expected " + value + "; " + context.get());
    }

    /**
     * Plays the render thread's frame marker: time moves on to {@code horizonNanos}, releasing
     * scheduled values due by then; returns once the conductor has published that.
     */
    void frame(long horizonNanos) {
        long before = snapshots.publishedEventsConsumed();
        if (!ring.offerFrame(frames++, horizonNanos, horizonNanos, before)) {
            throw new AssertionError("ring full");
        }
        await(() -> snapshots.publishedEventsConsumed() > before, () -> "the frame was never consumed");
    }

    static void await(BooleanSupplier condition, Supplier<String> context) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; " + context.get());
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        ring.close();
    }

    /** Channel i sets float parameter i to the raw value. Conductor thread only. */
    private static final class DirectChannels implements ChannelConditioner {
        private final ParameterLayout layout;

        DirectChannels(ParameterLayout layout) {
            this.layout = layout;
        }

        @Override
        public void onValue(int channel, float raw, long nanos, float[] values) {
            if (channel >= 0 && channel < layout.specs().size()) {
                values[layout.offset(channel)] = raw;
            }
        }

        @Override
        public void advanceTo(long nanos, float[] values) {
        }
    }
}
