package org.vernissage.sensors.phone;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhoneRateLimiterTest {

    private static final long MS = 1_000_000L;

    @Test
    void allowsABurstThenTheSustainedRate() {
        long now = 5_000 * MS;
        PhoneRateLimiter limiter = new PhoneRateLimiter(10, 3, now);
        assertTrue(limiter.tryAcquire(now));
        assertTrue(limiter.tryAcquire(now));
        assertTrue(limiter.tryAcquire(now));
        assertFalse(limiter.tryAcquire(now), "the burst is 3");
        assertFalse(limiter.tryAcquire(now + 99 * MS), "one token every 100 ms");
        assertTrue(limiter.tryAcquire(now + 100 * MS));
        assertFalse(limiter.tryAcquire(now + 100 * MS));
    }

    @Test
    void aQuietSpellRefillsOnlyUpToTheBurst() {
        long now = 0;
        PhoneRateLimiter limiter = new PhoneRateLimiter(10, 2, now);
        now += 60_000 * MS;
        assertTrue(limiter.tryAcquire(now));
        assertTrue(limiter.tryAcquire(now));
        assertFalse(limiter.tryAcquire(now), "a minute of silence does not bank 600 messages");
    }

    @Test
    void refusedMessagesCostNothing() {
        long now = 0;
        PhoneRateLimiter limiter = new PhoneRateLimiter(10, 1, now);
        assertTrue(limiter.tryAcquire(now));
        for (int i = 0; i < 1000; i++) {
            assertFalse(limiter.tryAcquire(now + 50 * MS));
        }
        assertTrue(limiter.tryAcquire(now + 100 * MS), "a flood must not push the next token further away");
    }
}
