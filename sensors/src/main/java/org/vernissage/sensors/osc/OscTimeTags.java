package org.vernissage.sensors.osc;

import java.time.Duration;
import java.util.Objects;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputBatch;

/**
 * Maps OSC bundle time tags (absolute NTP times, written by the sender's calendar clock) onto the
 * engine's monotonic {@link Clock}, as the due time the conductor holds a value until:
 * <pre>
 *   due = engineNow + (tagAsEpochNanos - wallNow)
 * </pre>
 * where {@code engineNow} and {@code wallNow} are read together, once per packet (the first time
 * one of its bundles needs them), so every bundle of a packet is mapped with the same offset.
 *
 * <p>Time tag 1 means "immediately" ({@link InputBatch#IMMEDIATELY}). A tag at or before now is
 * late: due immediately. A tag further ahead than {@code maxAhead} is due immediately too: an
 * unattended installation must not hold a fader for an hour because a sender's clock is wrong.
 * {@link #lastTiming()} says which case the last tag was, for the statistics.
 *
 * <p>NTP seconds roll over in February 2036: a tag whose top bit is clear is read as the era
 * that starts then (RFC 4330's rule), so tags keep working after it. Time tag 0, which some
 * senders use for "now", thus reads as far ahead and applies immediately.
 *
 * <p>Confined to the receiving thread of the router that owns it.
 */
public final class OscTimeTags {

    /** How far ahead a bundle may be scheduled before its tag is distrusted. */
    public static final Duration DEFAULT_MAX_AHEAD = Duration.ofSeconds(10);

    /** Seconds from 1900-01-01 (NTP's epoch) to 1970-01-01 (the Unix epoch). */
    static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long ERA_SECONDS = 1L << 32;

    private final Clock engineClock;
    private final WallClock wallClock;
    private final long maxAheadNanos;

    private boolean sampled;
    private long engineNow;
    private long wallNow;
    private OscBundleTiming lastTiming = OscBundleTiming.IMMEDIATE;
    private long lastAheadNanos;

    /** Tags read against the machine's clock, at most {@link #DEFAULT_MAX_AHEAD} ahead. */
    public OscTimeTags(Clock engineClock) {
        this(engineClock, WallClock.system(), DEFAULT_MAX_AHEAD);
    }

    public OscTimeTags(Clock engineClock, WallClock wallClock, Duration maxAhead) {
        this.engineClock = Objects.requireNonNull(engineClock, "engineClock");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        if (maxAhead.isNegative()) {
            throw new IllegalArgumentException("maxAhead must not be negative: " + maxAhead);
        }
        this.maxAheadNanos = maxAhead.toNanos();
    }

    /** A new packet begins: its first tag reads the clocks afresh. */
    public void startPacket() {
        sampled = false;
    }

    /**
     * The engine time at which a bundle tagged {@code timeTag} is due, or
     * {@link InputBatch#IMMEDIATELY}; {@link #lastTiming()} then says why.
     */
    public long dueNanos(long timeTag) {
        if (timeTag == OscPacketReader.IMMEDIATELY) {
            lastAheadNanos = 0;
            lastTiming = OscBundleTiming.IMMEDIATE;
            return InputBatch.IMMEDIATELY;
        }
        if (!sampled) {
            engineNow = engineClock.nanos();
            wallNow = wallClock.epochNanos();
            sampled = true;
        }
        lastAheadNanos = epochNanos(timeTag) - wallNow;
        if (lastAheadNanos <= 0) {
            lastTiming = OscBundleTiming.LATE;
            return InputBatch.IMMEDIATELY;
        }
        if (lastAheadNanos > maxAheadNanos) {
            lastTiming = OscBundleTiming.TOO_FAR_AHEAD;
            return InputBatch.IMMEDIATELY;
        }
        lastTiming = OscBundleTiming.SCHEDULED;
        return engineNow + lastAheadNanos;
    }

    /** How far ahead a tag may be before it is distrusted and applied on arrival. */
    public long maxAheadNanos() {
        return maxAheadNanos;
    }

    /** How the last {@link #dueNanos} call's tag compared with now. */
    public OscBundleTiming lastTiming() {
        return lastTiming;
    }

    /** How far ahead of now (negative: behind) the last tag was, in nanoseconds; 0 for IMMEDIATE. */
    public long lastAheadNanos() {
        return lastAheadNanos;
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
     * {@link #epochNanos} gives it back exactly); for tests and senders.
     */
    public static long timeTag(long epochNanos) {
        long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        long nanos = Math.floorMod(epochNanos, NANOS_PER_SECOND);
        long fraction = ((nanos << 32) + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
        long ntpSeconds = (seconds + NTP_TO_UNIX_SECONDS) & 0xFFFF_FFFFL;
        return (ntpSeconds << 32) | fraction;
    }
}
