package org.vernissage.sensors.osc;

import java.time.Duration;
import java.util.Objects;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscTimeTag;
import org.vernissage.osc.WallClock;

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
 * <p>Tags are read by {@link OscTimeTag#epochNanos} (the wire format's rules, the 2036 NTP
 * rollover included); time tag 0, which some senders use for "now", thus reads as far ahead and
 * applies immediately.
 *
 * <p>Confined to the receiving thread of the router that owns it.
 */
public final class OscTimeTags {

    /** How far ahead a bundle may be scheduled before its tag is distrusted. */
    public static final Duration DEFAULT_MAX_AHEAD = Duration.ofSeconds(10);

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
        lastAheadNanos = OscTimeTag.epochNanos(timeTag) - wallNow;
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
}
