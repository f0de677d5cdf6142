package org.vernissage.sensors.conditioning;

import org.vernissage.engine.binding.IdleSpec;

/**
 * Step 7: what a binding shows when its sensor has gone quiet. {@code afterNanos} after the last
 * value, it eases from where the output was at that moment to the idle value over
 * {@code easeNanos}, along a smoothstep (3p^2 - 2p^3 of the elapsed fraction p), so a still room
 * drifts to its resting look without a jolt. An ease of 0 jumps.
 *
 * <p>Works in normalised output units: the binding converts {@link IdleSpec#value()} (parameter
 * units) with its {@link OutputScale} once, at start-up. Times are whole nanoseconds (the spec's
 * seconds rounded once), so the ease is a pure function of the times it is given.
 *
 * <p>Allocation-free; state owned by one binding, called only on the conductor thread.
 */
final class IdleEase {

    private final long afterNanos;
    private final long easeNanos;
    private final double target;
    private double from;
    private long startNanos;

    /** @param target the idle value in normalised output units */
    IdleEase(IdleSpec spec, double target) {
        this.afterNanos = toNanos(spec.afterSeconds());
        this.easeNanos = toNanos(spec.easeSeconds());
        this.target = target;
    }

    /** Seconds to whole nanoseconds; beyond about 292 years it saturates, which is "never". */
    private static long toNanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    /** Whether the silence since {@code lastValueNanos} has lasted long enough at {@code nanos}. */
    boolean due(long lastValueNanos, long nanos) {
        return nanos - lastValueNanos >= afterNanos;
    }

    /** When the idle period that follows a value at {@code lastValueNanos} begins. */
    long startAfter(long lastValueNanos) {
        return lastValueNanos + afterNanos;
    }

    /** Starts easing at {@code startNanos} from the normalised output {@code from}. */
    void begin(double from, long startNanos) {
        this.from = from;
        this.startNanos = startNanos;
    }

    /** The eased output at {@code nanos}: {@code from} at the start, the idle value once the ease is over. */
    double valueAt(long nanos) {
        long elapsed = nanos - startNanos;
        if (elapsed >= easeNanos) {
            return target;
        }
        if (elapsed <= 0) {
            return from;
        }
        double p = (double) elapsed / easeNanos;
        return from + (target - from) * CurveShaper.smoothstep(p);
    }

    /** The idle value, in normalised output units. */
    double target() {
        return target;
    }
}
