package org.vernissage.showcontrol.cue;

/**
 * A nanosecond count carried exactly in two floats, where the only room is float arguments (a
 * {@code CONSOLE_COMMAND}'s, the persistence snapshot's): {@code nanos = high * 2^24 + low}, each
 * part a whole number a float holds exactly (|high| < 2^24, 0 <= low < 2^24), so any time up to
 * about 78 hours either way survives the trip bit for bit. One float of seconds would lose up to
 * a few hundred nanoseconds, and a resumed fade would no longer be on the frames of the
 * uninterrupted one.
 *
 * <p>Stateless; any thread.
 */
public final class NanosAsFloats {

    private static final int BITS = 24;
    private static final long LOW_MASK = (1L << BITS) - 1;
    /** The largest magnitude carried exactly (2^48 - 1 ns, about 78 hours). */
    public static final long LIMIT = (1L << (2 * BITS)) - 1;

    private NanosAsFloats() {
    }

    /** The high part of {@code nanos} (clamped to +-{@link #LIMIT}). */
    public static float high(long nanos) {
        return (float) (clamp(nanos) >> BITS);
    }

    /** The low part of {@code nanos} (clamped to +-{@link #LIMIT}). */
    public static float low(long nanos) {
        return (float) (clamp(nanos) & LOW_MASK);
    }

    /** The count {@link #high} and {@link #low} made. */
    public static long join(float high, float low) {
        return ((long) high << BITS) + (long) low;
    }

    private static long clamp(long nanos) {
        return Math.max(-LIMIT, Math.min(LIMIT, nanos));
    }
}
