package org.vernissage.bench.frametime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.HdrHistogram.Histogram;

/**
 * Frame times measured one way for both loops under test: the interval between the ends of two
 * consecutive frames (each end being just after {@code glFinish}), so everything a loop does per
 * frame counts, whatever it is. The first {@code skip} frames of a run are not recorded (llvmpipe
 * compiles a shader variant at its first draws, and the JIT warms up).
 *
 * <p>Two clocks: the wall clock ({@code System.nanoTime}), what a visitor sees; or the render
 * thread's CPU time, which leaves out the time other processes take the core away: with
 * {@code LP_NUM_THREADS=0} llvmpipe rasterises on the calling thread, so the CPU time is all the
 * frame's work, and a p99 on a shared machine measures the loops rather than the neighbours.
 *
 * <p>One thread only (the render thread of the run); owned by the benchmark, which reads the
 * histogram after the run.
 */
final class FrameIntervals {

    private static final long MAX_NANOS = 60_000_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final boolean cpuClock;
    private final Histogram histogram = new Histogram(MAX_NANOS, 3);
    private final Histogram round = new Histogram(MAX_NANOS, 3);
    private int skip;
    private long previousEnd;

    /** @param cpuClock the render thread's CPU time instead of the wall clock */
    FrameIntervals(boolean cpuClock) {
        this.cpuClock = cpuClock;
    }

    /** Starts a new run: the next frame's end is a start, not an interval. */
    void startRun(int skipFrames) {
        this.skip = skipFrames;
        this.previousEnd = 0;
        round.reset();
    }

    /** Just after a frame's {@code glFinish}. */
    void frameEnded() {
        long now = cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
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
