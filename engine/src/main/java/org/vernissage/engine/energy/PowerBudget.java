package org.vernissage.engine.energy;

import java.util.concurrent.locks.LockSupport;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.render.FramePacer;

/**
 * {@code --power-budget WATTS}: lowers the frame rate while the meter's watts are over the budget
 * and raises it back, up to the run's own rate, once they are well under. The meter's sampler
 * calls {@link #adjust} after each sample; the render loop's pacer ({@link #pace}) waits, before
 * each frame, until the budget's frame period has passed since the last frame started. A frame
 * period of zero (no lowering) costs one volatile read per frame.
 *
 * <p>{@link #adjust} is called by the sampler thread, the pacer by the render thread,
 * {@link #describe} by any. Owned by the run's energy part.
 */
public final class PowerBudget {

    /** The draw is judged over at least this long: a CPU-time estimate is coarse (10 ms ticks) over short spans. */
    public static final double WINDOW_SECONDS = 1.0;

    /** Never slower than this: the piece keeps moving, if slowly. */
    public static final double MIN_FRAMES_PER_SECOND = 1.0;

    private final double watts;
    private final double fullFramesPerSecond;
    private volatile double framesPerSecond;
    private volatile double lastWatts;
    private volatile EnergyKind lastKind = EnergyKind.NOT_MEASURED;
    private volatile long lowerings;
    private double windowStartJoules = Double.NaN; // sampler thread only
    private double windowStartSeconds;

    /**
     * @param watts the budget
     * @param fullFramesPerSecond the run's own rate ({@code --fps}); 0 (as fast as possible) is taken as 60
     */
    public PowerBudget(double watts, double fullFramesPerSecond) {
        if (!(watts > 0) || Double.isInfinite(watts)) {
            throw new IllegalArgumentException("--power-budget must be a positive number of watts, not " + watts);
        }
        this.watts = watts;
        this.fullFramesPerSecond = fullFramesPerSecond > 0 ? fullFramesPerSecond : 60;
        this.framesPerSecond = this.fullFramesPerSecond;
    }

    /**
     * Sampler thread: once a window of {@link #WINDOW_SECONDS} has passed, the watts drawn over it
     * are judged: over the budget, scale the frame rate down in proportion (the draw is taken
     * to follow the frame rate); under 80 % of it, raise the rate a tenth towards the run's own.
     */
    public void adjust(EnergyMeter.Reading reading) {
        if (Double.isNaN(windowStartJoules)) {
            windowStartJoules = reading.joules();
            windowStartSeconds = reading.seconds();
            return;
        }
        double span = reading.seconds() - windowStartSeconds;
        if (span < WINDOW_SECONDS) {
            return;
        }
        double drawn = (reading.joules() - windowStartJoules) / span;
        windowStartJoules = reading.joules();
        windowStartSeconds = reading.seconds();
        lastWatts = drawn;
        lastKind = reading.kind();
        double rate = framesPerSecond;
        if (drawn > watts) {
            double lowered = Math.max(MIN_FRAMES_PER_SECOND, rate * watts / drawn);
            if (lowered < rate) {
                lowerings++;
            }
            rate = lowered;
        } else if (drawn < 0.8 * watts && rate < fullFramesPerSecond) {
            rate = Math.min(fullFramesPerSecond, rate * 1.1);
        }
        framesPerSecond = rate;
    }

    /** The frame rate the budget allows now. */
    public double framesPerSecond() {
        return framesPerSecond;
    }

    /** Whether the budget holds the rate under the run's own. */
    public boolean lowered() {
        return framesPerSecond < fullFramesPerSecond;
    }

    /** Times the rate was lowered. */
    public long lowerings() {
        return lowerings;
    }

    /** One statistics line. */
    public String describe() {
        return String.format("power budget %.3g W (%s %.3g W): %s", watts, lastKind.label(), lastWatts,
                lowered() ? String.format("frame rate lowered to %.1f fps (of %.0f), %d times", framesPerSecond,
                        fullFramesPerSecond, lowerings) : String.format("full frame rate %.0f fps", fullFramesPerSecond));
    }

    /** The render loop's pacer: {@code inner}, held back to the budget's frame rate. */
    public FramePacer pace(FramePacer inner, Clock clock) {
        return new Paced(inner, clock);
    }

    /** Render thread only. */
    private final class Paced implements FramePacer {
        private final FramePacer inner;
        private final Clock clock;
        private long lastStart = Long.MIN_VALUE;

        Paced(FramePacer inner, Clock clock) {
            this.inner = inner;
            this.clock = clock;
        }

        @Override
        public long awaitFrame(long frameIndex) {
            double rate = framesPerSecond;
            if (rate >= fullFramesPerSecond) {
                lastStart = Long.MIN_VALUE; // not held back: the frame costs this one volatile read, no clock read
                return inner.awaitFrame(frameIndex);
            }
            if (lastStart != Long.MIN_VALUE) {
                long due = lastStart + (long) (1e9 / rate);
                long remaining;
                while ((remaining = due - clock.nanos()) > 0) {
                    LockSupport.parkNanos(remaining);
                }
                inner.resume(); // the wait was on purpose: not dropped frames
            }
            long start = inner.awaitFrame(frameIndex);
            lastStart = clock.nanos();
            return start;
        }

        @Override
        public long nextFrameNanos() {
            return inner.nextFrameNanos();
        }

        @Override
        public long droppedFrames() {
            return inner.droppedFrames();
        }

        @Override
        public void resume() {
            inner.resume();
        }
    }
}
