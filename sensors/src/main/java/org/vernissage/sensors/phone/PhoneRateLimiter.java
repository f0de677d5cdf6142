package org.vernissage.sensors.phone;

/**
 * A token bucket for one phone's messages, kept as one number (the generic cell rate algorithm):
 * the time at which the bucket would be full again. A message is allowed when it would not push
 * that time more than {@code burst} intervals ahead of now. Integer nanoseconds, no allocation,
 * driven by the injected engine clock so tests can step it.
 *
 * <p>Confined to the phones' event loop thread; owned by its {@link PhoneParticipant}.
 */
final class PhoneRateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long intervalNanos;
    private final long toleranceNanos;
    private long theoreticalArrivalNanos;

    /**
     * @param perSecond the sustained rate
     * @param burst how many messages may arrive at once after a quiet spell (at least 1)
     */
    PhoneRateLimiter(int perSecond, int burst, long nowNanos) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.intervalNanos = NANOS_PER_SECOND / perSecond;
        this.toleranceNanos = (burst - 1) * intervalNanos;
        this.theoreticalArrivalNanos = nowNanos;
    }

    /** Whether a message arriving at {@code nowNanos} is within the rate (and takes its token). */
    boolean tryAcquire(long nowNanos) {
        long arrival = Math.max(theoreticalArrivalNanos, nowNanos);
        if (arrival - nowNanos > toleranceNanos) {
            return false;
        }
        theoreticalArrivalNanos = arrival + intervalNanos;
        return true;
    }
}
