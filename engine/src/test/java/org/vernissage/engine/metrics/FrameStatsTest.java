package org.vernissage.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FrameStatsTest {

    private static final long MS = 1_000_000L;
    /** HdrHistogram with 3 significant digits: values are exact to 0.1%. */
    private static final double PRECISION = 0.002;

    private static void assertClose(long expectedNanos, long actualNanos, String what) {
        assertEquals(expectedNanos, actualNanos, expectedNanos * PRECISION, what);
    }

    /** The number after {@code label} in {@code text}, e.g. {@code p50 12.34}. */
    private static double numberAfter(String text, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+([0-9]+(?:\\.[0-9]+)?)").matcher(text);
        assertTrue(m.find(), "no '" + label + " <number>' in: " + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void percentilesAndMaxComeFromTheRecordedFrames() {
        FrameStats stats = new FrameStats();
        List<Long> times = new ArrayList<>();
        for (long ms = 1; ms <= 100; ms++) {
            times.add(ms * MS);
        }
        Collections.shuffle(times, new Random(42)); // order must not matter
        long dropped = 0;
        for (long time : times) {
            stats.recordFrame(time, dropped);
            if (time % (15 * MS) == 0) {
                dropped++;
            }
        }

        FrameStats.Summary summary = stats.summary();

        assertEquals(100, summary.frames());
        assertEquals(100, stats.frames());
        assertClose(50 * MS, summary.p50Nanos(), "p50");
        assertClose(99 * MS, summary.p99Nanos(), "p99");
        assertClose(100 * MS, summary.maxNanos(), "max");
    }

    @Test
    void droppedIsTheLatestCountThePacerReported() {
        FrameStats stats = new FrameStats();
        stats.recordFrame(MS, 0);
        stats.recordFrame(MS, 3);
        stats.recordFrame(MS, 7);

        assertEquals(7, stats.droppedFrames());
        assertEquals(7, stats.summary().dropped());
    }

    @Test
    void describeContainsTheNumbers() {
        FrameStats stats = new FrameStats();
        for (int i = 0; i < 98; i++) {
            stats.recordFrame(4 * MS, 0);
        }
        stats.recordFrame(12 * MS, 2);
        stats.recordFrame(30 * MS, 5);

        FrameStats.Summary summary = stats.summary();
        String line = summary.describe();

        assertEquals(100, (long) numberAfter(line, "frames"), line);
        assertEquals(4.0, numberAfter(line, "p50"), 4.0 * PRECISION + 0.01, line);
        assertEquals(12.0, numberAfter(line, "p99"), 12.0 * PRECISION + 0.01, line);
        assertEquals(30.0, numberAfter(line, "max"), 30.0 * PRECISION + 0.01, line);
        assertEquals(5, (long) numberAfter(line, "dropped"), line);
        assertTrue(line.contains("ms"), "units are shown: " + line);
        assertTrue(line.lines().count() == 1, "one console line: " + line);
    }

    @Test
    void summariesAccumulateOverTheWholeRun() {
        FrameStats stats = new FrameStats();
        for (int i = 0; i < 10; i++) {
            stats.recordFrame(MS, 0);
        }
        FrameStats.Summary early = stats.summary();
        assertClose(MS, early.maxNanos(), "max of the first ten");

        for (int i = 0; i < 10; i++) {
            stats.recordFrame(3 * MS, 1);
        }
        FrameStats.Summary whole = stats.summary();

        assertEquals(20, whole.frames());
        assertEquals(1, whole.dropped());
        assertClose(MS, whole.p50Nanos(), "p50 still counts the first ten frames");
        assertClose(3 * MS, whole.p99Nanos(), "p99");
        assertClose(3 * MS, whole.maxNanos(), "max");

        FrameStats.Summary again = stats.summary();
        assertEquals(whole, again, "reading without new frames changes nothing");
    }

    @Test
    void noFramesGivesZeros() {
        FrameStats.Summary summary = new FrameStats().summary();

        assertEquals(new FrameStats.Summary(0, 0, 0, 0, 0), summary);
        assertEquals(0, (long) numberAfter(summary.describe(), "frames"));
    }

    @Test
    void outOfRangeFrameTimesAreBoundedInsteadOfFailing() {
        FrameStats stats = new FrameStats();
        stats.recordFrame(-5, 0); // a clock hiccup on the render thread must never throw
        stats.recordFrame(Long.MAX_VALUE, 0);

        FrameStats.Summary summary = stats.summary();

        assertEquals(2, summary.frames());
        assertTrue(summary.p50Nanos() >= 0 && summary.p50Nanos() < MS, "the negative time counts as 0");
        assertClose(60_000 * MS, summary.maxNanos(), "capped at the tracked maximum of 60 s");
    }
}
