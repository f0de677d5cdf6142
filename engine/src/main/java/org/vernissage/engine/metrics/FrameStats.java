package org.vernissage.engine.metrics;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Frame timing of a run: how many frames, how long each took to make (latch to present), and how
 * many were dropped. Recording is wait-free and allocation-free; reading takes a copy.
 *
 * <p>The render thread records; any thread (the stats printer, the app at exit) reads. Owned by
 * the app's wiring.
 */
public final class FrameStats {

    private static final long MAX_TRACKED_NANOS = 60_000_000_000L;

    private final Recorder frameTimes = new Recorder(MAX_TRACKED_NANOS, 3);
    private final Histogram total = new Histogram(MAX_TRACKED_NANOS, 3);
    private final Histogram interval = new Histogram(MAX_TRACKED_NANOS, 3);
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /** Render thread: one frame took {@code frameNanos}; the pacer has dropped {@code droppedSoFar}. */
    public void recordFrame(long frameNanos, long droppedSoFar) {
        frameTimes.recordValue(Math.min(Math.max(frameNanos, 0), MAX_TRACKED_NANOS));
        frames.lazySet(frames.get() + 1); // one writer: no read-modify-write race
        dropped.lazySet(droppedSoFar);
    }

    public long frames() {
        return frames.get();
    }

    public long droppedFrames() {
        return dropped.get();
    }

    /** A summary since the run started; the reading thread owns the returned copy. */
    public synchronized Summary summary() {
        // Readers are few and slow (once a second at most): a lock keeps total's merge simple.
        frameTimes.getIntervalHistogramInto(interval);
        total.add(interval);
        return new Summary(frames(), droppedFrames(),
                total.getTotalCount() == 0 ? 0 : total.getValueAtPercentile(50),
                total.getTotalCount() == 0 ? 0 : total.getValueAtPercentile(99),
                total.getMaxValue());
    }

    /** Frame counts and frame-time percentiles, in nanoseconds. */
    public record Summary(long frames, long dropped, long p50Nanos, long p99Nanos, long maxNanos) {

        /** One line for the console, e.g. {@code frames 600, frame time p50 4.1 ms p99 9.8 ms ...}. */
        public String describe() {
            return String.format(Locale.ROOT,
                    "frames %d, frame time p50 %.2f ms p99 %.2f ms max %.2f ms, dropped %d",
                    frames, p50Nanos / 1e6, p99Nanos / 1e6, maxNanos / 1e6, dropped);
        }
    }
}
