package org.vernissage.sensors.conditioning;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.conditioning.Specs.spec;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.Curve;
import org.vernissage.engine.binding.OscSelector;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.sensors.RecordingLogger;

/**
 * The conditioner runs on the conductor thread for every value and every frame: once warm it must
 * not allocate, on any path (every step on, NaN, infinity, unknown channel, idle, slews). Measured
 * with the JVM's per-thread allocation counter; the fixed slack covers the measurement itself and
 * one-off JIT effects, not anything per call.
 */
class ConditionerAllocationTest {

    private static final int CALLS = 200_000;
    private static final long SLACK_BYTES = 512;
    private static final long MS = 1_000_000L;

    private static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            new ParameterSpec("level", ParameterType.FLOAT, 0, 1, new float[] {0.5f}, "", ""),
            new ParameterSpec("xy", ParameterType.VEC2, -1, 1, new float[] {0, 0}, "", "")));

    @Test
    void valuesAndFramesAllocateNothingOnceWarm() {
        BindingConditioner conditioner = new BindingConditioner(List.of(
                new BindingSpec(new OscSelector("/level", 0), "level", 0, spec().input(0, 127)
                        .deadZone(0.5f, 0.05f).curve(Curve.SMOOTHSTEP).oneEuro(1, 0.02, 1).rateLimit(2)
                        .idle(0.5, 0.2f, 0.5).build()),
                new BindingSpec(new OscSelector("/x", 0), "xy", 0, spec().output(-1, 1).power(1.7f)
                        .oneEuro(3, 0.5, 1).idle(0.3, -0.5f, 0).build()),
                new BindingSpec(new OscSelector("/y", 0), "xy", 1, spec().input(1, 0).output(-1, 1).clamp(false)
                        .rateLimit(5).build())),
                LAYOUT, new RecordingLogger());
        float[] values = new float[LAYOUT.slotCount()];
        LAYOUT.copyDefaultsInto(values);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long nanos = drive(conditioner, values, 0, CALLS * 3); // warm-up: first logs, JIT
        long before = threads.getCurrentThreadAllocatedBytes();
        drive(conditioner, values, nanos, CALLS);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        System.out.printf("conditioner: %d bytes over %d calls%n", allocated, CALLS);
        assertTrue(conditioner.stats().applied() > CALLS, "applied " + conditioner.stats().applied());
        assertTrue(conditioner.stats().notANumber() > 0 && conditioner.stats().unknownChannels() > 0);
        assertTrue(allocated <= SLACK_BYTES, allocated + " bytes allocated for " + CALLS + " calls");
    }

    /** {@code calls} calls from time {@code nanos} on, every path included; returns the time reached. */
    private static long drive(BindingConditioner conditioner, float[] values, long nanos, int calls) {
        for (int i = 0; i < calls; i++) {
            int step = i % 1000;
            if (step >= 900) {
                nanos += 10 * MS; // a second of frames with nobody sending: the idle eases run
                conditioner.advanceTo(nanos, values);
            } else if (i % 4 == 0) {
                nanos += 16 * MS;
                conditioner.advanceTo(nanos, values);
            } else {
                nanos += 1 + (i % 7) * MS;
                float raw = switch (i % 97) {
                    case 0 -> Float.NaN;
                    case 1 -> Float.POSITIVE_INFINITY;
                    default -> (i * 31 % 128) / 127f;
                };
                conditioner.onValue(i % 53 == 0 ? 3 : i % 3, raw, nanos, values);
            }
        }
        return nanos;
    }
}
