package org.vernissage.engine.artwork;

/**
 * What an artwork knows about the frame being made: its number, its time on the engine clock
 * (seconds since the run started, a 64-bit double: exact to the nanosecond for centuries), the
 * time its shaders see ({@link #shaderTimeSeconds()}, wrapped at the artwork's time period so
 * that a 32-bit float stays smooth for months) and the size of the canvas it is drawn into (which
 * a resize posted to the render loop may change between two frames).
 *
 * <p>One instance per render loop, reused every frame: written by the render loop before
 * {@code update}, read by the artwork on the render thread only. Do not keep it across frames.
 */
public final class FrameInfo {

    /**
     * The period {@code TIME} wraps at when the artwork declares none: one hour. Below it a float
     * moves in steps of at most 0.25 ms, and every loop whose length divides an hour (1, 2, 3, 4,
     * 5, 6, 10, 12, 15, 20, 30 s, a minute, ...) wraps seamlessly.
     */
    public static final double DEFAULT_SHADER_TIME_PERIOD_SECONDS = 3600.0;

    /**
     * The longest period an artwork may declare: below 2^14 s a float's step is under 1 ms
     * (2^-10 s), so frame-to-frame {@code TIME} steps stay within 1 ms of the true interval.
     */
    public static final double MAX_SHADER_TIME_PERIOD_SECONDS = 16384.0;

    /** The shortest period an artwork may declare (a millisecond). */
    public static final double MIN_SHADER_TIME_PERIOD_SECONDS = 0.001;

    private long index;
    private double timeSeconds;
    private double deltaSeconds;
    private int width;
    private int height;
    private double shaderTimePeriodSeconds = DEFAULT_SHADER_TIME_PERIOD_SECONDS;
    private long latchedNanos;

    /**
     * Render loop only, before the first frame: the period {@link #shaderTimeSeconds()} wraps at
     * (the artwork's declared {@code timePeriod}).
     *
     * @throws IllegalArgumentException when outside
     *     [{@link #MIN_SHADER_TIME_PERIOD_SECONDS}, {@link #MAX_SHADER_TIME_PERIOD_SECONDS}]
     */
    public void shaderTimePeriod(double seconds) {
        this.shaderTimePeriodSeconds = requireShaderTimePeriod(seconds);
    }

    /**
     * Returns {@code seconds} when it is a period {@link #shaderTimePeriod} accepts. Any thread.
     *
     * @throws IllegalArgumentException naming the range, when it is not
     */
    public static double requireShaderTimePeriod(double seconds) {
        if (!(seconds >= MIN_SHADER_TIME_PERIOD_SECONDS && seconds <= MAX_SHADER_TIME_PERIOD_SECONDS)) {
            throw new IllegalArgumentException("a shader time period is " + MIN_SHADER_TIME_PERIOD_SECONDS
                    + " to " + MAX_SHADER_TIME_PERIOD_SECONDS + " s, got " + seconds);
        }
        return seconds;
    }

    /** The period {@link #shaderTimeSeconds()} wraps at. */
    public double shaderTimePeriodSeconds() {
        return shaderTimePeriodSeconds;
    }

    /** Render loop only: stamps the frame about to be made. */
    public void set(long index, double timeSeconds, double deltaSeconds, int width, int height) {
        this.index = index;
        this.timeSeconds = timeSeconds;
        this.deltaSeconds = deltaSeconds;
        this.width = width;
        this.height = height;
    }

    /** 0 for the first frame of a run. */
    public long index() {
        return index;
    }

    public double timeSeconds() {
        return timeSeconds;
    }

    /**
     * The time a shader's {@code TIME} uniform gets: the show time wrapped at the artwork's period
     * ({@link #shaderTimePeriodSeconds()}), i.e. {@code timeSeconds mod period}, computed in 64
     * bits and only then rounded to a float. The wrap falls at whole multiples of the period
     * counted from the run's start, so a shader that loops in the period (or in a divisor of it)
     * never shows it; the float stays below the period, so its steps never exceed 1 ms however
     * long the run (a bare float of the show time moves in 8 ms steps after a day, 125 ms after
     * two weeks). {@link #deltaSeconds()} is unaffected by the wrap.
     */
    public float shaderTimeSeconds() {
        double period = shaderTimePeriodSeconds;
        double wrapped = timeSeconds - period * Math.floor(timeSeconds / period);
        // floor's rounding can leave exactly one period (or a hair below 0): fold it back.
        if (wrapped >= period || wrapped < 0) {
            wrapped = 0;
        }
        return (float) wrapped;
    }

    /**
     * Render loop only: the moment ({@link System#nanoTime()}) this frame's parameter snapshot was
     * latched. Not show time: a replayed or stepped run latches on the machine's clock as well.
     */
    public void latchedAt(long nanos) {
        this.latchedNanos = nanos;
    }

    /**
     * When this frame took its parameters ({@link System#nanoTime()}): a change the conductor
     * published before this moment is in the frame, one published after waits for the next. For
     * latency probes (a frame listener): {@code now - latchedNanos()} is the frame's own time from
     * its latch to the listener. 0 where no render loop set it (a test drawing frames by hand).
     */
    public long latchedNanos() {
        return latchedNanos;
    }

    /** Time since the previous frame (0 for the first). */
    public double deltaSeconds() {
        return deltaSeconds;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
