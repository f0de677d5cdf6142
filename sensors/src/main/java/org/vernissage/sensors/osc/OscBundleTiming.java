package org.vernissage.sensors.osc;

/**
 * When a bundle's time tag said its messages should apply, compared with when it arrived. The
 * counts per timing tell the operator whether senders schedule ahead at all, arrive too late for
 * their own schedule (network or sender latency), or have a clock far off ours.
 *
 * <p>Immutable; used by the receiving thread and read by whoever reports statistics.
 */
public enum OscBundleTiming {
    /** Time tag 1: apply on arrival. */
    IMMEDIATE,
    /** A time tag ahead of now (within the limit): the conductor holds its values until then. */
    SCHEDULED,
    /** A time tag at or before now: applied on arrival, late. */
    LATE,
    /**
     * A time tag further ahead than {@link OscTimeTags}' limit: most likely the sender's clock is
     * wrong, so the values apply on arrival instead of being held for that long.
     */
    TOO_FAR_AHEAD
}
