package org.vernissage.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.lmax.disruptor.EventHandler;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;

/** The input ring with a real conductor and snapshot exchange: what a sensor offers is what the render thread sees. */
class InputRingTest {

    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);

    // Slots: 0 level, 1-2 pos, 3 count.
    private static final int LEVEL = 0;
    private static final int POS_X = 1;
    private static final int POS_Y = 2;
    private static final int COUNT = 3;

    private final ParameterLayout layout = new ParameterLayout(List.of(
            new ParameterSpec("level", ParameterType.FLOAT, 0, 1, new float[] {0.5f}, "", ""),
            new ParameterSpec("pos", ParameterType.VEC2, -1, 1, new float[] {0.25f, -0.25f}, "", ""),
            new ParameterSpec("count", ParameterType.INT, 1, 10, new float[] {4}, "", "")));
    private final SnapshotExchange snapshots = new SnapshotExchange(defaults());
    private final Conductor conductor = new Conductor(layout, snapshots);

    private float[] defaults() {
        float[] values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
        return values;
    }

    private static ThreadFactory daemonThreads() {
        return task -> {
            Thread thread = new Thread(task, "input-ring-test-consumer");
            thread.setDaemon(true); // a failed test must not keep the JVM alive
            return thread;
        };
    }

    private InputRing startedRing(int size, RingWaitStrategy strategy) {
        InputRing ring = new InputRing(size, strategy, daemonThreads(), conductor);
        ring.start();
        return ring;
    }

    /** Latches until the conductor has applied at least {@code inputs} events, or fails at the deadline. */
    private ParameterSnapshot awaitApplied(long inputs) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (true) {
            ParameterSnapshot snapshot = snapshots.latch();
            if (snapshot.inputsApplied() >= inputs) {
                return snapshot;
            }
            if (System.nanoTime() - deadline > 0) {
                fail("expected " + inputs + " inputs applied within 5 s, snapshot has " + snapshot.inputsApplied());
            }
            Thread.yield();
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what);
            }
            Thread.yield();
        }
    }

    @ParameterizedTest
    @EnumSource(RingWaitStrategy.class)
    void offeredValuesArriveInTheSnapshotWithEveryWaitStrategy(RingWaitStrategy strategy) {
        try (InputRing ring = startedRing(64, strategy)) {
            assertTrue(ring.offerParameter(LEVEL, 0.8f, 1_000));
            assertTrue(ring.offerParameter(POS_X, -0.5f, 2_000));
            assertTrue(ring.offerParameter(POS_Y, 0.75f, 3_000));
            assertTrue(ring.offerParameter(COUNT, 7f, 4_000));

            ParameterSnapshot snapshot = awaitApplied(4);

            assertEquals(0.8f, snapshot.value(LEVEL));
            assertEquals(-0.5f, snapshot.value(POS_X));
            assertEquals(0.75f, snapshot.value(POS_Y));
            assertEquals(7f, snapshot.value(COUNT));
            assertEquals(4, snapshot.inputsApplied());
            assertEquals(4_000, snapshot.newestArrivalNanos());
        }
    }

    @Test
    void laterValuesForTheSameSlotReplaceEarlierOnes() {
        try (InputRing ring = startedRing(64, RingWaitStrategy.BLOCKING)) {
            for (int i = 1; i <= 10; i++) {
                assertTrue(ring.offerParameter(LEVEL, i / 10f, i));
            }
            ParameterSnapshot snapshot = awaitApplied(10);
            assertEquals(1.0f, snapshot.value(LEVEL));
            assertEquals(10, snapshot.inputsApplied());
        }
    }

    @Test
    void untouchedSlotsKeepTheirDefaults() {
        try (InputRing ring = startedRing(64, RingWaitStrategy.BLOCKING)) {
            assertTrue(ring.offerParameter(POS_Y, 0.9f, 1));
            ParameterSnapshot snapshot = awaitApplied(1);
            assertEquals(0.5f, snapshot.value(LEVEL));
            assertEquals(0.25f, snapshot.value(POS_X));
            assertEquals(0.9f, snapshot.value(POS_Y));
            assertEquals(4f, snapshot.value(COUNT));
        }
    }

    @Test
    void valuesAreClampedToTheDeclaredRangeOfTheirSlot() {
        try (InputRing ring = startedRing(64, RingWaitStrategy.BLOCKING)) {
            ring.offerParameter(LEVEL, 5f, 1);
            ring.offerParameter(POS_X, -3f, 2);
            ring.offerParameter(POS_Y, Float.POSITIVE_INFINITY, 3);
            ring.offerParameter(COUNT, 0f, 4);

            ParameterSnapshot snapshot = awaitApplied(4);

            assertEquals(1f, snapshot.value(LEVEL), "level is 0..1");
            assertEquals(-1f, snapshot.value(POS_X), "pos is -1..1");
            assertEquals(1f, snapshot.value(POS_Y), "pos is -1..1, +inf clamps to max");
            assertEquals(1f, snapshot.value(COUNT), "count is 1..10");
        }
    }

    @Test
    void nanBecomesTheDefaultNotThePreviousValue() {
        try (InputRing ring = startedRing(64, RingWaitStrategy.BLOCKING)) {
            ring.offerParameter(LEVEL, 0.9f, 1);
            ring.offerParameter(POS_Y, 0.9f, 2);
            ring.offerParameter(LEVEL, Float.NaN, 3);
            ring.offerParameter(POS_Y, Float.NaN, 4);

            ParameterSnapshot snapshot = awaitApplied(4);

            assertEquals(0.5f, snapshot.value(LEVEL));
            assertEquals(-0.25f, snapshot.value(POS_Y), "the default of pos's own component");
        }
    }

    @Test
    void anOutOfRangeSlotIsIgnoredAndTheConductorKeepsGoing() {
        try (InputRing ring = startedRing(64, RingWaitStrategy.BLOCKING)) {
            assertTrue(ring.offerParameter(layout.slotCount(), 1f, 1));
            assertTrue(ring.offerParameter(-1, 1f, 2));
            assertTrue(ring.offerParameter(Integer.MAX_VALUE, 1f, 3));
            assertTrue(ring.offerParameter(LEVEL, 0.7f, 4));

            // Ring order: once the valid event is applied, the bad ones before it were handled.
            ParameterSnapshot snapshot = awaitApplied(1);
            assertEquals(0.7f, snapshot.value(LEVEL));
            assertEquals(0.25f, snapshot.value(POS_X));
            assertEquals(-0.25f, snapshot.value(POS_Y));
            assertEquals(4f, snapshot.value(COUNT));
            assertEquals(1, snapshot.inputsApplied(), "ignored events are not applied inputs");
            assertEquals(4, snapshot.newestArrivalNanos(), "ignored events do not count as arrivals");

            assertTrue(ring.offerParameter(COUNT, 9f, 5));
            assertEquals(9f, awaitApplied(2).value(COUNT), "the conductor still runs after bad slots");
        }
    }

    @Test
    void newestArrivalIsTheLatestArrivalTimeNotTheLastOffered() {
        assertEquals(Long.MIN_VALUE, snapshots.latch().newestArrivalNanos(), "no input yet");
        try (InputRing ring = startedRing(64, RingWaitStrategy.BLOCKING)) {
            ring.offerParameter(LEVEL, 0.1f, 300);
            ring.offerParameter(LEVEL, 0.2f, 900);
            ring.offerParameter(LEVEL, 0.3f, 600); // two sensors: arrival order and ring order differ

            ParameterSnapshot snapshot = awaitApplied(3);

            assertEquals(900, snapshot.newestArrivalNanos());
            assertEquals(3, snapshot.inputsApplied());
            assertEquals(0.3f, snapshot.value(LEVEL), "ring order decides the value");
        }
    }

    @Test
    void aFullRingRefusesOffersAndAcceptsAgainOnceDrained() throws InterruptedException {
        int size = 4;
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        EventHandler<InputEvent> slowJournal = (event, sequence, endOfBatch) -> {
            blocked.countDown();
            release.await();
        };
        InputRing ring = new InputRing(size, RingWaitStrategy.BLOCKING, daemonThreads(), conductor, slowJournal);
        ring.start();
        try {
            // An offer that blocked instead of refusing would hang here: bound it.
            int accepted = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                int n = 0;
                while (n < 100 && ring.offerParameter(LEVEL, 0.1f * (n + 1), n + 1)) {
                    n++;
                }
                assertFalse(ring.offerParameter(LEVEL, 0.9f, 99), "a full ring must keep refusing");
                return n;
            }, "a full ring must refuse offers, not block the producer");
            assertEquals(size, accepted, "a ring of " + size + " holds exactly " + size + " unconsumed events");
            assertEquals(size, ring.backlog());
            assertTrue(blocked.await(5, TimeUnit.SECONDS), "the slow handler never saw an event");
            // The conductor runs in parallel: it applied the accepted events already.
            assertEquals(0.4f, awaitApplied(size).value(LEVEL), 1e-6f);

            release.countDown();
            awaitTrue(() -> ring.backlog() == 0, "the ring drained");
            assertTrue(ring.offerParameter(LEVEL, 0.9f, 100));
            assertTrue(ring.offerParameter(COUNT, 8f, 101));
            ParameterSnapshot snapshot = awaitApplied(size + 2);
            assertEquals(0.9f, snapshot.value(LEVEL));
            assertEquals(8f, snapshot.value(COUNT));
            assertEquals(size + 2, snapshot.inputsApplied(), "the refused offer was never applied");
            assertEquals(101, snapshot.newestArrivalNanos());
        } finally {
            release.countDown(); // close() drains: the slow handler must be free to finish
            ring.close();
        }
    }

    @Test
    void aBatchIsTakenWholeOrNotAtAll() throws InterruptedException {
        int size = 8;
        CountDownLatch release = new CountDownLatch(1);
        EventHandler<InputEvent> slowJournal = (event, sequence, endOfBatch) -> release.await();
        InputRing ring = new InputRing(size, RingWaitStrategy.BLOCKING, daemonThreads(), conductor, slowJournal);
        ring.start();
        try {
            InputBatch batch = new InputBatch(16);
            batch.clear(5);
            for (int i = 0; i < 5; i++) {
                batch.addTouch(TouchKind.CURSOR, TouchPhase.ADDED, 0, i, 0, 0.1f * i, 0.5f, 0, 0, 0,
                        InputBatch.IMMEDIATELY);
            }
            assertTrue(ring.offer(batch), "5 of 8 free slots");
            assertFalse(ring.offer(batch), "5 more do not fit in the 3 left: none may be taken");
            assertEquals(5, ring.backlog(), "the refused batch left nothing behind");
            batch.clear(6);
            batch.addTouch(TouchKind.CURSOR, TouchPhase.ADDED, 0, 9, 0, 0.9f, 0.5f, 0, 0, 0, InputBatch.IMMEDIATELY);
            assertTrue(ring.offer(batch));

            ParameterSnapshot snapshot = awaitApplied(6);
            assertEquals(6, snapshot.touches().count());
            assertEquals(9, snapshot.touches().session(5));
            assertFalse(ring.offer(new InputBatchOfSize(size + 1).batch), "larger than the ring: never fits");
        } finally {
            release.countDown();
            ring.close();
        }
    }

    /** A batch holding {@code n} channel values. */
    private static final class InputBatchOfSize {
        final InputBatch batch;

        InputBatchOfSize(int n) {
            batch = new InputBatch(n);
            batch.clear(0);
            for (int i = 0; i < n; i++) {
                batch.addChannel(0, i, InputBatch.IMMEDIATELY);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 6, 100, -4})
    void ringSizeMustBeAPowerOfTwo(int size) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InputRing(size, RingWaitStrategy.BLOCKING, daemonThreads(), conductor));
        assertTrue(e.getMessage().contains("power of two"), e.getMessage());
        assertTrue(e.getMessage().contains(Integer.toString(size)), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 1024})
    void powerOfTwoSizesAreAccepted(int size) {
        try (InputRing ring = startedRing(size, RingWaitStrategy.BLOCKING)) {
            assertTrue(ring.offerParameter(LEVEL, 0.6f, 1));
            assertEquals(0.6f, awaitApplied(1).value(LEVEL));
        }
    }

    @ParameterizedTest
    @EnumSource(RingWaitStrategy.class)
    void everyWaitStrategyCreatesAFreshInstanceAndHasADashedCliName(RingWaitStrategy strategy) {
        assertFalse(strategy.create() == strategy.create(), "each ring needs its own wait strategy");
        assertEquals(strategy.name().toLowerCase(Locale.ROOT).replace('_', '-'), strategy.cliName());
    }
}
