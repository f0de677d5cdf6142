package org.vernissage.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;

/** The conductor driven event by event, as the ring's consumer thread would drive it. */
class ConductorTest {

    private static final long MS = 1_000_000L;

    private final ParameterLayout layout = new ParameterLayout(List.of(
            new ParameterSpec("a", ParameterType.FLOAT, 0f, 100f, new float[] {0f}, "", ""),
            new ParameterSpec("b", ParameterType.FLOAT, 0f, 100f, new float[] {0f}, "", "")));
    private final SnapshotExchange snapshots = new SnapshotExchange(new float[2], 4);
    /** Writes each raw channel value into slot = channel, and records every call. */
    private final RecordingConditioner conditioner = new RecordingConditioner();
    private final Conductor conductor = new Conductor(layout, snapshots, conditioner,
            new ConductorSettings(Duration.ofMillis(500), 3, 4));
    private final InputEvent event = new InputEvent();
    private long sequence;

    @Test
    void channelValuesGoThroughTheConditionerAtTheirArrivalTime() {
        channel(1, 42f, 7 * MS, InputBatch.IMMEDIATELY, false, true);

        assertEquals(List.of("value 1 42.0 @7"), conditioner.calls);
        assertEquals(42f, snapshots.latch().value(1));
        assertEquals(1, snapshots.latch().eventsConsumed());
    }

    @Test
    void aGroupIsNeverPublishedHalfApplied() {
        channel(0, 1f, MS, InputBatch.IMMEDIATELY, true, true); // a batch ends inside the group
        assertEquals(0, snapshots.publishedEventsConsumed(), "nothing published mid-group");
        assertEquals(0f, snapshots.latch().value(0));

        channel(1, 2f, MS, InputBatch.IMMEDIATELY, false, true);
        ParameterSnapshot s = snapshots.latch();
        assertEquals(1f, s.value(0));
        assertEquals(2f, s.value(1));
        assertEquals(2, s.eventsConsumed());
    }

    @Test
    void earlyEventsWaitForTheFrameWhoseTimeReachesThem() {
        frame(0, 0, 10 * MS);
        channel(0, 5f, MS, 30 * MS, false, true);         // due at 30 ms
        channel(0, 3f, MS, 20 * MS, false, true);         // due at 20 ms, sent later
        assertEquals(0f, snapshots.latch().value(0), "not yet due");
        assertEquals(2, conductor.stats().scheduled());

        frame(1, 10 * MS, 20 * MS);
        assertEquals(3f, snapshots.latch().value(0), "the one due at 20 ms shows in the 20 ms frame");

        frame(2, 20 * MS, 30 * MS);
        assertEquals(5f, snapshots.latch().value(0));
        assertTrue(conditioner.calls.contains("value 0 3.0 @20"), "applied at its due time: " + conditioner.calls);
        assertTrue(conditioner.calls.contains("value 0 5.0 @30"), conditioner.calls.toString());
    }

    @Test
    void eventsDueBeforeTheHorizonApplyAtOnce() {
        frame(0, 0, 40 * MS);
        channel(0, 9f, 5 * MS, 20 * MS, false, true);

        assertEquals(9f, snapshots.latch().value(0));
        assertEquals(0, conductor.stats().scheduled());
    }

    @Test
    void aScheduledBundleComesOutInTheOrderItWasSent() {
        frame(0, 0, MS);
        channel(0, 1f, 0, 50 * MS, true, false);
        channel(0, 2f, 0, 50 * MS, true, false);
        channel(0, 3f, 0, 50 * MS, false, true);

        frame(1, MS, 60 * MS);

        assertEquals(List.of("value 0 1.0 @50", "value 0 2.0 @50", "value 0 3.0 @50"),
                conditioner.calls.subList(conditioner.calls.size() - 4, conditioner.calls.size() - 1));
        assertEquals(3f, snapshots.latch().value(0));
    }

    @Test
    void tooManyEarlyEventsAreDroppedAndCounted() {
        for (int i = 0; i < 5; i++) {
            channel(0, i, 0, (100 + i) * MS, false, true);
        }

        assertEquals(3, conductor.stats().scheduled());
        assertEquals(2, conductor.stats().scheduledDropped());
    }

    @Test
    void framesMoveTheConditionersTimeToTheNextFrame() {
        frame(0, 0, 16 * MS);
        frame(1, 16 * MS, 33 * MS);
        frame(2, 33 * MS, 33 * MS); // no time gained (an unpaced frame): nothing to advance

        assertEquals(List.of("advance @16", "advance @33"), conditioner.calls);
    }

