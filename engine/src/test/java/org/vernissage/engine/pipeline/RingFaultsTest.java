package org.vernissage.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventHandler;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.RecordingLog;
import org.vernissage.engine.fault.FaultCounts;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;

/**
 * Nothing a ring consumer throws stops the show: a real ring, real consumer threads, a conductor
 * whose conditioner (or a second consumer standing in for the journal) throws.
 */
class RingFaultsTest {

    private static final float POISON = 13f;

    private final ParameterLayout layout = new ParameterLayout(List.of(
            new ParameterSpec("a", ParameterType.FLOAT, 0f, 100f, new float[] {0f}, "", ""),
            new ParameterSpec("b", ParameterType.FLOAT, 0f, 100f, new float[] {0f}, "", ""),
            new ParameterSpec("c", ParameterType.FLOAT, 0f, 100f, new float[] {0f}, "", "")));
    private final SnapshotExchange snapshots = new SnapshotExchange(new float[3]);
    private final RecordingLog log = new RecordingLog();

    /** Writes raw values into slot = channel, and throws on the value {@link #POISON}. */
    private static final class PoisonedConditioner implements ChannelConditioner {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void onValue(int channel, float raw, long nanos, float[] values) {
            calls.incrementAndGet();
            if (raw == POISON) {
                throw new IllegalStateException("poisoned value on channel " + channel);
            }
            values[channel] = raw;
        }

        @Override
        public void advanceTo(long nanos, float[] values) {
        }
    }

    private Conductor conductor(ChannelConditioner conditioner, int failureLimit) {
        return new Conductor(layout, snapshots, conditioner,
                new ConductorSettings(Duration.ofSeconds(1), 16, 4, failureLimit), log);
    }

    @SafeVarargs
    private InputRing startedRing(EventHandler<InputEvent>... handlers) {
        InputRing ring = new InputRing(64, RingWaitStrategy.BLOCKING, RingTestThreads.daemons("ring-faults-test-consumer"), log, handlers);
        ring.start();
        return ring;
    }

    @Test
    void aConditionerThatThrowsOnOneEventCostsThatEventOnly() {
        PoisonedConditioner conditioner = new PoisonedConditioner();
        Conductor conductor = conductor(conditioner, 16);
        try (InputRing ring = startedRing(conductor)) {
            assertTrue(ring.offerChannel(0, 1f, 1));
            assertTrue(ring.offerChannel(1, POISON, 2));
            for (int i = 0; i < 200; i++) { // far more than the ring holds: it must keep draining
                while (!ring.offerChannel(2, 1000f + i, 3 + i)) {
                    Thread.onSpinWait();
                }
            }
            RingTestThreads.await(() -> snapshots.publishedEventsConsumed() == 202, "every event was consumed");

            ParameterSnapshot s = snapshots.latch();
            assertEquals(1f, s.value(0));
            assertEquals(0f, s.value(1), "the value that threw was skipped: the last good value stays");
            assertEquals(1199f, s.value(2), "later events were applied");
            assertEquals(1, conductor.stageFaults("bindings").total());
            assertEquals(1, conductor.stageFaults("bindings").count(IllegalStateException.class));
            assertFalse(conductor.stageDisabled("bindings"));
            assertEquals(0, conductor.faults().total());
            assertEquals(1, log.visible().size(), "one log line: " + log.visible());
            assertTrue(log.visible().get(0).contains("poisoned value on channel 1"), log.visible().toString());
            assertEquals(1, log.at(Level.DEBUG, "stack trace").size(), "the stack trace once, at debug level");
        }
    }

    @Test
    void framesKeepComingAfterAConditionerThrowsWhileTimeMovesOn() {
        AtomicInteger advances = new AtomicInteger();
        ChannelConditioner throwsOnSecondFrame = new ChannelConditioner() {
            @Override
            public void onValue(int channel, float raw, long nanos, float[] values) {
                values[channel] = raw;
            }

            @Override
            public void advanceTo(long nanos, float[] values) {
                if (advances.incrementAndGet() == 2) {
                    throw new IllegalArgumentException("easing table broken at " + nanos);
                }
            }
        };
        Conductor conductor = conductor(throwsOnSecondFrame, 16);
        InputBatch early = new InputBatch(1);
        early.clear(1);
        early.addChannel(0, 9f, 45); // due at 45 ns: released by the frame whose horizon reaches it
        try (InputRing ring = startedRing(conductor)) {
            assertTrue(ring.offerFrame(0, 0, 10, 0));
            assertTrue(ring.offer(early));
            for (int f = 1; f <= 5; f++) {
                assertTrue(ring.offerFrame(f, f * 10, f * 10 + 10, 0), "frame " + f + " marked");
            }
            RingTestThreads.await(() -> snapshots.publishedEventsConsumed() == 7, "every frame mark was consumed");
            assertEquals(9f, snapshots.latch().value(0), "a later frame released the scheduled value");
            assertEquals(6, advances.get(), "time moved on at every frame, the one that threw included");
            assertEquals(1, conductor.stageFaults("bindings").count(IllegalArgumentException.class));
            assertEquals(1, log.visible().size(), log.visible().toString());
        }
    }

