package org.vernissage.osc;

/**
 * OSC time tags as the wire carries them: 64-bit NTP times (seconds since 1900-01-01 in the high
 * 32 bits, a binary fraction of a second in the low 32), converted to and from nanoseconds since
 * the Unix epoch. {@link #IMMEDIATELY} (1) is the tag that means "on arrival".
 *
 * <p>NTP seconds roll over in February 2036: a tag whose top bit is clear is read as the era that
 * starts then (RFC 4330's rule), so tags keep working after it. Time tag 0, which some senders
 * use for "now", thus reads as far in the future.
 *
 * <p>Stateless; any thread may call it.
 */
public final class OscTimeTag {

    /** The time tag that means "immediately": the receiver applies the bundle on arrival. */
    public static final long IMMEDIATELY = 1L;

    /** Seconds from 1900-01-01 (NTP's epoch) to 1970-01-01 (the Unix epoch). */
    public static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long ERA_SECONDS = 1L << 32;

    private OscTimeTag() {
    }

    /** An NTP time tag as nanoseconds since the Unix epoch (see the class comment on eras). */
    public static long epochNanos(long timeTag) {
        long seconds = timeTag >>> 32;
        if (seconds < (1L << 31)) {
            seconds += ERA_SECONDS; // era 1: from 2036-02-07
        }
        long fraction = timeTag & 0xFFFF_FFFFL;
        return (seconds - NTP_TO_UNIX_SECONDS) * NANOS_PER_SECOND + ((fraction * NANOS_PER_SECOND) >>> 32);
    }

    /**
     * The NTP time tag of {@code epochNanos} (rounded up to the next 2^-32 s, so that
     * {@link #epochNanos} gives it back exactly); for senders (with {@link WallClock}) and tests.
     */
    public static long timeTag(long epochNanos) {
        long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        long nanos = Math.floorMod(epochNanos, NANOS_PER_SECOND);
        long fraction = ((nanos << 32) + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
        long ntpSeconds = (seconds + NTP_TO_UNIX_SECONDS) & 0xFFFF_FFFFL;
        return (ntpSeconds << 32) | fraction;
    }
}
