package org.vernissage.sensors.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.IdleSpec;

/** Step 7: after the silence, a smoothstep ease from where the output was to the idle value. */
class IdleEaseTest {

    private static final long MS = 1_000_000L;
    private static final long LAST = 77_000 * MS;

    private final IdleEase idle = new IdleEase(new IdleSpec(2, 0.2f, 1), 0.2);

    @Test
    void isDueOnlyOnceTheSilenceHasLastedAfterSeconds() {
        assertFalse(idle.due(LAST, LAST + 2_000 * MS - 1));
        assertTrue(idle.due(LAST, LAST + 2_000 * MS));
        assertEquals(LAST + 2_000 * MS, idle.startAfter(LAST));
    }

    @Test
    void easesAlongASmoothstep() {
        long start = idle.startAfter(LAST);
        idle.begin(0.8, start);
        assertEquals(0.8, idle.valueAt(start));
        assertEquals(0.8 + (0.2 - 0.8) * CurveShaper.smoothstep(0.25), idle.valueAt(start + 250 * MS), 1e-15);
        assertEquals(0.70625, idle.valueAt(start + 250 * MS), 1e-12, "smoothstep(0.25) = 0.15625");
        assertEquals(0.5, idle.valueAt(start + 500 * MS), 1e-15, "midpoint: smoothstep(0.5) = 0.5");
        assertEquals(0.2, idle.valueAt(start + 1_000 * MS), 0.0, "exactly the idle value at the end");
        assertEquals(0.2, idle.valueAt(start + 99_000 * MS), 0.0);
    }

    @Test
    void isMonotonicFromItsStartToTheIdleValue() {
        long start = idle.startAfter(LAST);
        idle.begin(0.8, start);
        double previous = 0.8;
        for (int ms = 0; ms <= 1000; ms += 5) {
            double v = idle.valueAt(start + ms * MS);
            assertTrue(v <= previous && v >= 0.2, ms + " ms: " + v);
            previous = v;
        }
    }

    @Test
    void anEaseOfZeroJumps() {
        IdleEase jump = new IdleEase(new IdleSpec(1, 5, 0), 0.5);
        jump.begin(0.9, LAST);
        assertEquals(0.5, jump.valueAt(LAST));
        assertEquals(0.5, jump.target());
    }

    @Test
    void beforeItsStartTheEaseHoldsItsStartingValue() {
        idle.begin(0.8, LAST);
        assertEquals(0.8, idle.valueAt(LAST - 10 * MS));
    }
}
