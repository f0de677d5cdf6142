package org.vernissage.engine.render;

import java.util.concurrent.locks.LockSupport;
import org.vernissage.engine.clock.Clock;

/**
 * Paces frames to a target rate on a real clock. When a frame overruns, the deadlines it missed
 * are counted as dropped frames and the schedule moves on, instead of rushing to catch up (a
 * burst of frames looks worse than a skipped one).
 *
 * <p>Render thread only; owned by the render loop.
 */
public final class RealTimePacer implements FramePacer {

    /** Parking is coarse; spin-yield the last stretch for an even cadence. */
    private static final long SPIN_NANOS = 200_000;

    private final Clock clock;
    private final long periodNanos;
    private long nextDeadline = Long.MIN_VALUE;
    private long dropped;

    /** @param framesPerSecond the target rate; 0 means as fast as possible */
    public RealTimePacer(Clock clock, double framesPerSecond) {
        if (framesPerSecond < 0 || Double.isNaN(framesPerSecond)) {
            throw new IllegalArgumentException("frame rate must be >= 0, got " + framesPerSecond);
        }
        this.clock = clock;
        this.periodNanos = framesPerSecond == 0 ? 0 : Math.round(1e9 / framesPerSecond);
    }

    @Override
    public long awaitFrame(long frameIndex) {
        long now = clock.nanos();
        if (nextDeadline == Long.MIN_VALUE || periodNanos == 0) {
            nextDeadline = now + periodNanos;
            return now;
        }
        if (now - nextDeadline >= periodNanos) {
            long missed = (now - nextDeadline) / periodNanos;
            dropped += missed;
            nextDeadline += missed * periodNanos;
        }
        waitUntil(nextDeadline);
        long start = clock.nanos();
        nextDeadline += periodNanos;
        return start;
    }

    private void waitUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - clock.nanos()) > 0) {
            if (remaining > SPIN_NANOS) {
                LockSupport.parkNanos(remaining - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public void resume() {
        nextDeadline = Long.MIN_VALUE;
    }

    @Override
    public long nextFrameNanos() {
        // Unpaced, the next frame may come at any moment: no time may be taken ahead.
        return periodNanos == 0 ? clock.nanos() : nextDeadline;
    }

    @Override
    public long droppedFrames() {
        return dropped;
    }
}
