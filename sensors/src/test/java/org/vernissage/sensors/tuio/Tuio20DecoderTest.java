package org.vernissage.sensors.tuio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.tuio.DecoderHarness.TRACKER;
import static org.vernissage.sensors.tuio.TuioTestEncoder.bundle;
import static org.vernissage.sensors.tuio.TuioTestEncoder.frame2;
import static org.vernissage.sensors.tuio.TuioTestEncoder.message;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;
import org.vernissage.sensors.tuio.RecordingSink.Touch;

/** TUIO 2.0 (/tuio2/frm ptr tok bnd alv) frames into touch batches, against a recording sink. */
class Tuio20DecoderTest {

    private static final String SOURCE = "RCTV:0@0x0A000005";

    private final DecoderHarness h = new DecoderHarness();

    @AfterEach
    void everyMessageIsAccountedFor() {
        assertTrue(h.countersAddUp(), h.stats.toString());
    }

    @Test
    void aPointerIsAddedUpdatedAndRemovedWithItsVelocity() {
        h.feed(frame2(1, SOURCE).pointer(537, 0.163f, 0.396f, 1.24f, 0.5f, 0.25f).alive(537));
        assertEquals(new Touch(TouchKind.CURSOR, TouchPhase.ADDED, 0, 537, TuioDecoder.NO_CLASS, 0.163f, 0.396f,
                1.24f, 0.5f, 0.25f, h.clock.nanos()), single(h.sink.last()));

        h.advanceMillis(16);
        h.feed(frame2(2, SOURCE).pointer(537, 0.2f, 0.4f, 1.0f, 2f, 0.5f).alive(537));
        Touch updated = single(h.sink.last());
        assertEquals(TouchPhase.UPDATED, updated.phase());
        assertEquals(0.2f, updated.x());
        assertEquals(2f, updated.vx());
        assertEquals(0.5f, updated.vy());

        h.feed(frame2(3, SOURCE).alive());
        assertEquals(List.of("REMOVED CURSOR 0/537"), h.sink.lastKeys());
    }

    @Test
    void aPointerWithoutMotionAttributesHasNoVelocity() {
        h.feed(frame2(1, SOURCE).pointer(1, 0.5f, 0.5f).alive(1));
        Touch pointer = single(h.sink.last());
        assertEquals(0f, pointer.vx());
        assertEquals(0f, pointer.vy());
    }

    @Test
    void tokensAreObjectsWithTheirComponentIdAsClassAndTheirAngle() {
        h.feed(frame2(1, SOURCE).token(123, 82, 0.635f, 0.758f, 0.32f, 0.1f, 0f).alive(123));
        Touch token = single(h.sink.last());
        assertEquals(TouchKind.OBJECT, token.kind());
        assertEquals(82, token.classId());
        assertEquals(0.32f, token.angle());
        assertEquals(0.1f, token.vx());
    }

    @Test
    void boundsAloneAreABlobButBoundsOfATokenAreItsGeometry() {
        h.feed(frame2(1, SOURCE).bounds(995, 0.194f, 0.778f, 0.64f)
                .token(123, 82, 0.6f, 0.7f, 0.3f, 0, 0).bounds(123, 0.6f, 0.7f, 0.3f).alive(995, 123));
        assertEquals(List.of("ADDED BLOB 0/995", "ADDED OBJECT 0/123"), h.sink.lastKeys());
        assertEquals(0.64f, h.sink.last().get(0).angle());
        assertEquals(5, h.stats.applied(), "frm, bnd, tok, bnd, alv");

        h.feed(frame2(2, SOURCE).bounds(123, 0.61f, 0.7f, 0.3f).alive(995, 123));
        assertEquals(1, h.sink.batches.size(), "bounds update a known token's geometry only: nothing to send");
    }

    @Test
    void aBlobThatTurnsOutToBeATokenIsRemovedAndAddedAsAnObject() {
        h.feed(frame2(1, SOURCE).bounds(5, 0.5f, 0.5f, 0f).alive(5));
        h.feed(frame2(2, SOURCE).token(5, 7, 0.5f, 0.5f, 0f, 0, 0).bounds(5, 0.5f, 0.5f, 0f).alive(5));
        assertEquals(List.of("REMOVED BLOB 0/5", "ADDED OBJECT 0/5"), h.sink.lastKeys());
    }

    @Test
    void lateAndDuplicateFramesAreDroppedAndFrameIdZeroIsAlwaysApplied() {
        h.feed(frame2(20, SOURCE).pointer(1, 0.5f, 0.5f).alive(1));
        h.feed(frame2(19, SOURCE).pointer(1, 0.4f, 0.5f).alive(1));
        h.feed(frame2(20, SOURCE).pointer(1, 0.5f, 0.5f).alive(1));
        assertEquals(1, h.sink.batches.size());
        assertEquals(3, h.stats.dropped(TuioDropReason.LATE_FRAME), "frm, ptr, alv");
        assertEquals(3, h.stats.dropped(TuioDropReason.DUPLICATE_FRAME));

        h.feed(frame2(0, SOURCE).pointer(1, 0.1f, 0.5f).alive(1));
        assertEquals(0.1f, single(h.sink.last()).x(), "frame id 0 is reserved: unnumbered, applied");
        h.feed(frame2(21, SOURCE).pointer(1, 0.2f, 0.5f).alive(1));
        assertEquals(0.2f, single(h.sink.last()).x());
    }

    @Test
    void frameIdsAreUnsigned() {
        h.feed(frame2(0x7FFF_FFFF, SOURCE).pointer(1, 0.5f, 0.5f).alive(1));
        h.feed(frame2(0x8000_0000, SOURCE).pointer(1, 0.6f, 0.5f).alive(1));
        assertEquals(0.6f, single(h.sink.last()).x(), "2^31 follows 2^31 - 1");
        assertEquals(0, h.stats.framesDropped());
    }

