package org.vernissage.sensors.tuio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.tuio.DecoderHarness.OTHER_TRACKER;
import static org.vernissage.sensors.tuio.DecoderHarness.TRACKER;
import static org.vernissage.sensors.tuio.TuioTestEncoder.blobs;
import static org.vernissage.sensors.tuio.TuioTestEncoder.bundle;
import static org.vernissage.sensors.tuio.TuioTestEncoder.cursors;
import static org.vernissage.sensors.tuio.TuioTestEncoder.message;
import static org.vernissage.sensors.tuio.TuioTestEncoder.objects;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;
import org.vernissage.sensors.tuio.RecordingSink.Touch;

/** TUIO 1.1 (/tuio/2Dcur, 2Dobj, 2Dblb) frames into touch batches, against a recording sink. */
class Tuio11DecoderTest {

    private final DecoderHarness h = new DecoderHarness();

    @AfterEach
    void everyMessageIsAccountedFor() {
        assertTrue(h.countersAddUp(), h.stats.toString());
    }

    @Test
    void aCursorIsAddedUpdatedAndRemovedWithItsVelocity() {
        h.feed(cursors().alive(7).cursor(7, 0.25f, 0.75f, 0.5f, -0.5f).fseq(1));
        Touch added = single(h.sink.last());
        assertEquals(new Touch(TouchKind.CURSOR, TouchPhase.ADDED, 0, 7, TuioDecoder.NO_CLASS, 0.25f, 0.75f, 0f,
                0.5f, -0.5f, h.clock.nanos()), added);

        h.advanceMillis(16);
        h.feed(cursors().alive(7).cursor(7, 0.3f, 0.7f, 3f, -3f).fseq(2));
        Touch updated = single(h.sink.last());
        assertEquals(TouchPhase.UPDATED, updated.phase());
        assertEquals(0.3f, updated.x());
        assertEquals(0.7f, updated.y());
        assertEquals(3f, updated.vx());
        assertEquals(-3f, updated.vy());
        assertEquals(h.clock.nanos(), updated.arrivalNanos());

        h.feed(cursors().alive().fseq(3));
        assertEquals(List.of("REMOVED CURSOR 0/7"), h.sink.lastKeys());
        assertEquals(3, h.sink.batches.size(), "one batch per frame");
        assertEquals(3, h.stats.framesApplied());
        assertEquals(0, h.stats.rejected());
    }

    @Test
    void aFrameIsOneBatchWithRemovalsFirst() {
        h.feed(cursors().alive(1, 2).cursor(1, 0.1f, 0.1f, 0, 0).cursor(2, 0.2f, 0.2f, 0, 0).fseq(1));
        assertEquals(List.of("ADDED CURSOR 0/1", "ADDED CURSOR 0/2"), h.sink.lastKeys());

        // TUIO 1.1 sends set messages only for what moved: session 2 stays without a set.
        h.feed(cursors().alive(2, 3).cursor(3, 0.3f, 0.3f, 0, 0).fseq(2));
        assertEquals(List.of("REMOVED CURSOR 0/1", "ADDED CURSOR 0/3"), h.sink.lastKeys());
    }

    @Test
    void objectsCarryTheirClassIdAndAngle() {
        h.feed(objects().alive(12).object(12, 42, 0.5f, 0.25f, 1.5f, 0.1f, 0.2f).fseq(1));
        Touch object = single(h.sink.last());
        assertEquals(TouchKind.OBJECT, object.kind());
        assertEquals(TouchPhase.ADDED, object.phase());
        assertEquals(42, object.classId());
        assertEquals(1.5f, object.angle());
        assertEquals(0.1f, object.vx());
        assertEquals(0.2f, object.vy());

        h.feed(objects().alive(12).object(12, 42, 0.5f, 0.25f, 3.0f, 0, 0).fseq(2));
        assertEquals(3.0f, single(h.sink.last()).angle());
        assertEquals(42, single(h.sink.last()).classId());
    }

    @Test
    void blobsCarryTheirAngleAndVelocity() {
        h.feed(blobs().alive(3).blob(3, 0.4f, 0.6f, 0.75f, -1f, 1f).fseq(1));
        Touch blob = single(h.sink.last());
        assertEquals(TouchKind.BLOB, blob.kind());
        assertEquals(TuioDecoder.NO_CLASS, blob.classId());
        assertEquals(0.75f, blob.angle());
        assertEquals(-1f, blob.vx());
        assertEquals(1f, blob.vy());
    }

