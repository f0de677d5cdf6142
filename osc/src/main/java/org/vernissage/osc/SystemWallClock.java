package org.vernissage.osc;

import java.time.Instant;

/**
 * The machine's calendar clock, read without allocating: {@link Instant#now()} (nanosecond
 * resolution, but an object per reading) is taken once as a base, and later readings add the
 * monotonic {@link System#nanoTime()} elapsed since. Each reading is checked against
 * {@link System#currentTimeMillis()} (allocation-free, millisecond resolution); when the two part
 * by more than {@link #MAX_DRIFT_MILLIS} (the clock was stepped, say by NTP after a cold start, or
 * slewed away from the monotonic clock over a long time) the base is taken again, which allocates
 * one {@link Instant}: rare, never per message.
 *
 * <p>Confined to one thread (the receiving thread of the router that owns it).
 */
final class SystemWallClock implements WallClock {

    /** Both readings truncate to the millisecond, so a difference of 1 ms is normal. */
    static final long MAX_DRIFT_MILLIS = 2;

    private long baseEpochNanos;
    private long baseNanoTime;

    SystemWallClock() {
        rebase();
    }

    @Override
    public long epochNanos() {
        long estimate = baseEpochNanos + (System.nanoTime() - baseNanoTime);
        long drift = Math.floorDiv(estimate, 1_000_000L) - System.currentTimeMillis();
        if (drift > MAX_DRIFT_MILLIS || drift < -MAX_DRIFT_MILLIS) {
            rebase();
            return baseEpochNanos;
        }
        return estimate;
    }

    private void rebase() {
        Instant now = Instant.now();
        baseNanoTime = System.nanoTime();
        baseEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