    @Test
    void touchesAreAddedMovedAndRemoved() {
        touch(TouchPhase.ADDED, 7, 0.25f, 0.5f, MS);
        touch(TouchPhase.ADDED, 8, 0.75f, 0.5f, MS);
        touch(TouchPhase.UPDATED, 7, 0.3f, 0.6f, 2 * MS);

        TouchSet touches = snapshots.latch().touches();
        assertEquals(2, touches.count());
        assertEquals(7, touches.session(0));
        assertEquals(0.3f, touches.x(0));
        assertEquals(0.6f, touches.y(0));
        assertEquals(MS, touches.addedNanos(0));
        assertEquals(2 * MS, touches.updatedNanos(0));

        touch(TouchPhase.REMOVED, 7, 0, 0, 3 * MS);
        touches = snapshots.latch().touches();
        assertEquals(1, touches.count());
        assertEquals(8, touches.session(0), "the survivor keeps its order");
    }

    @Test
    void aTouchNobodyReportsAnyMoreTimesOut() {
        touch(TouchPhase.ADDED, 1, 0.5f, 0.5f, 0);
        touch(TouchPhase.ADDED, 2, 0.5f, 0.5f, 400 * MS);

        frame(0, 0, 499 * MS);
        assertEquals(2, snapshots.latch().touches().count(), "both heard from within 500 ms");

        frame(1, 499 * MS, 501 * MS);
        TouchSet touches = snapshots.latch().touches();
        assertEquals(1, touches.count());
        assertEquals(2, touches.session(0));
        assertEquals(1, conductor.stats().touchesTimedOut());
    }

    @Test
    void aFullTouchSetRefusesNewPointsAndCountsThem() {
        for (int i = 0; i < 6; i++) {
            touch(TouchPhase.ADDED, i, 0.5f, 0.5f, MS);
        }

        assertEquals(4, snapshots.latch().touches().count());
        assertEquals(2, conductor.stats().touchesRefused());
    }

    @Test
    void theDefaultTouchSetHoldsAFullHouseOfPhonesWithTwoFingersEach() {
        SnapshotExchange full = new SnapshotExchange(new float[2]);
        Conductor roomy = new Conductor(layout, full, conditioner, ConductorSettings.DEFAULT);
        for (int i = 0; i < 50 * 2; i++) {
            event.setTouch(TouchKind.CURSOR, TouchPhase.ADDED, 0, i, 0, 0.5f, 0.5f, 0, 0, 0, MS,
                    InputBatch.IMMEDIATELY, false);
            roomy.onEvent(event, i, true);
        }
        assertEquals(100, full.latch().touches().count());
        assertEquals(0, roomy.stats().touchesRefused());
    }

    @Test
    void directParameterValuesAreClampedToTheirRange() {
        event.setParameter(0, 250f, MS);
        conductor.onEvent(event, sequence++, true);

        assertEquals(100f, snapshots.latch().value(0));
    }

    @Test
    void theSameEventsGiveTheSameSnapshotWhateverTheBatching() {
        SnapshotExchange other = new SnapshotExchange(new float[2], 4);
        Conductor second = new Conductor(layout, other, new RecordingConditioner(),
                new ConductorSettings(Duration.ofMillis(500), 3, 4));
        long s = 0;
        for (int i = 0; i < 20; i++) {
            event.setChannel(i % 2, i, i * MS, i % 3 == 0 ? (i + 15) * MS : InputBatch.IMMEDIATELY, false);
            conductor.onEvent(event, s, i % 7 == 6);
            second.onEvent(event, s, true);
            s++;
            if (i % 5 == 4) {
                event.setFrame(i, i * MS, (i + 5) * MS, 0);
                conductor.onEvent(event, s, true);
                second.onEvent(event, s, true);
                s++;
            }
        }
        ParameterSnapshot a = snapshots.latch();
        ParameterSnapshot b = other.latch();
        assertEquals(a.eventsConsumed(), b.eventsConsumed());
        assertEquals(a.value(0), b.value(0));
        assertEquals(a.value(1), b.value(1));
    }

    // ---- helpers

    private void channel(int channel, float value, long arrival, long due, boolean continues, boolean endOfBatch) {
        event.setChannel(channel, value, arrival, due, continues);
        conductor.onEvent(event, sequence++, endOfBatch);
    }

    private void frame(long index, long frameNanos, long horizonNanos) {
        event.setFrame(index, frameNanos, horizonNanos, 0);
        conductor.onEvent(event, sequence++, true);
    }

    private void touch(TouchPhase phase, long session, float x, float y, long arrival) {
        event.setTouch(TouchKind.CURSOR, phase, 0, session, 0, x, y, 0, 0, 0, arrival, InputBatch.IMMEDIATELY, false);
        conductor.onEvent(event, sequence++, true);
    }

    private static final class RecordingConditioner implements ChannelConditioner {
        final List<String> calls = new ArrayList<>();

        @Override
        public void onValue(int channel, float raw, long nanos, float[] values) {
            calls.add("value " + channel + " " + raw + " @" + nanos / MS);
            values[channel] = raw;
        }

        @Override
        public void advanceTo(long nanos, float[] values) {
            calls.add("advance @" + nanos / MS);
        }
    }
}