    @Test
    void aFrameSplitOverTwoBundlesAppliesBothParts() {
        h.feed(frame2(9, SOURCE).pointer(1, 0.1f, 0.1f).alive(1, 2));
        h.feed(frame2(9, SOURCE).pointer(2, 0.2f, 0.2f).alive(1, 2));
        assertEquals(List.of("ADDED CURSOR 0/2"), h.sink.lastKeys());
        h.feed(frame2(9, SOURCE).pointer(2, 0.2f, 0.2f).alive(1, 2));
        assertEquals(2, h.sink.batches.size(), "the repeat is dropped");
    }

    @Test
    void theDeclaredSourceNameTellsTrackersBehindOneAddressApart() {
        h.feed(TRACKER, frame2(1, "RCTV:0@0x0A000005").pointer(1, 0.1f, 0.1f).alive(1));
        h.feed(TRACKER, frame2(1, "RCTV:1@0x0A000005").pointer(1, 0.2f, 0.2f).alive(1));
        h.feed(TRACKER, frame2(2, null).pointer(1, 0.3f, 0.3f).alive(1));
        assertEquals(List.of("ADDED CURSOR 0/1", "ADDED CURSOR 1/1", "ADDED CURSOR 2/1"),
                h.sink.batches.stream().map(b -> b.get(0).key()).toList());
    }

    @Test
    void aSenderSpeakingBothTuio11AndTuio2IsTwoSources() {
        h.feed(TRACKER, frame2(1, null).pointer(3, 0.1f, 0.1f).alive(3));
        h.feed(TRACKER, TuioTestEncoder.objects().alive(3).object(3, 9, 0.2f, 0.2f, 0f, 0, 0).fseq(1));
        h.feed(TRACKER, frame2(2, null).token(3, 9, 0.3f, 0.3f, 0f, 0, 0).alive(3));
        assertEquals(List.of("ADDED CURSOR 0/3", "ADDED OBJECT 1/3", "REMOVED CURSOR 0/3", "ADDED OBJECT 0/3"),
                h.sink.batches.stream().flatMap(List::stream).map(Touch::key).toList(),
                "session ids of the two protocols never meet");
    }

    @Test
    void otherTuio2MessagesAreIgnoredNotRefused() {
        h.feed(frame2(1, SOURCE).token(123, 82, 0.6f, 0.7f, 0.3f, 0, 0)
                .raw(message("/tuio2/sym").i(123).i(1).i(82).s("ms/id").s("0x50E1F82D"))
                .raw(message("/tuio2/lia").i(538).tag('T').i(537).i(0)).alive(123));
        assertEquals(List.of("ADDED OBJECT 0/123"), h.sink.lastKeys());
        assertEquals(2, h.stats.dropped(TuioDropReason.IGNORED));
        assertEquals(0, h.stats.rejected());
    }

    @Test
    void malformedMessagesAreRejectedPerReasonAndTheRestOfTheFrameApplies() {
        for (int round = 0; round < 2; round++) {
            int n = 10 * round;
            h.feed(frame2(n + 1, SOURCE).raw(message("/tuio2/ptr").i(1).floats(0.5f, 0.5f)).pointer(2, 0.5f, 0.5f)
                    .alive(1, 2));
            h.feed(frame2(n + 2, SOURCE).raw(message("/tuio2/tok").i(3).i(0).i(1).floats(Float.NaN, 0.5f, 0f))
                    .alive(3));
            h.feed(bundle(message("/tuio2/ptr").i(4).i(0).i(0).floats(0.5f, 0.5f, 0, 0, 0, 0).bytes()));
            h.feed(frame2(n + 3, SOURCE).pointer(5, 0.5f, 0.5f).withoutAlive());
            h.feed(bundle(message("/tuio2/frm").f(1f).bytes()));
            h.feed(frame2(n + 4, SOURCE).pointer(6, 0.5f, 0.5f).alive(2));
        }
        assertEquals(2 * 2, h.stats.rejected(TuioRejection.BAD_ARGUMENTS), "short ptr, frm with a float id");
        assertEquals(2, h.stats.rejected(TuioRejection.NOT_FINITE));
        assertEquals(2, h.stats.rejected(TuioRejection.NO_FRAME));
        assertEquals(2 * 2, h.stats.rejected(TuioRejection.INCOMPLETE_FRAME), "frm and ptr");
        assertEquals(2, h.stats.rejected(TuioRejection.NOT_ALIVE), "pointer 6, not in alive");
        String notFinite = h.logger.containing(": NOT_FINITE").get(0);
        assertTrue(notFinite.contains("/tuio2/tok ,iiifff"), notFinite);
        for (TuioRejection reason : List.of(TuioRejection.BAD_ARGUMENTS, TuioRejection.NOT_FINITE,
                TuioRejection.NO_FRAME, TuioRejection.INCOMPLETE_FRAME, TuioRejection.NOT_ALIVE)) {
            assertEquals(1, h.logger.containing(": " + reason).size(), reason + " logged once");
        }
        // Round 1 added pointer 2; frame 2 (alive 3) removed it; round 2 added it again.
        assertEquals(List.of("ADDED CURSOR 0/2", "REMOVED CURSOR 0/2", "ADDED CURSOR 0/2", "REMOVED CURSOR 0/2"),
                h.sink.batches.stream().flatMap(List::stream).map(Touch::key).filter(k -> k.endsWith("/2")).toList());
    }

    private static Touch single(List<Touch> batch) {
        assertEquals(1, batch.size(), "one event expected: " + batch);
        return batch.get(0);
    }
}