    @Test
    void profilesHaveTheirOwnAliveListsAndFrameNumbers() {
        // reacTIVision numbers its object and cursor bundles of one camera frame alike.
        h.feed(objects().alive(1).object(1, 5, 0.5f, 0.5f, 0, 0, 0).fseq(10));
        h.feed(cursors().alive(2).cursor(2, 0.1f, 0.1f, 0, 0).fseq(10));
        assertEquals(List.of("ADDED CURSOR 0/2"), h.sink.lastKeys(), "same fseq, other profile: applied");

        h.feed(cursors().alive().fseq(11));
        assertEquals(List.of("REMOVED CURSOR 0/2"), h.sink.lastKeys(), "a cursor alive list never removes objects");
        assertEquals(3, h.stats.framesApplied());
    }

    @Test
    void positionsAreClampedIntoTheSurface() {
        h.feed(cursors().alive(1).cursor(1, -0.02f, 1.05f, 0, 0).fseq(1));
        assertEquals(0f, single(h.sink.last()).x());
        assertEquals(1f, single(h.sink.last()).y());
    }

    // ---- late, duplicate, split and restarted frames ----------------------------------------

    @Test
    void lateAndDuplicateFramesAreDroppedAndCounted() {
        h.feed(cursors().alive(1).cursor(1, 0.5f, 0.5f, 0, 0).fseq(10));
        h.feed(cursors().alive(1).cursor(1, 0.4f, 0.5f, 0, 0).fseq(9));
        h.feed(cursors().alive(1).cursor(1, 0.5f, 0.5f, 0, 0).fseq(10));
        assertEquals(1, h.sink.batches.size(), "neither the late nor the repeated frame reached the engine");
        assertEquals(2, h.stats.framesDropped());
        assertEquals(3, h.stats.dropped(TuioDropReason.LATE_FRAME), "alive, set and fseq of frame 9");
        assertEquals(3, h.stats.dropped(TuioDropReason.DUPLICATE_FRAME));
        assertEquals(1, h.logger.containing("LATE_FRAME").size());

        h.feed(cursors().alive(1).cursor(1, 0.6f, 0.5f, 0, 0).fseq(11));
        assertEquals(0.6f, single(h.sink.last()).x(), "the next frame applies");
    }

    @Test
    void fseqMinusOneIsAlwaysAppliedAndDoesNotMoveTheFrameNumber() {
        h.feed(cursors().alive(1).cursor(1, 0.5f, 0.5f, 0, 0).fseq(10));
        h.feed(cursors().alive(1).cursor(1, 0.1f, 0.1f, 0, 0).fseq(-1));
        assertEquals(0.1f, single(h.sink.last()).x());
        h.feed(cursors().alive(1).cursor(1, 0.2f, 0.2f, 0, 0).fseq(-1));
        assertEquals(0.2f, single(h.sink.last()).x(), "redundant frames are never duplicates of each other");

        h.feed(cursors().alive(1).cursor(1, 0.9f, 0.5f, 0, 0).fseq(10));
        assertEquals(1, h.stats.dropped(TuioDropReason.DUPLICATE_FRAME) / 3, "frame 10 is still the last one");
        h.feed(cursors().alive(1).cursor(1, 0.3f, 0.5f, 0, 0).fseq(11));
        assertEquals(0.3f, single(h.sink.last()).x());
    }

    @Test
    void aFrameSplitOverTwoBundlesAppliesBothPartsButNotARepeat() {
        byte[] first = cursors().alive(1, 2, 3).cursor(1, 0.1f, 0.1f, 0, 0).cursor(2, 0.2f, 0.2f, 0, 0).fseq(7);
        byte[] second = cursors().alive(1, 2, 3).cursor(3, 0.3f, 0.3f, 0, 0).fseq(7);
        h.feed(first);
        assertEquals(List.of("ADDED CURSOR 0/1", "ADDED CURSOR 0/2"), h.sink.lastKeys(),
                "session 3 is alive but has no position yet");
        h.feed(second);
        assertEquals(List.of("ADDED CURSOR 0/3"), h.sink.lastKeys());

        h.feed(second);
        h.feed(first);
        assertEquals(2, h.sink.batches.size(), "repeats of either part are dropped");
        assertEquals(2, h.stats.framesDropped());
    }

