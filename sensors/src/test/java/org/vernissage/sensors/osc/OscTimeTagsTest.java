package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscTimeTag;

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
    void timeTagOneIsImmediate() {
        assertEquals(InputBatch.IMMEDIATELY, tags.dueNanos(OscPacketReader.IMMEDIATELY));
        assertEquals(OscBundleTiming.IMMEDIATE, tags.lastTiming());
        assertEquals(0, wallReadings, "no clock needed for 'immediately'");
    }

    @Test
    void aFutureTagIsDueThatMuchLaterOnTheEngineClock() {
        tags.startPacket();
        assertEquals(ENGINE + 1_500_000_000L, tags.dueNanos(OscTimeTag.timeTag(WALL + 1_500_000_000L)));
        assertEquals(OscBundleTiming.SCHEDULED, tags.lastTiming());
        assertEquals(1_500_000_000L, tags.lastAheadNanos());
        assertEquals(ENGINE + 10 * SECOND, tags.dueNanos(OscTimeTag.timeTag(WALL + 10 * SECOND)),
                "exactly the limit is still scheduled");
    }

    @Test
    void theClocksAreReadOncePerPacket() {
        tags.startPacket();
        long first = tags.dueNanos(OscTimeTag.timeTag(WALL + SECOND));
        engine.advance(SECOND);
        wall += SECOND;
        long sameTagSamePacket = tags.dueNanos(OscTimeTag.timeTag(WALL + SECOND));
        assertEquals(first, sameTagSamePacket, "one offset for the whole packet");
        assertEquals(1, wallReadings);
        tags.startPacket();
        assertEquals(ENGINE + 2 * SECOND, tags.dueNanos(OscTimeTag.timeTag(wall + SECOND)));
        assertEquals(2, wallReadings);
    }

    @Test
    void pastPresentAndTooDistantTagsAreDueImmediately() {
        tags.startPacket();
        assertEquals(InputBatch.IMMEDIATELY, tags.dueNanos(OscTimeTag.timeTag(WALL - 1)));
        assertEquals(OscBundleTiming.LATE, tags.lastTiming());
        assertEquals(-1, tags.lastAheadNanos());
        assertEquals(InputBatch.IMMEDIATELY, tags.dueNanos(OscTimeTag.timeTag(WALL)));
        assertEquals(OscBundleTiming.LATE, tags.lastTiming(), "now is not ahead");
        assertEquals(InputBatch.IMMEDIATELY, tags.dueNanos(OscTimeTag.timeTag(WALL + 10 * SECOND + 1)));
        assertEquals(OscBundleTiming.TOO_FAR_AHEAD, tags.lastTiming());
        assertEquals(InputBatch.IMMEDIATELY, tags.dueNanos(0));
        assertEquals(OscBundleTiming.TOO_FAR_AHEAD, tags.lastTiming(), "0 reads as 2036");
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new OscTimeTags(engine, () -> WALL, Duration.ofSeconds(-1)));
    }
}
