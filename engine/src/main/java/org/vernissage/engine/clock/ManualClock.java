package org.vernissage.engine.clock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to: tests and offline renders advance it by exact steps, so
 * frame N always sees the same time.
 *
 * <p>Any thread may read it; the thread that drives time (usually the render thread through a
 * {@code SteppedPacer}, or a test) advances it.
 */
public final class ManualClock implements Clock {

    private final AtomicLong now;

    public ManualClock(long startNanos) {
        this.now = new AtomicLong(startNanos);
    }

    @Override
    public long nanos() {
        return now.get();
    }

    /** Moves time forward by {@code deltaNanos} (which must not be negative). */
    public void advance(long deltaNanos) {
        if (deltaNanos < 0) {
            throw new IllegalArgumentException("time cannot go backwards: " + deltaNanos + " ns");
        }
        now.addAndGet(deltaNanos);
    }
}
