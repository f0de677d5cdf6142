package org.vernissage.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SnapshotExchangeTest {

    private static float[] filled(int slots, float value) {
        float[] values = new float[slots];
        Arrays.fill(values, value);
        return values;
    }

    private static float[] valuesOf(ParameterSnapshot snapshot) {
        float[] values = new float[snapshot.slotCount()];
        snapshot.copyValuesInto(values);
        return values;
    }

    @Test
    void beforeAnyPublishTheReaderSeesTheInitialValues() {
        SnapshotExchange exchange = new SnapshotExchange(new float[] {0.25f, 0.5f, 0.75f});

        ParameterSnapshot snapshot = exchange.latch();

        assertEquals(3, snapshot.slotCount());
        assertArrayEquals(new float[] {0.25f, 0.5f, 0.75f}, valuesOf(snapshot));
        assertEquals(0, snapshot.inputsApplied());
        assertEquals(Long.MIN_VALUE, snapshot.newestArrivalNanos());
    }

    @Test
    void latestPublishWins() {
        SnapshotExchange exchange = new SnapshotExchange(filled(2, 0));

        exchange.publish(filled(2, 1), 1, 100);
        exchange.publish(filled(2, 2), 2, 200);
        exchange.publish(filled(2, 3), 3, 300);
        ParameterSnapshot snapshot = exchange.latch();

        assertArrayEquals(filled(2, 3), valuesOf(snapshot));
        assertEquals(3, snapshot.inputsApplied());
        assertEquals(300, snapshot.newestArrivalNanos());
    }

    @Test
    void latchWithoutANewPublishReturnsTheSameSnapshot() {
        SnapshotExchange exchange = new SnapshotExchange(filled(2, 0));
        exchange.publish(new float[] {4, 5}, 7, 70);

        ParameterSnapshot first = exchange.latch();
        ParameterSnapshot again = exchange.latch();

        assertSame(first, again);
        assertArrayEquals(new float[] {4, 5}, valuesOf(again));
        assertEquals(7, again.inputsApplied());
        assertEquals(70, again.newestArrivalNanos());
    }

    @Test
    void freshSaysWhetherALatchWouldBringANewSnapshot() {
        SnapshotExchange exchange = new SnapshotExchange(filled(2, 0));
        assertFalse(exchange.fresh(), "nothing published yet");
        exchange.publish(new float[] {4, 5}, 7, 70);
        assertTrue(exchange.fresh());
        assertTrue(exchange.fresh(), "asking does not consume it");
        exchange.latch();
        assertFalse(exchange.fresh(), "latched");
        exchange.publish(new float[] {6, 7}, 8, 80);
        exchange.publish(new float[] {8, 9}, 9, 90);
        assertTrue(exchange.fresh());
        assertEquals(8, exchange.latch().value(0));
        assertFalse(exchange.fresh());
    }

    @Test
    void publishCopiesTheWritersValues() {
        SnapshotExchange exchange = new SnapshotExchange(filled(2, 0));
        float[] writerState = {1, 2};

        exchange.publish(writerState, 1, 0);
        writerState[0] = 99; // the conductor keeps working on its own array
        writerState[1] = 99;

        assertArrayEquals(new float[] {1, 2}, valuesOf(exchange.latch()));
    }

    @Test
    void aLatchedSnapshotStaysIntactWhileTheWriterPublishesMore() {
        SnapshotExchange exchange = new SnapshotExchange(filled(4, 0));
        exchange.publish(filled(4, 1), 1, 10);
        ParameterSnapshot held = exchange.latch();

        // Enough publishes to cycle through every buffer the writer may own.
        for (int n = 2; n <= 10; n++) {
            exchange.publish(filled(4, n), n, n * 10L);
        }

        assertArrayEquals(filled(4, 1), valuesOf(held), "the render thread's snapshot was overwritten");
        assertEquals(1, held.inputsApplied());
        assertEquals(10, held.newestArrivalNanos());
        ParameterSnapshot newest = exchange.latch();
        assertArrayEquals(filled(4, 10), valuesOf(newest));
        assertEquals(10, newest.inputsApplied());
    }

    @Test
    void concurrentReaderNeverSeesATornOrOlderSnapshot() throws Exception {
        int slots = 64;
        long maxPublishes = 4_000_000; // floats stay exact far beyond this
        long runNanos = TimeUnit.MILLISECONDS.toNanos(500);
        SnapshotExchange exchange = new SnapshotExchange(filled(slots, 0));
        AtomicLong lastPublished = new AtomicLong(-1);
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);

        Thread writer = new Thread(() -> {
            try {
                float[] values = new float[slots];
                start.await();
                long end = System.nanoTime() + runNanos;
                long n = 0;
                while (n < maxPublishes && System.nanoTime() - end < 0) {
                    n++;
                    Arrays.fill(values, n);
                    exchange.publish(values, n, n * 3);
                }
                lastPublished.set(n);
            } catch (Throwable t) {
                writerFailure.set(t);
                lastPublished.set(Long.MAX_VALUE);
            }
        }, "snapshot-writer");
        writer.setDaemon(true);
        writer.start();
        start.countDown();

        float[] seen = new float[slots];
        long previous = 0;
        long distinct = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lastPublished.get() < 0) {
            if (System.nanoTime() - deadline > 0) {
                fail("writer did not finish");
            }
            ParameterSnapshot snapshot = exchange.latch();
            snapshot.copyValuesInto(seen);
            long n = snapshot.inputsApplied();
            for (int i = 0; i < slots; i++) {
                if (seen[i] != n) {
                    fail("torn snapshot: inputsApplied " + n + " but slot " + i + " = " + seen[i]
                            + " (slots " + Arrays.toString(seen) + ")");
                }
            }
            if (snapshot.newestArrivalNanos() != (n == 0 ? Long.MIN_VALUE : n * 3)) {
                fail("torn snapshot: inputsApplied " + n + " but newestArrivalNanos "
                        + snapshot.newestArrivalNanos());
            }
            if (n < previous) {
                fail("snapshot went backwards from " + previous + " to " + n);
            }
            if (n != previous) {
                distinct++;
            }
            previous = n;
        }
        writer.join(TimeUnit.SECONDS.toMillis(10));
        assertNull(writerFailure.get(), "writer failed");

        ParameterSnapshot last = exchange.latch();
        long published = lastPublished.get();
        assertTrue(published > 1, "the writer published " + published + " times");
        assertEquals(published, last.inputsApplied(), "the reader must finally see the last publish");
        assertArrayEquals(filled(slots, published), valuesOf(last));
        assertTrue(distinct > 1, "the reader should have seen the writer progress, saw " + distinct);
    }
}
