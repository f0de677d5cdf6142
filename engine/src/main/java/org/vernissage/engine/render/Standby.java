package org.vernissage.engine.render;

/**
 * Whether the work is showing, and how brightly: the venue's opening hours as the render thread
 * sees them. Open, it draws at full level; told to close, it fades the frame to black over the
 * given time and then rests in standby (a black frame every three seconds, the artwork not drawn:
 * next to no power); told to open, it draws again and fades in.
 *
 * <pre>
 *   OPEN --close(fade)--> CLOSING --level reaches 0--> STANDBY --open(fade)--> OPENING --level 1--> OPEN
 * </pre>
 *
 * A change asked for between two frames starts at the next frame's time, so fades move with show
 * time like everything else the render thread draws.
 *
 * <p>Owned by the render loop; {@link #close}, {@link #open} and {@link #level} on the render thread
 * only (other threads ask through the {@link RenderMailbox}, see {@link RenderControl#standby()}).
 * {@link #state()} may be read by any thread (the statistics line).
 */
public final class Standby {

    /**
     * How long the render thread rests between two frames in standby. Each standby frame costs a
     * few milliseconds of CPU on a slow machine (its code runs too seldom to be compiled, and it
     * wakes the conductor with its frame mark), so few of them: anything posted to the render
     * thread's mailbox, an opening first, ends the rest at once.
     */
    public static final long REST_NANOS = 3_000_000_000L;

    /** What the work is doing. */
    public enum State { OPEN, CLOSING, STANDBY, OPENING }

    private final long restNanos;
    private volatile State state = State.OPEN;
    private float fromLevel = 1f;
    private float toLevel = 1f;
    private long rampStartNanos;
    private long rampNanos;
    private boolean pending;
    private float pendingLevel;
    private long pendingFadeNanos;

    /** Open, resting {@link #REST_NANOS} between frames once in standby. */
    public Standby() {
        this(REST_NANOS);
    }

    /** Open, resting {@code restNanos} between frames once in standby (a test rests less). */
    public Standby(long restNanos) {
        if (restNanos < 0) {
            throw new IllegalArgumentException("a rest lasts 0 ns or more, got " + restNanos);
        }
        this.restNanos = restNanos;
    }

    /** How long the render thread rests between two frames in standby. */
    public long restNanos() {
        return restNanos;
    }

    /** Render thread: fade out over {@code fadeNanos} (0: at once), then stand by. */
    public void close(long fadeNanos) {
        ask(0f, fadeNanos);
        if (state != State.STANDBY) {
            state = State.CLOSING;
        }
    }

    /** Render thread: draw again and fade in over {@code fadeNanos} (0: at once). */
    public void open(long fadeNanos) {
        ask(1f, fadeNanos);
        if (state != State.OPEN) {
            state = State.OPENING;
        }
    }

    private void ask(float target, long fadeNanos) {
        if (fadeNanos < 0) {
            throw new IllegalArgumentException("a fade lasts 0 ns or more, got " + fadeNanos);
        }
        pendingLevel = target;
        pending = true;
        pendingFadeNanos = fadeNanos;
    }

    /**
     * Render thread, once per frame: the level to draw this frame at (1 full, 0 black), moving
     * the state on when a fade ends.
     */
    public float level(long frameNanos) {
        if (pending) {
            fromLevel = currentLevel(frameNanos); // a fade reversed half-way starts where it was
            toLevel = pendingLevel;
            rampStartNanos = frameNanos;
            rampNanos = pendingFadeNanos;
            pending = false;
        }
        float level = currentLevel(frameNanos);
        if (level == toLevel) {
            fromLevel = toLevel;
            state = toLevel == 0f ? State.STANDBY : State.OPEN;
        }
        return level;
    }

    private float currentLevel(long frameNanos) {
        if (rampNanos == 0 || frameNanos - rampStartNanos >= rampNanos) {
            return toLevel;
        }
        float t = (float) (frameNanos - rampStartNanos) / rampNanos;
        return fromLevel + (toLevel - fromLevel) * Math.max(0f, t);
    }

    /** Whether the render thread may rest before the next frame: standing by with nothing pending. */
    public boolean resting() {
        return state == State.STANDBY && !pending;
    }

    /** What the work is doing now. Any thread. */
    public State state() {
        return state;
    }
}
