package org.vernissage.sensors.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Step 6: the slew limit, on frames and on values. */
class RateLimiterTest {

    private static final long MS = 1_000_000L;
    private static final long T0 = 123_456 * MS;

    @Test
    void aStepFromZeroToOneAtTwoPerSecondArrivesExactlyAfterHalfASecond() {
        RateLimiter limiter = new RateLimiter(2);
        limiter.reset(0, T0);
        limiter.retarget(1, T0);
        assertEquals(0.0, limiter.valueAt(T0));
        for (int k = 1; k < 50; k++) { // 10 ms frames
            double v = limiter.advanceTo(T0 + k * 10 * MS);
            assertTrue(v < 1, "not before 0.5 s: at " + k * 10 + " ms it is " + v);
            assertEquals(2 * k * 0.01, v, 1e-12);
        }
        assertEquals(1.0, limiter.advanceTo(T0 + 500 * MS), 0.0, "exactly 1 at 0.5 s");
        assertEquals(1.0, limiter.advanceTo(T0 + 510 * MS), 0.0, "and it stays there");
        assertEquals(1.0, limiter.advanceTo(T0 + 60_000 * MS), 0.0);
    }

    @Test
    void slewsDownAtTheSameRate() {
        RateLimiter limiter = new RateLimiter(2);
        limiter.reset(1, T0);
        limiter.retarget(0, T0);
        assertEquals(0.5, limiter.advanceTo(T0 + 250 * MS), 1e-15);
        assertEquals(0.0, limiter.advanceTo(T0 + 500 * MS), 0.0);
    }

    @Test
    void thePositionDoesNotDependOnHowOftenFramesCome() {
        RateLimiter everyMs = new RateLimiter(0.7);
        RateLimiter once = new RateLimiter(0.7);
        everyMs.reset(0.1, T0);
        once.reset(0.1, T0);
        everyMs.retarget(0.9, T0);
        once.retarget(0.9, T0);
        for (int ms = 1; ms < 333; ms++) {
            everyMs.advanceTo(T0 + ms * MS);
        }
        assertEquals(once.advanceTo(T0 + 333 * MS), everyMs.advanceTo(T0 + 333 * MS), 0.0);
    }

    @Test
    void aNewTargetMidSlewTurnsAroundFromWhereTheOutputIs() {
        RateLimiter limiter = new RateLimiter(1);
        limiter.reset(0, T0);
        limiter.retarget(1, T0);
        limiter.retarget(0, T0 + 300 * MS); // a value arriving between frames
        assertEquals(0.3, limiter.valueAt(T0 + 300 * MS), 1e-15);
        assertEquals(0.1, limiter.advanceTo(T0 + 500 * MS), 1e-15);
        assertEquals(0.0, limiter.advanceTo(T0 + 600 * MS), 0.0);
    }

    @Test
    void aValueStampedBeforeTheLatestFrameTakesEffectFromThatFrame() {
        RateLimiter limiter = new RateLimiter(1);
        limiter.reset(0, T0);
        limiter.retarget(1, T0);
        assertEquals(0.4, limiter.advanceTo(T0 + 400 * MS), 1e-15); // the frame horizon
        limiter.retarget(0, T0 + 200 * MS); // arrived during that frame
        assertEquals(0.4, limiter.valueAt(T0 + 400 * MS), 1e-15, "no jump back to the 0.2 s position");
        assertEquals(0.3, limiter.advanceTo(T0 + 500 * MS), 1e-15);
        assertEquals(0.3, limiter.advanceTo(T0 + 450 * MS), 1e-15, "the clock never runs backwards");
    }

    @Test
    void aTargetWithinReachIsReachedAtOnceButNotPassed() {
        RateLimiter limiter = new RateLimiter(10);
        limiter.reset(0.5, T0);
        limiter.retarget(0.52, T0);
        assertEquals(0.52, limiter.advanceTo(T0 + 100 * MS), 0.0);
        assertEquals(0.52, limiter.target());
    }

    @Test
    void resetJumps() {
        RateLimiter limiter = new RateLimiter(1);
        limiter.reset(0, T0);
        limiter.retarget(1, T0);
        limiter.reset(0.25, T0 + 100 * MS);
        assertEquals(0.25, limiter.advanceTo(T0 + 900 * MS));
    }

    @Test
    void aRateOfZeroIsNoLimiterAndRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0));
    }
}
