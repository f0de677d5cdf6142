package org.vernissage.sensors.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.phone.PhoneTestFrames.frame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.InputSelector;
import org.vernissage.engine.binding.OscSelector;
import org.vernissage.engine.binding.PhoneAggregate;
import org.vernissage.engine.binding.PhoneSelector;
import org.vernissage.engine.binding.PhoneSignal;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;
import org.vernissage.sensors.RecordingLogger;
import org.vernissage.sensors.phone.RecordingInputSink.Touch;

/**
 * The router without sockets, on a stepped clock: what each message, join, leave and tick sends
 * to the engine. Runs on the test thread, which plays the phones' event loop.
 */
class PhoneInputRouterTest {

    private static final long MS = 1_000_000L;
    private static final int SOURCE = 7;

    // Channel = index in this list; the OSC binding at 0 must be skipped but still count.
    private static final List<BindingSpec> BINDINGS = List.of(
            binding(new OscSelector("/x", 0)),
            binding(new PhoneSelector(PhoneSignal.PARTICIPANTS, PhoneAggregate.MEAN)),
            binding(new PhoneSelector(PhoneSignal.ORIENTATION_BETA, PhoneAggregate.MEAN)),
            binding(new PhoneSelector(PhoneSignal.ORIENTATION_BETA, PhoneAggregate.MIN)),
            binding(new PhoneSelector(PhoneSignal.ORIENTATION_BETA, PhoneAggregate.MAX)),
            binding(new PhoneSelector(PhoneSignal.ORIENTATION_BETA, PhoneAggregate.SUM)),
            binding(new PhoneSelector(PhoneSignal.ORIENTATION_BETA, PhoneAggregate.LATEST)),
            binding(new PhoneSelector(PhoneSignal.TOUCH_X, PhoneAggregate.MEAN)),
            binding(new PhoneSelector(PhoneSignal.MOTION_ENERGY, PhoneAggregate.MAX)),
            binding(new PhoneSelector(PhoneSignal.TOUCH_Y, PhoneAggregate.LATEST)));
    private static final int PARTICIPANTS = 1;
    private static final int BETA_MEAN = 2;
    private static final int BETA_MIN = 3;
    private static final int BETA_MAX = 4;
    private static final int BETA_SUM = 5;
    private static final int BETA_LATEST = 6;
    private static final int TOUCH_X_MEAN = 7;
    private static final int ENERGY_MAX = 8;
    private static final int TOUCH_Y_LATEST = 9;

    private final RecordingInputSink sink = new RecordingInputSink();
    private final PhoneStats stats = new PhoneStats("phones test");
    private final RecordingLogger logger = new RecordingLogger();
    private long now = 1_000 * MS;

    private static BindingSpec binding(InputSelector from) {
        return new BindingSpec(from, "p", 0, ConditioningSpec.linear(0, 1, 0, 1));
    }

    private PhoneInputRouter router(PhoneServerSettings settings) {
        return new PhoneInputRouter(settings, BINDINGS, sink, stats, logger);
    }

    private PhoneInputRouter router() {
        return router(PhoneServerSettings.defaults("127.0.0.1", 0).withTouchSource(SOURCE));
    }

    private void send(PhoneInputRouter router, PhoneParticipant p, PhoneTestFrames f) {
        router.onBinary(p, f.byteBuf(), now);
    }