    @Test
    void aRestartedTrackerIsAcceptedAfterASilenceAndStartsClean() {
        h.feed(cursors().alive(100).cursor(100, 0.5f, 0.5f, 0, 0).fseq(500));
        h.advanceMillis(100);
        h.feed(cursors().alive(1).cursor(1, 0.2f, 0.2f, 0, 0).fseq(450));
        assertEquals(1, h.sink.batches.size(), "50 frames back without a silence: late");

        h.advanceMillis(600);
        h.feed(cursors().alive(1).cursor(1, 0.2f, 0.2f, 0, 0).fseq(1));
        assertEquals(List.of("REMOVED CURSOR 0/100", "ADDED CURSOR 0/1"), h.sink.lastKeys());
        h.feed(cursors().alive(1).cursor(1, 0.3f, 0.2f, 0, 0).fseq(2));
        assertEquals(List.of("UPDATED CURSOR 0/1"), h.sink.lastKeys(), "numbering goes on from the restart");
    }

    @Test
    void aBigJumpBackIsARestartEvenWithoutASilence() {
        h.feed(cursors().alive(100).cursor(100, 0.5f, 0.5f, 0, 0).fseq(5000));
        h.feed(cursors().alive(1).cursor(1, 0.2f, 0.2f, 0, 0).fseq(3));
        assertEquals(List.of("REMOVED CURSOR 0/100", "ADDED CURSOR 0/1"), h.sink.lastKeys());
    }

    // ---- sources ----------------------------------------------------------------------------

    @Test
    void sourcesAreToldApartBySenderAndDeclaredName() {
        h.feed(TRACKER, cursors().source("TABLE@10.0.0.5").alive(1).cursor(1, 0.1f, 0.1f, 0, 0).fseq(1));
        h.feed(OTHER_TRACKER, cursors().source("TABLE@10.0.0.5").alive(1).cursor(1, 0.2f, 0.2f, 0, 0).fseq(1));
        h.feed(TRACKER, cursors().source("CAMERA@10.0.0.5").alive(1).cursor(1, 0.3f, 0.3f, 0, 0).fseq(1));
        h.feed(TRACKER, cursors().source("TABLE@10.0.0.5").alive(1).cursor(1, 0.4f, 0.4f, 0, 0).fseq(2));
        assertEquals(List.of("ADDED CURSOR 0/1", "ADDED CURSOR 1/1", "ADDED CURSOR 2/1", "UPDATED CURSOR 0/1"),
                h.sink.batches.stream().map(b -> b.get(0).key()).toList());
        assertEquals(3, h.stats.sourcesSeen());
        assertEquals(3, h.logger.containing("new TUIO source").size());
    }

    @Test
    void aForgottenSourceGetsItsIdBackAndANewOneTakesTheStalestSlot() {
        TuioSettings two = new TuioSettings(2, 64, Duration.ofMillis(200), Duration.ofSeconds(2),
                Duration.ofMillis(500), 100, 10);
        DecoderHarness small = new DecoderHarness(two);
        small.feed(TRACKER, cursors().alive(1).cursor(1, 0.1f, 0.1f, 0, 0).fseq(1));
        small.feed(OTHER_TRACKER, cursors().alive(1).cursor(1, 0.1f, 0.1f, 0, 0).fseq(1));
        var third = new java.net.InetSocketAddress("10.0.0.7", 50_000);
        small.feed(third, cursors().alive(1).cursor(1, 0.1f, 0.1f, 0, 0).fseq(1));
        assertEquals(2, small.sink.batches.size(), "both slots are active: the third source is dropped");
        assertEquals(3, small.stats.dropped(TuioDropReason.SOURCE_OVERFLOW));

        small.advanceMillis(1000);
        small.feed(OTHER_TRACKER, cursors().alive(1).cursor(1, 0.2f, 0.1f, 0, 0).fseq(2));
        small.advanceMillis(1500);
        small.tick(); // TRACKER silent 2.5 s: forgotten; OTHER_TRACKER 1.5 s: still active
        assertEquals(1, small.stats.sourcesForgotten());
        small.feed(third, cursors().alive(1).cursor(1, 0.3f, 0.1f, 0, 0).fseq(1));
        assertEquals("ADDED CURSOR 10/1", small.sink.last().get(0).key(), "the forgotten slot, id base 10");
        assertTrue(small.countersAddUp());
    }

    // ---- keeping points alive ---------------------------------------------------------------

