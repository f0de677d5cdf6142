package org.vernissage.bench.frametime;

import org.HdrHistogram.Histogram;

/**
 * Frame times measured one way for both loops under test: the interval between the ends of two
 * consecutive frames (each end being just after {@code glFinish}), so everything a loop does per
 * frame counts, whatever it is. The first {@code skip} frames of a run are not recorded (llvmpipe
 * compiles a shader variant at its first draws, and the JIT warms up).
 *
 * <p>One thread only (the render thread of the run); owned by the benchmark, which reads the
 * histogram after the run.
 */
final class FrameIntervals {

    private static final long MAX_NANOS = 60_000_000_000L;

    private final Histogram histogram = new Histogram(MAX_NANOS, 3);
    private final Histogram round = new Histogram(MAX_NANOS, 3);
    private int skip;
    private long previousEnd;

    /** Starts a new run: the next frame's end is a start, not an interval. */
    void startRun(int skipFrames) {
        this.skip = skipFrames;
        this.previousEnd = 0;
        round.reset();
    }

    /** Just after a frame's {@code glFinish}. */
    void frameEnded() {
        long now = System.nanoTime();
        if (previousEnd != 0 && skip <= 0) {
            long interval = Math.min(now - previousEnd, MAX_NANOS);
            histogram.recordValue(interval);
            round.recordValue(interval);
        }
        if (previousEnd != 0) {
            skip--;
        }
        previousEnd = now;
    }

    /** Every recorded frame of every run. */
    Histogram histogram() {
        return histogram;
    }

    /** The frames of the current (or last) run only. */
    Histogram round() {
        return round;
    }
}