    @Test
    void fingersBecomePhoneTouchesWithPhasesSessionsAndVelocity() {
        PhoneInputRouter router = router();
        PhoneParticipant first = router.join(now);
        PhoneParticipant second = router.join(now);
        assertEquals(1, first.id());
        assertEquals(2, second.id());

        send(router, second, frame().touches(0, 0.25f, 0.5f, 3, 0.75f, 0.5f));
        now += 100 * MS;
        send(router, second, frame().touches(0, 0.35f, 0.5f, 3, 0.75f, 0.25f));
        now += 100 * MS;
        send(router, second, frame().touches(3, 0.75f, 0.25f));

        List<Touch> t = sink.touches();
        assertEquals(6, t.size(), t.toString());
        for (Touch touch : t) {
            assertEquals(TouchKind.PHONE, touch.kind());
            assertEquals(SOURCE, touch.source());
        }
        assertEquals(new Touch(TouchKind.PHONE, TouchPhase.ADDED, SOURCE, 2 * 16, 0.25f, 0.5f, 0, 0, 1_000 * MS, 1),
                t.get(0));
        assertEquals(2 * 16 + 3, t.get(1).session());
        assertEquals(TouchPhase.ADDED, t.get(1).phase());
        assertEquals(t.get(0).batch(), t.get(1).batch(), "one message, one all-or-nothing batch");
        assertEquals(TouchPhase.UPDATED, t.get(2).phase());
        assertEquals(0.35f, t.get(2).x());
        assertEquals(1.0f, t.get(2).vx(), 1e-5f, "0.1 of the width in 100 ms");
        assertEquals(0f, t.get(2).vy());
        assertEquals(-2.5f, t.get(3).vy(), 1e-5f);
        // The third list names slot 3 only: slot 3 is UPDATED (still, so no velocity), slot 0 REMOVED.
        assertEquals(new Touch(TouchKind.PHONE, TouchPhase.UPDATED, SOURCE, 2 * 16 + 3, 0.75f, 0.25f, 0, 0, now, 3),
                t.get(4));
        assertEquals(new Touch(TouchKind.PHONE, TouchPhase.REMOVED, SOURCE, 2 * 16, 0.35f, 0.5f, 0, 0, now, 3),
                t.get(5));
        assertEquals(0, sink.touches().stream().filter(touch -> touch.session() < 32).count(),
                "the first phone touched nothing");
    }

    @Test
    void aHeldFingerIsResentAtLeastEvery250msAndDropsAfterASilence() {
        PhoneInputRouter router = router();
        PhoneParticipant p = router.join(now);
        send(router, p, frame().touches(1, 0.5f, 0.5f));
        long lastSent = now;
        // The server ticks every 50 ms; the page re-sends its list every 250 ms, here not at all.
        long ticksBeforeSilence = PhoneInputRouter.TOUCH_SILENCE_NANOS / (PhoneInputRouter.TICK_MILLIS * MS) - 1;
        for (int tick = 0; tick < ticksBeforeSilence; tick++) {
            now += PhoneInputRouter.TICK_MILLIS * MS;
            router.tick(now);
            List<Touch> t = sink.touches();
            Touch latest = t.get(t.size() - 1);
            if (latest.arrivalNanos() == now) {
                assertEquals(TouchPhase.UPDATED, latest.phase());
                assertEquals(0.5f, latest.x());
                lastSent = now;
            }
            assertTrue(now - lastSent <= 250 * MS, "not re-sent for " + (now - lastSent) / MS + " ms");
        }
        assertTrue(sink.touches().stream().noneMatch(t -> t.phase() == TouchPhase.REMOVED));
        // Past the touch silence without a touch record from the phone: its finger is lifted.
        now += 2 * PhoneInputRouter.TICK_MILLIS * MS;
        router.tick(now);
        Touch last = sink.touches().get(sink.touches().size() - 1);
        assertEquals(TouchPhase.REMOVED, last.phase());
        assertEquals(16 + 1, last.session());
        assertEquals(0, p.touchCount);
    }

    @Test
    void thePagesRepeatedListKeepsTheFingerAndTheServerDoesNotResendWhatIsFresh() {
        PhoneInputRouter router = router();
        PhoneParticipant p = router.join(now);
        for (int i = 0; i < 8; i++) {
            send(router, p, frame().touches(0, 0.5f, 0.5f));
            now += 100 * MS;
            router.tick(now);
        }
        long removed = sink.touches().stream().filter(t -> t.phase() == TouchPhase.REMOVED).count();
        long refreshes = sink.touches().stream()
                .filter(t -> t.phase() == TouchPhase.UPDATED && t.arrivalNanos() % (100 * MS) != 0).count();
        assertEquals(0, removed);
        assertEquals(0, refreshes, "every 100 ms a fresh report arrived; no tick re-sent");
    }

