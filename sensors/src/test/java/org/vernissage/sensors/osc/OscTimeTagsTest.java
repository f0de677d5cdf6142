package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.pipeline.InputBatch;

class OscTimeTagsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long WALL = Instant.parse("2025-06-01T12:00:00Z").getEpochSecond() * SECOND;
    private static final long ENGINE = 42 * SECOND;

    private final ManualClock engine = new ManualClock(ENGINE);
    private long wall = WALL;
    private int wallReadings;
    private final OscTimeTags tags = new OscTimeTags(engine, () -> {
        wallReadings++;
        return wall;
    }, Duration.ofSeconds(10));

    @Test
    void ntpTimeTagsReadAsUnixTimeIncludingTheFraction() {
        // 2025-06-01T12:00:00Z is NTP second 3_957_768_000; 0x80000000 is half a second.
        long tag = (3_957_768_000L << 32) | 0x8000_0000L;
        assertEquals(WALL + SECOND / 2, OscTimeTags.epochNanos(tag));
        assertEquals(0L, OscTimeTags.epochNanos(2_208_988_800L << 32), "1970-01-01 is NTP 2208988800");
        assertEquals(SECOND - 1, OscTimeTags.epochNanos((2_208_988_800L << 32) | 0xFFFF_FFFFL),
                "the largest fraction stays below one second");
    }

    @Test
    void afterTheNtpRolloverIn2036TagsReadAsTheNextEra() {
        long rollover = Instant.parse("2036-02-07T06:28:16Z").getEpochSecond() * SECOND;
        assertEquals(rollover, OscTimeTags.epochNanos(0L), "NTP second 0 of era 1");
        assertEquals(rollover - SECOND, OscTimeTags.epochNanos(0xFFFF_FFFFL << 32), "the last second of era 0");
        long later = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond() * SECOND;
        assertEquals(later, OscTimeTags.epochNanos(OscTimeTags.timeTag(later)));
    }

    @Test
    void timeTagIsTheExactInverseToTheNanosecond() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long nanos = WALL + random.nextLong(-100L * 365 * 86_400 * SECOND / 10, 100L * 365 * 86_400 * SECOND / 10);
            assertEquals(nanos, OscTimeTags.epochNanos(OscTimeTags.timeTag(nanos)));
        }
    }

    @Test
    void timeTagOneIsImmediate() {
        assertEquals(InputBatch.IMMEDIATELY, tags.dueNanos(OscPacketReader.IMMEDIATELY));
        assertEquals(OscBundleTiming.IMMEDIATE, tags.lastTiming());
        assertEquals(0, wallReadings, "no clock needed for 'immediately'");
    }

    @Test
    void aFutureTagIsDueThatMuchLaterOnTheEngineClock() {
        tags.startPacket();
        assertEquals(ENGINE + 1_500_000_000L, tags.dueNanos(OscTimeTags.timeTag(WALL + 1_500_000_000L)));
        assertEquals(OscBundleTiming.SCHEDULED, tags.lastTiming());
        assertEquals(1_500_000_000L, tags.lastAheadNanos());
        assertEquals(ENGINE + 10 * SECOND, tags.dueNanos(OscTimeTags.timeTag(WALL + 10 * SECOND)),
                "exactly the limit is still scheduled");
    }

    @Test
    void theClocksAreReadOncePerPacket() {
        tags.startPacket();
        long first = tags.dueNanos(OscTimeTags.timeTag(WALL + SECOND));
        engine.advance(SECOND);
        wall += SECOND;
        long sameTagSamePacket = tags.dueNanos(OscTimeTags.timeTag(WALL + SECOND));
        assertEquals(first, sameTagSamePacket, "one offset for the whole packet");
        assertEquals(1, wallReadings);
        tags.startPacket();
        assertEquals(ENGINE + 2 * SECOND, tags.dueNanos(OscTimeTags.timeTag(wall + SECOND)));
        assertEquals(2, wallReadings);
    }

    @Test
    void pastPresentAndTooDistantTagsAreDueImmediately() {
        tags.startPacket();
        assertEquals(InputBatch.IMMEDIATELY, tags.dueNanos(OscTimeTags.timeTag(WALL - 1)));
        assertEquals(OscBundleTiming.LATE, tags.lastTiming());
        assertEquals(-1, tags.lastAheadNanos());
        assertEquals(InputBatch.IMMEDIATELY, tags.dueNanos(OscTimeTags.timeTag(WALL)));
        assertEquals(OscBundleTiming.LATE, tags.lastTiming(), "now is not ahead");
        assertEquals(InputBatch.IMMEDIATELY, tags.dueNanos(OscTimeTags.timeTag(WALL + 10 * SECOND + 1)));
        assertEquals(OscBundleTiming.TOO_FAR_AHEAD, tags.lastTiming());
        assertEquals(InputBatch.IMMEDIATELY, tags.dueNanos(0));
        assertEquals(OscBundleTiming.TOO_FAR_AHEAD, tags.lastTiming(), "0 reads as 2036");
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new OscTimeTags(engine, () -> WALL, Duration.ofSeconds(-1)));
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
