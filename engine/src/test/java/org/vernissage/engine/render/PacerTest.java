package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.clock.ManualClock;

class PacerTest {

    private static final long MS = 1_000_000L;
    /** A pacer that wrongly waits on a clock nobody advances would hang: fail instead. */
    private static final Duration NO_WAIT = Duration.ofSeconds(5);

    /** A clock that moves forward by {@code tick} at every reading, so waiting on it ends without threads. */
    private static final class TickingClock implements Clock {
        private final AtomicLong now;
        private final long tick;

        TickingClock(long start, long tick) {
            this.now = new AtomicLong(start);
            this.tick = tick;
        }

        @Override
        public long nanos() {
            return now.getAndAdd(tick);
        }

        void jump(long delta) {
            now.addAndGet(delta);
        }
    }

    // ---- SteppedPacer

    @ParameterizedTest
    @ValueSource(doubles = {1, 10, 25, 50, 1000})
    void steppedPacerGivesFrameNExactlyNOverFps(double fps) {
        long start = 7_000_000_000L;
        ManualClock clock = new ManualClock(start);
        SteppedPacer pacer = new SteppedPacer(clock, fps);

        for (long n = 0; n <= 300; n++) {
            long expected = start + Math.round(n * 1e9 / fps);
            assertEquals(expected, pacer.awaitFrame(n), "frame " + n + " at " + fps + " fps");
            assertEquals(expected, clock.nanos(), "the pacer drives the shared clock");
        }
        assertEquals(0, pacer.droppedFrames());
    }

    @Test
    void steppedPacerAtSixtyFpsStaysWithinAMicrosecondOfNOverFps() {
        ManualClock clock = new ManualClock(0);
        SteppedPacer pacer = new SteppedPacer(clock, 60);

        for (long n = 0; n <= 600; n++) {
            long time = pacer.awaitFrame(n);
            assertEquals(n * 1e9 / 60, time, 1_000, "frame " + n);
        }
    }

    @Test
    void steppedPacerDoesNotAdvanceForFrameZero() {
        ManualClock clock = new ManualClock(123);
        SteppedPacer pacer = new SteppedPacer(clock, 30);

        assertEquals(123, pacer.awaitFrame(0));
        assertEquals(123, clock.nanos());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN})
    void steppedPacerRefusesANonPositiveRate(double fps) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SteppedPacer(new ManualClock(0), fps));
        assertTrue(e.getMessage().contains("> 0"), e.getMessage());
    }

    // ---- RealTimePacer

    @Test
    void realTimePacerAtZeroFpsNeverWaits() {
        ManualClock clock = new ManualClock(500);
        RealTimePacer pacer = new RealTimePacer(clock, 0);

        assertTimeoutPreemptively(NO_WAIT, () -> {
            for (long n = 0; n < 1_000; n++) {
                assertEquals(500 + n, pacer.awaitFrame(n), "returns the clock's time at once");
                clock.advance(1);
            }
            for (long n = 1_000; n < 1_010; n++) {
                assertEquals(1_500, pacer.awaitFrame(n), "even when the clock does not move");
            }
        });
        assertEquals(0, pacer.droppedFrames());
    }

    @Test
    void realTimePacerCountsEveryDeadlineAJumpSkippedAsDropped() {
        ManualClock clock = new ManualClock(1_000 * MS);
        RealTimePacer pacer = new RealTimePacer(clock, 10); // 100 ms period

        assertTimeoutPreemptively(NO_WAIT, () -> {
            assertEquals(1_000 * MS, pacer.awaitFrame(0));
            assertEquals(0, pacer.droppedFrames());

            // Frame 1 was due at +100; it starts at +350: the frames due at +100 and +200 are lost,
            // this one stands for the frame due at +300.
            clock.advance(350 * MS);
            assertEquals(1_350 * MS, pacer.awaitFrame(1));
            assertEquals(2, pacer.droppedFrames());

            // Late by less than a period (next deadline +400, now +450): late, but nothing skipped.
            clock.advance(100 * MS);
            assertEquals(1_450 * MS, pacer.awaitFrame(2));
            assertEquals(2, pacer.droppedFrames());

            // Next deadline +500; a stall until +1450 skips the ten deadlines +500..+1400 but one.
            clock.advance(1_000 * MS);
            assertEquals(2_450 * MS, pacer.awaitFrame(3));
            assertEquals(11, pacer.droppedFrames());
        });
    }

    @Test
    void realTimePacerOnTimeFramesDropNothing() {
        ManualClock clock = new ManualClock(0);
        RealTimePacer pacer = new RealTimePacer(clock, 100); // 10 ms

        assertTimeoutPreemptively(NO_WAIT, () -> {
            pacer.awaitFrame(0);
            for (long n = 1; n <= 50; n++) {
                clock.advance(10 * MS); // exactly on each deadline: no wait, no drop
                assertEquals(n * 10 * MS, pacer.awaitFrame(n));
            }
        });
        assertEquals(0, pacer.droppedFrames());
    }

    @Test
    void realTimePacerWaitsForTheNextDeadlineAndDoesNotCatchUpAfterAStall() {
        long period = MS; // 1000 fps
        TickingClock clock = new TickingClock(0, 50_000); // 50 µs per reading
        RealTimePacer pacer = new RealTimePacer(clock, 1000);

        assertTimeoutPreemptively(NO_WAIT, () -> {
            long first = pacer.awaitFrame(0);
            assertEquals(0, first);

            long second = pacer.awaitFrame(1);
            assertTrue(second >= period, "frame 1 must wait for its deadline, started at " + second);
            assertEquals(0, pacer.droppedFrames());

            clock.jump(3 * period); // a stall: the deadlines at 2 and 3 ms (and maybe 4) pass
            long stalled = pacer.awaitFrame(2);
            long droppedByStall = pacer.droppedFrames();
            assertTrue(droppedByStall >= 1, "the stall skipped deadlines, dropped " + droppedByStall);

            // No burst: the next frame waits a full period after the deadline the late frame took.
            long next = pacer.awaitFrame(3);
            long latestDeadlineTaken = stalled - (stalled % period);
            assertTrue(next >= latestDeadlineTaken + period, "frame after a stall started at " + next
                    + " ns, before the next deadline " + (latestDeadlineTaken + period) + " ns: it caught up");
            long after = pacer.awaitFrame(4);
            assertTrue(after >= latestDeadlineTaken + 2 * period, "frame 4 started at " + after);
            assertEquals(droppedByStall, pacer.droppedFrames(), "frames after the stall were on time");
        });
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, Double.NaN})
    void realTimePacerRefusesANegativeRate(double fps) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RealTimePacer(new ManualClock(0), fps));
        assertTrue(e.getMessage().contains(">= 0"), e.getMessage());
    }
}