    @Test
    void leavingLiftsEveryFingerOfThatPhoneOnly() {
        PhoneInputRouter router = router();
        PhoneParticipant a = router.join(now);
        PhoneParticipant b = router.join(now);
        send(router, a, frame().touches(0, 0.1f, 0.1f, 1, 0.2f, 0.2f));
        send(router, b, frame().touches(0, 0.9f, 0.9f));
        sink.clear();
        router.leave(a, now);
        List<Touch> t = sink.touches();
        assertEquals(2, t.size());
        assertTrue(t.stream().allMatch(touch -> touch.phase() == TouchPhase.REMOVED));
        assertEquals(List.of(16L, 17L), t.stream().map(Touch::session).toList());
        assertEquals(1f, sink.last(PARTICIPANTS));
        assertEquals(0.9f, sink.last(TOUCH_X_MEAN), "the mean now counts the remaining phone only");
    }

    @Test
    void aggregatesOverThePhonesThatReportTheSignal() {
        PhoneInputRouter router = router();
        PhoneParticipant a = router.join(now);
        PhoneParticipant b = router.join(now);
        PhoneParticipant c = router.join(now); // a desktop: never reports orientation
        assertEquals(3f, sink.last(PARTICIPANTS));
        assertEquals(List.of(), sink.values(BETA_MEAN), "no phone reports beta: no mean");
        assertEquals(List.of(0f), sink.values(BETA_SUM), "a sum over nobody is 0");

        send(router, a, frame().orientation(0, 10, 0));
        send(router, b, frame().orientation(0, -30, 0));
        assertEquals(-10f, sink.last(BETA_MEAN));
        assertEquals(-30f, sink.last(BETA_MIN));
        assertEquals(10f, sink.last(BETA_MAX));
        assertEquals(-20f, sink.last(BETA_SUM));
        assertEquals(-30f, sink.last(BETA_LATEST));

        send(router, a, frame().orientation(0, 10, 0).motion(3, 4, 0));
        assertEquals(List.of(10f, -10f), sink.values(BETA_MEAN), "an unchanged value is not offered again");
        assertEquals(10f, sink.last(BETA_LATEST), "latest: whoever reported last");
        assertEquals(5f, sink.last(ENERGY_MAX), "energy is the length of the acceleration");

        send(router, c, frame().touches(0, 0.3f, 0.8f));
        assertEquals(0.3f, sink.last(TOUCH_X_MEAN));
        assertEquals(0.8f, sink.last(TOUCH_Y_LATEST));

        router.leave(b, now);
        assertEquals(10f, sink.last(BETA_MEAN));
        assertEquals(10f, sink.last(BETA_LATEST), "latest stays after its phone left");
        assertEquals(2f, sink.last(PARTICIPANTS));
    }

    @Test
    void orientationAndMotionAPhoneStopsReportingNoLongerCount() {
        PhoneInputRouter router = router();
        PhoneParticipant a = router.join(now);
        PhoneParticipant b = router.join(now);
        send(router, a, frame().motion(0, 0, 12));
        send(router, b, frame().motion(0, 0, 2));
        assertEquals(12f, sink.last(ENERGY_MAX));
        for (int i = 0; i < 12; i++) {
            now += 100 * MS;
            send(router, b, frame().motion(0, 0, 2)); // b keeps reporting, a froze mid-shake
            router.tick(now);
        }
        assertEquals(2f, sink.last(ENERGY_MAX), "a's stuck shake must not hold the maximum");
    }