    @Test
    void aThrowInsideAGroupStillPublishesTheRestOfTheGroup() {
        Conductor conductor = conductor(new PoisonedConditioner(), 16);
        InputBatch batch = new InputBatch(3);
        batch.clear(5);
        batch.addChannel(0, 4f, InputBatch.IMMEDIATELY);
        batch.addChannel(1, POISON, InputBatch.IMMEDIATELY);
        batch.addChannel(2, 6f, InputBatch.IMMEDIATELY);
        try (InputRing ring = startedRing(conductor)) {
            assertTrue(ring.offer(batch));
            RingTestThreads.await(() -> snapshots.publishedEventsConsumed() == 3, "the group was published");
            ParameterSnapshot s = snapshots.latch();
            assertEquals(4f, s.value(0));
            assertEquals(0f, s.value(1));
            assertEquals(6f, s.value(2));
            assertEquals(1, conductor.stageFaults("bindings").total());
        }
    }

    @Test
    void aJournalConsumerThatThrowsSkipsThatEventAndKeepsRecording() {
        Conductor conductor = conductor(ChannelConditioner.NONE, 16);
        AtomicLong recorded = new AtomicLong();
        AtomicLong lastRecordedArrival = new AtomicLong();
        EventHandler<InputEvent> journal = (event, sequence, endOfBatch) -> {
            if (event.arrivalNanos() == 2) {
                throw new java.io.UncheckedIOException(new java.io.IOException("disk hiccup"));
            }
            recorded.incrementAndGet();
            lastRecordedArrival.set(event.arrivalNanos());
        };
        try (InputRing ring = startedRing(conductor, journal)) {
            for (int i = 1; i <= 300; i++) {
                while (!ring.offerParameter(0, i % 100, i)) {
                    Thread.onSpinWait();
                }
            }
            RingTestThreads.await(() -> recorded.get() == 299, "the journal consumer recorded every later event");
            RingTestThreads.await(() -> ring.backlog() == 0, "the ring drained");
            assertEquals(300, lastRecordedArrival.get());
            assertEquals(300, snapshots.publishedEventsConsumed(), "the conductor saw everything");
            FaultCounts journalFaults = ring.faults().get(1);
            assertEquals(1, journalFaults.total());
            assertEquals(1, journalFaults.count(java.io.UncheckedIOException.class));
            assertEquals(0, ring.faults().get(0).total(), "the conductor itself never threw");
            assertEquals(1, log.visible().size(), log.visible().toString());
            assertTrue(log.visible().get(0).contains("disk hiccup"), log.visible().toString());
        }
    }

    @Test
    void aStageThatThrowsOnEveryEventIsDisabledOnceAndTheRestRuns() {
        ChannelConditioner broken = new ChannelConditioner() {
            @Override
            public void onValue(int channel, float raw, long nanos, float[] values) {
                throw new ArithmeticException("always");
            }

            @Override
            public void advanceTo(long nanos, float[] values) {
                throw new ArithmeticException("always");
            }
        };
        Conductor conductor = conductor(broken, 4);
        try (InputRing ring = startedRing(conductor)) {
            for (int i = 0; i < 10; i++) {
                assertTrue(ring.offerChannel(1, i, i));
            }
            assertTrue(ring.offerFrame(0, 20, 30, 10));
            assertTrue(ring.offerParameter(2, 42f, 40));
            RingTestThreads.await(() -> snapshots.publishedEventsConsumed() == 12, "every event was consumed");

            assertTrue(conductor.stageDisabled("bindings"));
            assertEquals(4, conductor.stageFaults("bindings").total(), "not called once disabled");
            assertEquals(42f, snapshots.latch().value(2), "direct values still apply");
            assertEquals(1, log.at(Level.ERROR, "disabled after 4 failures in a row").size(), log.visible().toString());
            assertEquals(2, log.visible().size(), "one line for the kind, one for disabling: " + log.visible());
        }
    }
}