    @Test
    void unchangedAlivePointsAreResentEveryKeepaliveInterval() {
        h.feed(cursors().alive(1, 2).cursor(1, 0.1f, 0.2f, 0.5f, 0).cursor(2, 0.3f, 0.4f, 0, 0).fseq(1));
        int batches = h.sink.batches.size();
        h.advanceMillis(150);
        h.tick();
        assertEquals(batches, h.sink.batches.size(), "nothing is due after 150 ms");

        h.advanceMillis(50);
        h.tick();
        assertEquals(List.of("UPDATED CURSOR 0/1", "UPDATED CURSOR 0/2"), h.sink.lastKeys());
        Touch resent = h.sink.last().get(0);
        assertEquals(0.1f, resent.x());
        assertEquals(0.2f, resent.y());
        assertEquals(0.5f, resent.vx(), "as last reported");
        assertEquals(h.clock.nanos(), resent.arrivalNanos(), "stamped now: the engine's touch timeout restarts");
        assertEquals(1, h.stats.keepalivesSent());

        // A frame that sets only point 2 re-sends point 1 in the same batch when it is due.
        h.advanceMillis(200);
        h.feed(cursors().alive(1, 2).cursor(2, 0.35f, 0.4f, 0, 0).fseq(2));
        assertEquals(List.of("UPDATED CURSOR 0/2", "UPDATED CURSOR 0/1"), h.sink.lastKeys());
        h.tick();
        assertEquals(List.of("UPDATED CURSOR 0/2", "UPDATED CURSOR 0/1"), h.sink.lastKeys(), "nothing more due");
    }

    @Test
    void keepalivesLastUntilTheSourceIsSilentForTheTimeoutThenItIsForgotten() {
        h.feed(cursors().alive(1).cursor(1, 0.1f, 0.2f, 0, 0).fseq(41));
        for (int step = 1; step <= 9; step++) {
            h.advanceMillis(200);
            h.tick();
        }
        assertEquals(9, h.stats.keepalivesSent(), "1.8 s of silence: still kept alive");
        h.advanceMillis(200);
        h.tick();
        assertEquals(9, h.stats.keepalivesSent(), "2 s of silence: no longer");
        assertEquals(1, h.stats.sourcesForgotten());
        assertEquals(1, h.logger.containing("silent for 2000 ms").size());
        h.advanceMillis(1000);
        h.tick();
        assertEquals(9, h.stats.keepalivesSent());

        // The same tracker back, numbering from 1 again: it starts clean, its points are new.
        h.feed(cursors().alive(1).cursor(1, 0.5f, 0.5f, 0, 0).fseq(1));
        assertEquals(List.of("ADDED CURSOR 0/1"), h.sink.lastKeys());
    }

    @Test
    void aRefusedFrameIsCountedAsDroppedAndItsPointsAreResentWhenTheRingHasRoom() {
        h.feed(cursors().alive(1).cursor(1, 0.1f, 0.1f, 0, 0).fseq(1));
        h.sink.refuse = true;
        h.feed(cursors().alive(1, 2).cursor(2, 0.2f, 0.2f, 0, 0).fseq(2));
        assertEquals(3, h.stats.dropped(TuioDropReason.RING_FULL), "alive, set and fseq");
        assertEquals(1, h.stats.framesDropped());
        h.tick();
        assertEquals(1, h.stats.keepalivesRefused());
        assertEquals(h.stats.droppedMessages() + 1, h.stats.dropped());

        h.sink.refuse = false;
        h.tick();
        assertEquals(List.of("UPDATED CURSOR 0/1", "UPDATED CURSOR 0/2"), h.sink.lastKeys(),
                "every point again, so the engine learns of point 2 without waiting");
    }

    // ---- bad input --------------------------------------------------------------------------

