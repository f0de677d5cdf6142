package org.vernissage.sensors.conditioning;

/**
 * Step 6: a slew limit. The output moves towards its target at no more than
 * {@code ratePerSecond} normalised units per second, on values and on frames alike, and stops
 * exactly on the target.
 *
 * <p>The position is computed from where the current slew began ({@code anchor} at
 * {@code anchorNanos}), not by adding a step per frame: {@code anchor + rate * elapsed}, capped at
 * the target. So the output does not depend on how often frames come, a slew of 1 at 2 per second
 * lands on the target exactly 0.5 s after it began, and no rounding error builds up over weeks.
 *
 * <p>The limiter's clock only moves forward: a value stamped before the latest time the limiter
 * has seen (an event that arrived before the frame horizon the conductor already moved to) takes
 * effect from that latest time.
 *
 * <p>Allocation-free; state owned by one binding, called only on the conductor thread.
 */
final class RateLimiter {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double ratePerSecond;
    private double anchor;
    private long anchorNanos;
    private double target;
    private long clockNanos;

    /** @param ratePerSecond greater than 0 (a rate of 0 means no limiter at all) */
    RateLimiter(double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be > 0: " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
    }

    /** Jumps to {@code value} at {@code nanos} with nothing left to move: a first value, a take-over. */
    void reset(double value, long nanos) {
        anchor = value;
        target = value;
        anchorNanos = nanos;
        clockNanos = nanos;
    }

    /** From {@code nanos} on (or the limiter's latest time, if later), slews towards {@code newTarget}. */
    void retarget(double newTarget, long nanos) {
        long now = later(nanos);
        anchor = valueAt(now);
        anchorNanos = now;
        clockNanos = now;
        target = newTarget;
    }

    /** Moves the limiter's clock on to {@code nanos} and returns the output there. */
    double advanceTo(long nanos) {
        clockNanos = later(nanos);
        return valueAt(clockNanos);
    }

    /** The output at {@code nanos} (no earlier than the start of the current slew); changes nothing. */
    double valueAt(long nanos) {
        if (anchor == target) {
            return target;
        }
        double elapsed = Math.max(0, nanos - anchorNanos) / NANOS_PER_SECOND;
        double travelled = ratePerSecond * elapsed;
        return anchor < target ? Math.min(target, anchor + travelled) : Math.max(target, anchor - travelled);
    }

    /** The value the limiter is moving towards. */
    double target() {
        return target;
    }

    private long later(long nanos) {
        return nanos - clockNanos > 0 ? nanos : clockNanos;
    }
}
