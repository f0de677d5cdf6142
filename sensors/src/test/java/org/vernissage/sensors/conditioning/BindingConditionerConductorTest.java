package org.vernissage.sensors.conditioning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.vernissage.sensors.conditioning.Specs.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.MidiMessageKind;
import org.vernissage.engine.binding.MidiSelector;
import org.vernissage.engine.binding.OscSelector;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.sensors.RecordingLogger;

/**
 * End to end through the real engine: channel values and frame ticks offered into an
 * {@link InputRing}, a {@link Conductor} on its own thread calling the {@link BindingConditioner},
 * and the snapshots the render thread would latch.
 */
class BindingConditionerConductorTest {

    private static final long MS = 1_000_000L;
    private static final long T0 = 50_000 * MS;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);

    // Slots: 0 level, 1 hue.
    private static final int LEVEL = 0;
    private static final int HUE = 1;
    private static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            new ParameterSpec("level", ParameterType.FLOAT, 0, 1, new float[] {0.5f}, "", ""),
            new ParameterSpec("hue", ParameterType.FLOAT, 0, 10, new float[] {3}, "", "")));

    private static final List<BindingSpec> BINDINGS = List.of(
            new BindingSpec(new OscSelector("/presence", 0), "level", 0,
                    spec().idle(2, 0.1f, 1).build()),
            new BindingSpec(new MidiSelector(MidiMessageKind.CC, 7, 1), "hue", 0,
                    spec().input(0, 127).output(0, 10).rateLimit(2).idle(3, 8, 0).build()));

    /** A ring, a conductor with the conditioner, and the exchange; offers and waits for frames. */
    private static final class Engine implements AutoCloseable {
        final BindingConditioner conditioner = new BindingConditioner(BINDINGS, LAYOUT, new RecordingLogger());
        final SnapshotExchange snapshots;
        final InputRing ring;
        long offered;
        long frames;

        Engine() {
            float[] defaults = new float[LAYOUT.slotCount()];
            LAYOUT.copyDefaultsInto(defaults);
            snapshots = new SnapshotExchange(defaults);
            Conductor conductor = new Conductor(LAYOUT, snapshots, conditioner, ConductorSettings.DEFAULT);
            ThreadFactory daemons = task -> {
                Thread thread = new Thread(task, "conditioner-test-conductor");
                thread.setDaemon(true); // a failed test must not keep the JVM alive
                return thread;
            };
            ring = new InputRing(256, RingWaitStrategy.BLOCKING, daemons, conductor);
            ring.start();
        }

        void send(int channel, float raw, long arrivalNanos) {
            assertTrue(ring.offerChannel(channel, raw, arrivalNanos), "ring full");
            offered++;
        }

        /** Ticks a frame whose next frame is at {@code horizonNanos}, and latches once it is applied. */
        ParameterSnapshot frame(long horizonNanos) {
            assertTrue(ring.offerFrame(frames++, horizonNanos - 16 * MS, horizonNanos,
                    snapshots.publishedEventsConsumed()), "ring full");
            offered++;
            long deadline = System.nanoTime() + DEADLINE_NANOS;
            while (snapshots.publishedEventsConsumed() < offered) {
                if (System.nanoTime() - deadline > 0) {
                    fail("the conductor did not consume " + offered + " events within 5 s");
                }
                Thread.onSpinWait();
            }
            ParameterSnapshot snapshot = snapshots.latch();
            assertEquals(offered, snapshot.eventsConsumed());
            return snapshot;
        }

        @Override
        public void close() {
            ring.close();
        }
    }

    @Test
    void withNobodySendingTheSnapshotsEaseToTheIdleValues() {
        try (Engine engine = new Engine()) {
            assertEquals(0.5f, engine.frame(T0).value(LEVEL), "the idle timers start at the first frame");
            assertEquals(3f, engine.frame(T0).value(HUE));
            ParameterSnapshot s = engine.frame(T0 + 1_900 * MS);
            assertEquals(0.5f, s.value(LEVEL), "defaults stand while the room is quiet for less than 2 s");
            assertEquals(3f, s.value(HUE));
            assertEquals(0.5f, engine.frame(T0 + 2_000 * MS).value(LEVEL));
            assertEquals(0.3f, engine.frame(T0 + 2_500 * MS).value(LEVEL), 1e-6, "halfway: smoothstep(0.5)");
            s = engine.frame(T0 + 3_000 * MS);
            assertEquals(0.1f, s.value(LEVEL));
            assertEquals(8f, s.value(HUE), "hue's idle after 3 s, with an ease of 0, jumps");
            assertEquals(8f, engine.frame(T0 + 2_999 * MS).value(HUE), "a horizon in the past does not move time back");
        }
    }

    @Test
    void sentValuesAreConditionedAndSlewAcrossFramesThenIdleWhenTheSenderStops() {
        try (Engine engine = new Engine()) {
            engine.frame(T0);
            // 2 per second of 0..10 is 20 hue per second, starting from the default 3
            engine.send(1, 0, T0 + 5 * MS);
            assertEquals(2.78f, engine.frame(T0 + 16 * MS).value(HUE), 1e-5, "down for 11 ms");
            engine.send(1, 127, T0 + 20 * MS);
            assertEquals(2.94f, engine.frame(T0 + 32 * MS).value(HUE), 1e-5, "turned at 2.7, up for 12 ms");
            assertEquals(6.7f, engine.frame(T0 + 220 * MS).value(HUE), 1e-5);
            assertEquals(9.98f, engine.frame(T0 + 384 * MS).value(HUE), 1e-5);
            assertEquals(10f, engine.frame(T0 + 520 * MS).value(HUE));
            engine.send(0, 0.75f, T0 + 530 * MS);
            engine.send(7, 1f, T0 + 531 * MS); // no such binding
            ParameterSnapshot s = engine.frame(T0 + 540 * MS);
            assertEquals(0.75f, s.value(LEVEL));
            assertEquals(10f, s.value(HUE));
            assertEquals(1, engine.conditioner.stats().unknownChannels());
            assertEquals(3, engine.conditioner.stats().applied());

            assertEquals(0.75f, engine.frame(T0 + 2_530 * MS).value(LEVEL), "the ease starts 2 s after the value");
            s = engine.frame(T0 + 3_030 * MS);
            assertEquals(0.75f + (0.1f - 0.75f) * 0.5f, s.value(LEVEL), 1e-6);
            assertEquals(8f, s.value(HUE), "hue idles 3 s after its last value, at 3020 ms");
            assertEquals(0.1f, engine.frame(T0 + 3_530 * MS).value(LEVEL));

            engine.send(0, 0.9f, T0 + 3_540 * MS);
            assertEquals(0.9f, engine.frame(T0 + 3_550 * MS).value(LEVEL), "the next value takes over");
        }
    }

    @Test
    void theSameEventsThroughTwoEnginesGiveTheSameSnapshotsBitForBit() {
        List<float[]> first = replay();
        List<float[]> second = replay();
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), second.get(i), "frame " + i);
        }
    }

    private static List<float[]> replay() {
        List<float[]> frames = new ArrayList<>();
        try (Engine engine = new Engine()) {
            long now = T0;
            for (int i = 0; i < 300; i++) {
                if (i % 3 != 0) {
                    engine.send(i % 2, (i * 37 % 128) * (i % 2 == 0 ? 1 / 127f : 1f), now + i % 5 * MS);
                }
                now += (i % 50 < 40 ? 16 : 200) * MS; // bursts of frames, then silences
                float[] values = new float[LAYOUT.slotCount()];
                engine.frame(now).copyValuesInto(values);
                frames.add(values);
            }
        }
        return frames;
    }
}