    @Test
    void aSetForASessionNotAliveIsRejectedAndTheRestOfTheFrameApplies() {
        h.feed(cursors().alive(1).cursor(1, 0.1f, 0.1f, 0, 0).cursor(2, 0.2f, 0.2f, 0, 0).fseq(1));
        assertEquals(List.of("ADDED CURSOR 0/1"), h.sink.lastKeys());
        assertEquals(1, h.stats.rejected(TuioRejection.NOT_ALIVE));
        assertEquals(3, h.stats.applied(), "alive, the good set, fseq");
        List<String> logged = h.logger.containing("NOT_ALIVE");
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).contains("/tuio/2Dcur") && logged.get(0).contains("session 2"), logged.get(0));
    }

    @Test
    void malformedMessagesAreRejectedPerReasonLoggedOnceAndTheAdapterKeepsGoing() {
        for (int round = 0; round < 2; round++) {
            int n = 10 * round;
            // wrong count: a 2Dcur set without its acceleration
            h.feed(cursors().alive(1).raw(message("/tuio/2Dcur").s("set").i(1).floats(0.1f, 0.1f, 0f, 0f))
                    .fseq(n + 1));
            // wrong type: the position as an int
            h.feed(cursors().alive(1).raw(message("/tuio/2Dcur").s("set").i(1).i(0).f(0.1f).floats(0f, 0f, 0f))
                    .fseq(n + 2));
            h.feed(cursors().alive(1).cursor(1, Float.NaN, 0.1f, 0, 0).fseq(n + 3));
            h.feed(cursors().alive(1).cursor(1, 0.1f, 0.1f, Float.POSITIVE_INFINITY, 0).fseq(n + 4));
            h.feed(bundle(message("/tuio/25Dcur").s("alive").bytes()));
            h.feed(cursors().alive(1).raw(message("/tuio/2Dcur").s("move").i(1)).fseq(n + 5));
            h.feed(cursors().alive(1).raw(message("/tuio/2Dcur").i(1)).fseq(n + 6));
            h.feed(cursors().alive(1).cursor(1, 0.1f, 0.1f, 0, 0).withoutFseq());
            h.feed(cursors().cursor(1, 0.1f, 0.1f, 0, 0).fseq(n + 7));
            h.feed(cursors().alive(1).raw(message("/tuio/2Dcur").s("alive").f(1f)).fseq(n + 8));
            assertFalse(h.feed(new byte[] {'#', 'b', 'u', 'g'}));
        }
        assertEquals(2 * 3, h.stats.rejected(TuioRejection.BAD_ARGUMENTS), "count, type, alive with a float");
        assertEquals(2 * 2, h.stats.rejected(TuioRejection.NOT_FINITE));
        assertEquals(2, h.stats.rejected(TuioRejection.UNKNOWN_PROFILE));
        assertEquals(2 * 2, h.stats.rejected(TuioRejection.UNKNOWN_COMMAND));
        assertEquals(2 * 2, h.stats.rejected(TuioRejection.INCOMPLETE_FRAME), "alive and set of the open frame");
        assertEquals(2 * 2, h.stats.rejected(TuioRejection.NO_ALIVE), "set and fseq of the frame");
        assertEquals(2, h.stats.rejected(TuioRejection.MALFORMED_OSC));
        assertEquals(0, h.stats.rejected(TuioRejection.NOT_ALIVE));
        assertTrue(h.sink.batches.isEmpty(), "no bad message made it into a touch: " + h.sink.batches);

        for (TuioRejection reason : List.of(TuioRejection.BAD_ARGUMENTS, TuioRejection.NOT_FINITE,
                TuioRejection.UNKNOWN_PROFILE, TuioRejection.UNKNOWN_COMMAND, TuioRejection.INCOMPLETE_FRAME,
                TuioRejection.NO_ALIVE, TuioRejection.MALFORMED_OSC)) {
            assertEquals(1, h.logger.containing(": " + reason).size(), reason + " logged once: " + h.logger.snapshot());
        }
        String badArguments = h.logger.containing(": BAD_ARGUMENTS").get(0);
        assertTrue(badArguments.contains("/tuio/2Dcur ,sifff") && badArguments.contains("expected set s x y X Y m")
                && badArguments.contains("10.0.0.5"), badArguments);
        assertTrue(h.logger.containing(": UNKNOWN_PROFILE").get(0).contains("/tuio/25Dcur"));

        h.feed(cursors().alive(1).cursor(1, 0.5f, 0.5f, 0, 0).fseq(100));
        assertEquals(List.of("ADDED CURSOR 0/1"), h.sink.lastKeys(), "still decoding");
    }

    @Test
    void sessionsBeyondTheLimitAreDroppedAndCounted() {
        TuioSettings two = new TuioSettings(8, 2, Duration.ofMillis(200), Duration.ofSeconds(2),
                Duration.ofMillis(500), 100, 0);
        DecoderHarness small = new DecoderHarness(two);
        small.feed(cursors().alive(1, 2, 3).cursor(1, 0.1f, 0.1f, 0, 0).cursor(2, 0.2f, 0.2f, 0, 0)
                .cursor(3, 0.3f, 0.3f, 0, 0).fseq(1));
        assertEquals(List.of("ADDED CURSOR 0/1", "ADDED CURSOR 0/2"), small.sink.lastKeys());
        assertEquals(1, small.stats.dropped(TuioDropReason.SESSION_OVERFLOW));
        small.feed(cursors().alive(2, 3).cursor(3, 0.3f, 0.3f, 0, 0).fseq(2));
        assertEquals(List.of("REMOVED CURSOR 0/1", "ADDED CURSOR 0/3"), small.sink.lastKeys(), "room again");
        assertTrue(small.countersAddUp());
    }

    private static Touch single(List<Touch> batch) {
        assertEquals(1, batch.size(), "one event expected: " + batch);
        return batch.get(0);
    }
}
