package org.vernissage.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.osc.OscStreamTestFraming.concat;
import static org.vernissage.osc.OscStreamTestFraming.lengthPrefixed;
import static org.vernissage.osc.OscTestEncoder.bundle;
import static org.vernissage.osc.OscTestEncoder.int32;
import static org.vernissage.osc.OscTestEncoder.message;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.osc.OscStreamDecoding.Frame;

/** The OSC 1.0 length-prefix decoder on its own, fed streams cut every way a socket could. */
class LengthPrefixDecoderTest {

    private static final int LIMIT = 64;
    private static final byte[] FADER = message("/fader/1").f(0.5f).bytes();
    private static final byte[] XY = message("/xy").f(0.1f).f(0.9f).bytes();

    private final LengthPrefixDecoder decoder = new LengthPrefixDecoder(ByteBuffer.allocate(LIMIT));

    @Test
    void decodesOnePacket() {
        assertEquals(List.of(Frame.packet(FADER)), OscStreamDecoding.decode(decoder, lengthPrefixed(FADER)));
        assertFalse(decoder.midPacket());
    }

    @Test
    void aPacketSplitByteByByteArrivesWhole() {
        byte[] stream = concat(lengthPrefixed(FADER), lengthPrefixed(XY));
        assertEquals(List.of(Frame.packet(FADER), Frame.packet(XY)),
                OscStreamDecoding.decode(decoder, stream, () -> 1));
    }

    @Test
    void everySplitPointGivesTheSamePackets() {
        byte[] stream = concat(lengthPrefixed(FADER), lengthPrefixed(XY));
        for (int first = 1; first < stream.length; first++) {
            int[] sizes = {first, stream.length};
            int[] next = {0};
            decoder.reset();
            assertEquals(List.of(Frame.packet(FADER), Frame.packet(XY)),
                    OscStreamDecoding.decode(decoder, stream, () -> sizes[next[0]++]), "split at " + first);
        }
    }

    @Test
    void severalPacketsInOneReadArriveInOrder() {
        byte[] b = bundle(9, message("/in").i(1).bytes());
        byte[] stream = concat(lengthPrefixed(FADER), lengthPrefixed(b), lengthPrefixed(XY));
        assertEquals(List.of(Frame.packet(FADER), Frame.packet(b), Frame.packet(XY)),
                OscStreamDecoding.decode(decoder, stream));
    }

    @Test
    void aZeroLengthIsSkipped() {
        byte[] stream = concat(int32(0), lengthPrefixed(FADER), int32(0), int32(0));
        assertEquals(List.of(Frame.packet(FADER)), OscStreamDecoding.decode(decoder, stream, () -> 3));
        assertFalse(decoder.midPacket());
    }

    @Test
    void aPacketExactlyAtTheLimitIsDelivered() {
        byte[] atLimit = new byte[LIMIT];
        atLimit[0] = '/';
        assertEquals(List.of(Frame.packet(atLimit)), OscStreamDecoding.decode(decoder, lengthPrefixed(atLimit)));
    }

    @Test
    void aLengthOverTheLimitIsFatalAndConsumesNothingMore() {
        byte[] stream = concat(lengthPrefixed(FADER), int32(LIMIT + 1), lengthPrefixed(XY));
        assertEquals(List.of(Frame.packet(FADER), new Frame(OscStreamEvent.LENGTH_TOO_LARGE, null, LIMIT + 1)),
                OscStreamDecoding.decode(decoder, stream, () -> 2));
        ByteBuffer more = ByteBuffer.wrap(lengthPrefixed(XY));
        assertEquals(OscStreamEvent.LENGTH_TOO_LARGE, decoder.decode(more));
        assertEquals(0, more.position(), "nothing consumed after a fatal length");
    }

    @Test
    void aNegativeLengthIsFatal() {
        List<Frame> frames = OscStreamDecoding.decode(decoder, concat(int32(-8), FADER));
        assertEquals(List.of(new Frame(OscStreamEvent.LENGTH_NEGATIVE, null, -8)), frames);
        assertTrue(OscStreamEvent.LENGTH_NEGATIVE.isFatal());
    }

    @Test
    void midPacketCoversAPartialPrefixAndBodyAndResetForgetsEverything() {
        OscStreamDecoding.decode(decoder, new byte[] {0, 0});
        assertTrue(decoder.midPacket(), "half a prefix");
        OscStreamDecoding.decode(decoder, new byte[] {0, 12, '/', 'a'});
        assertTrue(decoder.midPacket(), "part of a body");
        decoder.reset();
        assertFalse(decoder.midPacket());
        OscStreamDecoding.decode(decoder, int32(-1));
        decoder.reset();
        assertEquals(List.of(Frame.packet(XY)), OscStreamDecoding.decode(decoder, lengthPrefixed(XY)),
                "reset also clears a fatal state");
    }

    @Test
    void thePacketBufferKeepsItsPositionAndLimit() {
        OscStreamDecoding.decode(decoder, concat(lengthPrefixed(FADER), lengthPrefixed(XY)), () -> 5);
        assertEquals(0, decoder.packet().position());
        assertEquals(LIMIT, decoder.packet().limit());
    }
}
