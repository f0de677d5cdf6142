package org.vernissage.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The counter block under every source's statistics, and the shared totals declared once on top
 * of it: one counter per enum constant, exact with one writer, seen progressing by another thread.
 */
class EnumCountersTest {

    private enum Key { FIRST, SECOND, GAUGE }

    @Test
    void eachConstantHasItsOwnCounter() {
        EnumCounters<Key> counters = new EnumCounters<>(Key.class);
        counters.increment(Key.FIRST);
        counters.add(Key.SECOND, 5);
        counters.add(Key.GAUGE, 3);
        counters.add(Key.GAUGE, -1);
        assertEquals(1, counters.get(Key.FIRST));
        assertEquals(5, counters.get(Key.SECOND));
        assertEquals(2, counters.get(Key.GAUGE), "a gauge goes down as well as up");
        counters.set(Key.GAUGE, 42);
        assertEquals(42, counters.get(Key.GAUGE));
    }

    @Test
    void aReaderThreadSeesTheWritersCountsProgressToTheExactTotal() throws InterruptedException {
        EnumCounters<Key> counters = new EnumCounters<>(Key.class);
        int total = 2_000_000;
        long[] lastRead = {0};
        boolean[] wentBackwards = {false};
        Thread reader = new Thread(() -> {
            long previous = 0;
            while (previous < total) {
                long now = counters.get(Key.SECOND);
                wentBackwards[0] |= now < previous;
                previous = now;
            }
            lastRead[0] = previous;
        }, "counter reader");
        reader.setDaemon(true); // a reader that never saw the total must not outlive the test
        reader.start();
        for (int i = 0; i < total; i++) {
            counters.increment(Key.SECOND);
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(total, counters.get(Key.SECOND), "one writer: every increment counted");
        assertEquals(total, lastRead[0], "the reader saw the final count");
        assertTrue(!wentBackwards[0], "a counter read by another thread never goes backwards");
        assertEquals(0, counters.get(Key.FIRST), "other counters untouched");
    }

    @Test
    void theSharedTotalsStartAtNothingAndReadAsTheSourceCountedThem() {
        SourceStats stats = new SourceStats("MIDI test");
        assertEquals(SourceCounters.NEVER, stats.lastSeenNanos(), "nothing received yet");
        assertEquals("MIDI test: received 0, dropped 0, rejected 0", stats.toString());
        stats.countReceived(1_000);
        stats.countReceived(2_000);
        stats.countDropped();
        stats.countRejected();
        stats.countRejected();
        assertEquals(2, stats.received());
        assertEquals(1, stats.dropped());
        assertEquals(2, stats.rejected());
        assertEquals(2_000, stats.lastSeenNanos());
        assertEquals("MIDI test: received 2, dropped 1, rejected 2", stats.toString());
    }
}
