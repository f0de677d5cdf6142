package org.vernissage.sensors.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.phone.PhoneTestFrames.frame;
import static org.vernissage.sensors.phone.PhoneTestFrames.frameOfVersion;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class PhoneFrameDecoderTest {

    private final PhoneFrameDecoder decoder = new PhoneFrameDecoder();
    private final PhoneFrame out = new PhoneFrame();

    private boolean decode(byte[] bytes) {
        ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
        return decoder.decode(buffer, buffer.readerIndex(), buffer.readableBytes(), out);
    }

    private void assertRejected(PhoneRejection reason, int offset, byte[] bytes) {
        assertFalse(decode(bytes), "accepted a frame that is " + reason);
        assertEquals(reason, decoder.rejection());
        assertEquals(offset, decoder.rejectionOffset(), "offset of " + reason);
    }

    @Test
    void aVersionByteAloneIsAKeepAlive() {
        assertTrue(decode(frame().bytes()));
        assertNull(decoder.rejection());
        assertFalse(out.hasTouches());
        assertFalse(out.hasOrientation());
        assertFalse(out.hasMotion());
    }

    @Test
    void decodesAllThreeRecordsInAnyOrder() {
        assertTrue(decode(frame().motion(1.5f, -2.25f, 9f).touches(3, 0.25f, 0.75f, 0, 1f, 0f)
                .orientation(359.5f, -179f, 89.75f).bytes()));
        assertTrue(out.hasTouches());
        assertEquals(2, out.touchCount());
        assertEquals(3, out.slot(0));
        assertEquals(0.25f, out.x(0));
        assertEquals(0.75f, out.y(0));
        assertEquals(0, out.slot(1));
        assertEquals(1f, out.x(1));
        assertEquals(0f, out.y(1));
        assertTrue(out.hasOrientation());
        assertEquals(359.5f, out.alpha());
        assertEquals(-179f, out.beta());
        assertEquals(89.75f, out.gamma());
        assertTrue(out.hasMotion());
        assertEquals(1.5f, out.motionX());
        assertEquals(-2.25f, out.motionY());
        assertEquals(9f, out.motionZ());
    }

    @Test
    void numbersAreLittleEndianFloat32() {
        // 'O', then 90.0f = 0x42B40000, 0 and 0, each least significant byte first.
        byte[] bytes = frame().raw('O', 0, 0, 0xB4, 0x42, 0, 0, 0, 0, 0, 0, 0, 0).bytes();
        assertTrue(decode(bytes));
        assertEquals(90f, out.alpha());
    }

    @Test
    void anEmptyTouchRecordMeansEveryFingerLifted() {
        assertTrue(decode(frame().touches().bytes()));
        assertTrue(out.hasTouches());
        assertEquals(0, out.touchCount());
    }

    @Test
    void sixteenTouchesFitAndTheLongestFrameIsAccepted() {
        float[] touches = new float[PhoneFrame.MAX_TOUCHES * 3];
        for (int slot = 0; slot < PhoneFrame.MAX_TOUCHES; slot++) {
            touches[slot * 3] = PhoneFrame.MAX_TOUCHES - 1 - slot;
            touches[slot * 3 + 1] = slot / 16f;
            touches[slot * 3 + 2] = 1 - slot / 16f;
        }
        byte[] longest = frame().touches(touches).orientation(0, 0, 0).motion(0, 0, 0).bytes();
        assertEquals(PhoneFrameDecoder.MAX_FRAME_BYTES, longest.length);
        assertTrue(decode(longest));
        assertEquals(PhoneFrame.MAX_TOUCHES, out.touchCount());
        assertEquals(15, out.slot(0));
        assertEquals(0, out.slot(15));
    }

    @Test
    void decodesInPlaceWithoutMovingTheBufferIndices() {
        byte[] inner = frame().orientation(10, 20, 30).bytes();
        ByteBuf buffer = Unpooled.buffer(64);
        buffer.writeBytes(new byte[] {9, 9, 9});
        buffer.writeBytes(inner);
        buffer.writeBytes(new byte[] {'O', 1, 2});
        int reader = buffer.readerIndex();
        int writer = buffer.writerIndex();
        assertTrue(decoder.decode(buffer, 3, inner.length, out));
        assertEquals(20f, out.beta());
        assertEquals(reader, buffer.readerIndex());
        assertEquals(writer, buffer.writerIndex());
    }

    @Test
    void refusesEachKindOfMalformedFrameWithItsOffset() {
        assertRejected(PhoneRejection.EMPTY, 0, new byte[0]);
        assertRejected(PhoneRejection.UNKNOWN_VERSION, 0, frameOfVersion(2).touches().bytes());
        assertRejected(PhoneRejection.UNKNOWN_VERSION, 0, "{\"x\":1}".getBytes());
        assertRejected(PhoneRejection.UNKNOWN_RECORD, 1, frame().raw('X').bytes());
        assertRejected(PhoneRejection.UNKNOWN_RECORD, 14, frame().orientation(1, 2, 3).raw(0).bytes());
        assertRejected(PhoneRejection.DUPLICATE_RECORD, 14, frame().motion(1, 2, 3).motion(1, 2, 3).bytes());
        assertRejected(PhoneRejection.DUPLICATE_RECORD, 3, frame().touches().touches().bytes());
        assertRejected(PhoneRejection.DUPLICATE_RECORD, 14,
                frame().orientation(1, 2, 3).orientation(1, 2, 3).bytes());
        assertRejected(PhoneRejection.TRUNCATED, 1, frame().raw('T').bytes());
        assertRejected(PhoneRejection.TRUNCATED, 1, frame().raw('T', 1, 0, 0, 0, 0).bytes());
        assertRejected(PhoneRejection.TRUNCATED, 1, frame().raw('O', 0, 0, 0, 0).bytes());
        assertRejected(PhoneRejection.TRUNCATED, 1, frame().raw('M').bytes());
        assertRejected(PhoneRejection.TOO_MANY_TOUCHES, 2, frame().raw('T', 17).bytes());
        assertRejected(PhoneRejection.BAD_SLOT, 3, frame().touches(16, 0.5f, 0.5f).bytes());
        assertRejected(PhoneRejection.DUPLICATE_SLOT, 12, frame().touches(2, 0.5f, 0.5f, 2, 0.1f, 0.1f).bytes());
        assertRejected(PhoneRejection.NOT_FINITE, 4, frame().touches(0, Float.NaN, 0.5f).bytes());
        assertRejected(PhoneRejection.NOT_FINITE, 6, frame().orientation(0, Float.POSITIVE_INFINITY, 0).bytes());
        assertRejected(PhoneRejection.OUT_OF_RANGE, 8, frame().touches(0, 0.5f, 1.01f).bytes());
        assertRejected(PhoneRejection.OUT_OF_RANGE, 2, frame().orientation(-1, 0, 0).bytes());
        assertRejected(PhoneRejection.OUT_OF_RANGE, 10, frame().orientation(0, 0, 90.5f).bytes());
        assertRejected(PhoneRejection.OUT_OF_RANGE, 6, frame().motion(0, -1001, 0).bytes());
    }

    @Test
    void aRefusalFollowedByAGoodFrameLeavesNoTrace() {
        assertFalse(decode(frame().orientation(1, 2, 3).raw('?').bytes()));
        assertTrue(decode(frame().motion(4, 5, 6).bytes()));
        assertNull(decoder.rejection());
        assertFalse(out.hasOrientation(), "the refused frame's orientation must not linger");
        assertTrue(out.hasMotion());
    }
}
