package org.vernissage.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OscTimeTagTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long WALL = Instant.parse("2025-06-01T12:00:00Z").getEpochSecond() * SECOND;

    @Test
    void ntpTimeTagsReadAsUnixTimeIncludingTheFraction() {
        // 2025-06-01T12:00:00Z is NTP second 3_957_768_000; 0x80000000 is half a second.
        long tag = (3_957_768_000L << 32) | 0x8000_0000L;
        assertEquals(WALL + SECOND / 2, OscTimeTag.epochNanos(tag));
        assertEquals(0L, OscTimeTag.epochNanos(2_208_988_800L << 32), "1970-01-01 is NTP 2208988800");
        assertEquals(SECOND - 1, OscTimeTag.epochNanos((2_208_988_800L << 32) | 0xFFFF_FFFFL),
                "the largest fraction stays below one second");
    }

    @Test
    void afterTheNtpRolloverIn2036TagsReadAsTheNextEra() {
        long rollover = Instant.parse("2036-02-07T06:28:16Z").getEpochSecond() * SECOND;
        assertEquals(rollover, OscTimeTag.epochNanos(0L), "NTP second 0 of era 1");
        assertEquals(rollover - SECOND, OscTimeTag.epochNanos(0xFFFF_FFFFL << 32), "the last second of era 0");
        long later = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond() * SECOND;
        assertEquals(later, OscTimeTag.epochNanos(OscTimeTag.timeTag(later)));
    }

    @Test
    void timeTagIsTheExactInverseToTheNanosecond() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long nanos = WALL + random.nextLong(-100L * 365 * 86_400 * SECOND / 10, 100L * 365 * 86_400 * SECOND / 10);
            assertEquals(nanos, OscTimeTag.epochNanos(OscTimeTag.timeTag(nanos)));
        }
    }

    @Test
    void theSystemWallClockReadsTheMachinesTimeWithoutDrifting() {
        WallClock clock = WallClock.system();
        long previous = clock.epochNanos();
        for (int i = 0; i < 10_000; i++) {
            long before = System.currentTimeMillis();
            long reading = clock.epochNanos();
            long after = System.currentTimeMillis();
            // Within the millisecond readings around it, give or take the documented drift.
            long slack = SystemWallClock.MAX_DRIFT_MILLIS + 1;
            assertTrue(reading >= (before - slack) * 1_000_000L && reading <= (after + slack) * 1_000_000L,
                    reading + " outside [" + before + ", " + after + "] ms");
            assertTrue(reading >= previous - slack * 1_000_000L, "no jump backwards beyond the drift");
            previous = reading;
        }
    }
}
