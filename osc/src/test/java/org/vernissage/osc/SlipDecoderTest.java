package org.vernissage.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.osc.OscStreamTestFraming.concat;
import static org.vernissage.osc.OscStreamTestFraming.slip;
import static org.vernissage.osc.OscTestEncoder.bundle;
import static org.vernissage.osc.OscTestEncoder.message;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.osc.OscStreamDecoding.Frame;

/** The SLIP decoder on its own, fed streams cut every way a socket could cut them. */
class SlipDecoderTest {

    private static final int LIMIT = 64;
    private static final byte[] FADER = message("/fader/1").f(0.5f).bytes();
    private static final byte[] XY = message("/xy").f(0.1f).f(0.9f).bytes();
    // Bytes that must be escaped: 0x3F400000 is not, so use a blob that holds END and ESC.
    private static final byte[] ESCAPES = message("/blob").b(new byte[] {(byte) 0xC0, (byte) 0xDB,
            (byte) 0xDC, (byte) 0xDD, (byte) 0xC0}).bytes();

    private final SlipDecoder decoder = new SlipDecoder(ByteBuffer.allocate(LIMIT));

    @Test
    void decodesOneBookendedPacket() {
        assertEquals(List.of(Frame.packet(FADER)), OscStreamDecoding.decode(decoder, slip(FADER)));
        assertFalse(decoder.midPacket());
    }

    @Test
    void aPacketSplitByteByByteArrivesWhole() {
        byte[] stream = concat(slip(FADER), slip(ESCAPES), slip(XY));
        assertEquals(List.of(Frame.packet(FADER), Frame.packet(ESCAPES), Frame.packet(XY)),
                OscStreamDecoding.decode(decoder, stream, () -> 1));
    }

    @Test
    void everySplitPointGivesTheSamePackets() {
        byte[] stream = concat(slip(FADER), slip(ESCAPES, false), slip(XY));
        List<Frame> expected = List.of(Frame.packet(FADER), Frame.packet(ESCAPES), Frame.packet(XY));
        for (int first = 1; first < stream.length; first++) {
            int[] sizes = {first, stream.length};
            int[] next = {0};
            decoder.reset();
            assertEquals(expected, OscStreamDecoding.decode(decoder, stream, () -> sizes[next[0]++]),
                    "split at " + first);
        }
    }

    @Test
    void severalPacketsInOneReadArriveInOrder() {
        byte[] b = bundle(7, message("/in").i(1).bytes());
        byte[] stream = concat(slip(FADER), slip(XY), slip(b), slip(FADER));
        assertEquals(List.of(Frame.packet(FADER), Frame.packet(XY), Frame.packet(b), Frame.packet(FADER)),
                OscStreamDecoding.decode(decoder, stream));
    }

    @Test
    void escapedEndAndEscBytesAreRestored() {
        byte[] framed = slip(ESCAPES);
        assertTrue(framed.length > ESCAPES.length + 2, "the test packet must need escaping");
        assertEquals(List.of(Frame.packet(ESCAPES)), OscStreamDecoding.decode(decoder, framed));
    }

    @Test
    void emptyFramesAreIgnoredAndOnlyATrailingEndIsNeeded() {
        byte[] ends = {(byte) 0xC0, (byte) 0xC0, (byte) 0xC0};
        byte[] stream = concat(ends, slip(FADER, false), ends, slip(XY, false), ends);
        assertEquals(List.of(Frame.packet(FADER), Frame.packet(XY)), OscStreamDecoding.decode(decoder, stream));
    }

    @Test
    void aFrameWithoutItsEndIsNotDeliveredYet() {
        byte[] framed = slip(FADER);
        byte[] open = java.util.Arrays.copyOf(framed, framed.length - 1);
        assertEquals(List.of(), OscStreamDecoding.decode(decoder, open));
        assertTrue(decoder.midPacket());
        assertEquals(List.of(Frame.packet(FADER)), OscStreamDecoding.decode(decoder, new byte[] {(byte) 0xC0}));
    }

    @Test
    void aPacketExactlyAtTheLimitIsDeliveredOneByteMoreIsDiscarded() {
        byte[] atLimit = filled(LIMIT, (byte) 0xC0); // every byte escaped: the limit is on decoded bytes
        byte[] over = filled(LIMIT + 1, (byte) 'x');
        byte[] stream = concat(slip(atLimit), slip(over), slip(FADER));
        assertEquals(List.of(Frame.packet(atLimit),
                        new Frame(OscStreamEvent.OVERSIZE_DISCARDED, null, LIMIT + 1),
                        Frame.packet(FADER)),
                OscStreamDecoding.decode(decoder, stream, () -> 7));
    }

    @Test
    void aHugeFrameIsDiscardedToItsEndAndReportedOnce() {
        byte[] huge = filled(10 * LIMIT, (byte) '/');
        List<Frame> frames = OscStreamDecoding.decode(decoder, concat(slip(huge), slip(XY)), () -> 5);
        assertEquals(2, frames.size(), frames::toString);
        assertEquals(OscStreamEvent.OVERSIZE_DISCARDED, frames.get(0).event());
        assertEquals(10 * LIMIT, frames.get(0).faultSize());
        assertEquals(Frame.packet(XY), frames.get(1));
    }

    @Test
    void aBadEscapeCostsOnlyItsFrame() {
        byte[] bad = {(byte) 0xC0, '/', 'a', (byte) 0xDB, 'q', 0, 0, (byte) 0xC0};
        byte[] escEnd = {'/', 'b', (byte) 0xDB, (byte) 0xC0};
        byte[] stream = concat(bad, slip(FADER), escEnd, slip(XY));
        List<Frame> frames = OscStreamDecoding.decode(decoder, stream, () -> 3);
        assertEquals(4, frames.size(), frames::toString);
        assertEquals(OscStreamEvent.BAD_ESCAPE_DISCARDED, frames.get(0).event());
        assertEquals(Frame.packet(FADER), frames.get(1));
        assertEquals(OscStreamEvent.BAD_ESCAPE_DISCARDED, frames.get(2).event());
        assertEquals(Frame.packet(XY), frames.get(3));
    }

    @Test
    void midPacketTracksAPartialFrameAndResetForgetsIt() {
        assertFalse(decoder.midPacket());
        OscStreamDecoding.decode(decoder, new byte[] {(byte) 0xC0});
        assertFalse(decoder.midPacket(), "a lone END starts nothing");
        OscStreamDecoding.decode(decoder, new byte[] {'/', (byte) 0xDB});
        assertTrue(decoder.midPacket());
        decoder.reset();
        assertFalse(decoder.midPacket());
        assertEquals(List.of(Frame.packet(XY)), OscStreamDecoding.decode(decoder, slip(XY)));
    }

    @Test
    void thePacketBufferKeepsItsPositionAndLimit() {
        OscStreamDecoding.decode(decoder, concat(slip(FADER), slip(filled(LIMIT + 3, (byte) 1))));
        assertEquals(0, decoder.packet().position());
        assertEquals(LIMIT, decoder.packet().limit());
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