    @Test
    void fingersBeyondThePerPhoneLimitAreIgnoredAndCounted() {
        PhoneInputRouter router = router(PhoneServerSettings.defaults("127.0.0.1", 0).withMaxTouchesPerPhone(2));
        PhoneParticipant p = router.join(now);
        send(router, p, frame().touches(0, 0.1f, 0.1f, 1, 0.2f, 0.2f, 2, 0.3f, 0.3f, 3, 0.4f, 0.4f));
        assertEquals(2, sink.touches().size());
        assertEquals(2, stats.touchesIgnored());
        assertEquals(2, p.touchCount);
    }

    @Test
    void theRoomHasALimitAndANumberIsNeverReused() {
        PhoneInputRouter router = router(PhoneServerSettings.defaults("127.0.0.1", 0).withMaxParticipants(2));
        PhoneParticipant a = router.join(now);
        assertNotNull(router.join(now));
        assertNull(router.join(now));
        assertEquals(1, stats.participantsRefused());
        router.leave(a, now);
        PhoneParticipant c = router.join(now);
        assertEquals(3, c.id());
        assertEquals(2, stats.participantsConnected());
        assertEquals(3, stats.participantsJoined());
    }

    @Test
    void aFloodIsCutToTheRateAndTheRestCounted() {
        PhoneInputRouter router = router(PhoneServerSettings.defaults("127.0.0.1", 0).withMaxMessagesPerSecond(5));
        PhoneParticipant p = router.join(now);
        for (int i = 0; i < 20; i++) {
            send(router, p, frame().orientation(0, i, 0));
        }
        assertEquals(20, stats.received());
        assertEquals(15, stats.dropped(PhoneDrop.RATE_LIMIT));
        assertEquals(List.of(0f, 1f, 2f, 3f, 4f), sink.values(BETA_LATEST));
        now += 1_000 * MS;
        send(router, p, frame().orientation(0, 42, 0));
        assertEquals(42f, sink.last(BETA_LATEST));
        assertEquals(1, logger.count("RATE_LIMIT"), "logged once: " + logger.snapshot());
    }

    @Test
    void malformedMessagesAreRejectedCountedAndLoggedOncePerKind() {
        PhoneInputRouter router = router();
        PhoneParticipant p = router.join(now);
        for (int i = 0; i < 3; i++) {
            send(router, p, frame().raw('Z'));
            send(router, p, frame().touches(0, 2f, 0.5f));
            router.onUnexpected(PhoneRejection.TEXT_FRAME, now);
        }
        assertEquals(9, stats.rejected());
        assertEquals(3, stats.rejected(PhoneRejection.UNKNOWN_RECORD));
        assertEquals(3, stats.rejected(PhoneRejection.OUT_OF_RANGE));
        assertEquals(3, stats.rejected(PhoneRejection.TEXT_FRAME));
        assertEquals(3, logger.snapshot().size(), logger.snapshot().toString());
        assertEquals(1, logger.count("UNKNOWN_RECORD at byte 1"));
        assertTrue(logger.snapshot().stream().noneMatch(line -> line.contains("127.0.0.1")),
                "nothing identifying a phone is logged");
        assertEquals(List.of(), sink.touches(), "nothing of a refused message applies");
    }

    @Test
    void aFullRingIsCountedAndTheValueRetriedOnTheNextTick() {
        PhoneInputRouter router = router();
        PhoneParticipant p = router.join(now);
        sink.full = true;
        send(router, p, frame().orientation(0, 33, 0).touches(0, 0.5f, 0.5f));
        assertTrue(stats.dropped(PhoneDrop.RING_FULL) > 0);
        sink.full = false;
        now += PhoneInputRouter.TICK_MILLIS * MS;
        router.tick(now);
        assertEquals(33f, sink.last(BETA_MEAN), "the refused value went out again");
        now += 200 * MS;
        router.tick(now);
        assertTrue(sink.touches().stream().anyMatch(t -> t.phase() == TouchPhase.UPDATED && t.session() == 16),
                "the live finger reaches the engine with the next refresh");
    }
}
