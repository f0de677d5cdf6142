package org.vernissage.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.osc.OscStreamTestFraming.concat;
import static org.vernissage.osc.OscStreamTestFraming.lengthPrefixed;
import static org.vernissage.osc.OscStreamTestFraming.slip;
import static org.vernissage.osc.OscTestEncoder.bundle;
import static org.vernissage.osc.OscTestEncoder.message;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.vernissage.osc.OscStreamDecoding.Frame;

/**
 * Feeds both stream decoders generated and mutated streams, each cut into random chunks, with a
 * fixed seed and a bounded number of cases. Valid streams must decode to exactly the packets
 * framed, whatever the chunking; any stream must decode without throwing, to the same events
 * whatever the chunking, never to a packet over the limit; and SLIP must find the next good frame
 * after any garbage. Every packet delivered is also read by {@link OscPacketReader}.
 */
class OscStreamDecoderFuzzTest {

    private static final int CASES = 20_000;
    private static final long SEED = 0x5EED_7C9L;
    private static final int LIMIT = 48;
    private static final byte[] GOOD = message("/good").i(7).bytes();
    private static final List<byte[]> VALID = List.of(
            message("/a").bytes(),
            message("/fader/1").f(0.5f).bytes(),
            message("/blob").b(new byte[] {(byte) 0xC0, (byte) 0xDB, 0, (byte) 0xDD}).bytes(),
            bundle(1, message("/in").i(1).bytes()));
    /** Bytes that mean something to one framing or the other, so mutations hit them often. */
    private static final byte[] SPECIAL = {(byte) 0xC0, (byte) 0xDB, (byte) 0xDC, (byte) 0xDD, 0,
            (byte) 0xFF, (byte) 0x80, '/', '#', LIMIT, LIMIT + 1};

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final OscPacketReader reader = new OscPacketReader();

    @Test
    void slipDecodesExactlyWhatWasFramedWhateverTheChunking() {
        SlipDecoder decoder = new SlipDecoder(ByteBuffer.allocate(LIMIT));
        for (int c = 0; c < CASES; c++) {
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            List<Frame> expected = new ArrayList<>();
            for (int p = random.nextInt(1, 6); p > 0; p--) {
                byte[] packet = randomBytes(random.nextInt(0, LIMIT + 12));
                stream.writeBytes(slip(packet, random.nextBoolean()));
                if (packet.length > LIMIT) {
                    expected.add(new Frame(OscStreamEvent.OVERSIZE_DISCARDED, null, packet.length));
                } else if (packet.length > 0) {
                    expected.add(Frame.packet(packet));
                }
            }
            decoder.reset();
            assertEquals(expected, decodeChecked(decoder, stream.toByteArray(), randomChunks()));
            assertFalse(decoder.midPacket());
        }
    }

    @Test
    void lengthPrefixDecodesExactlyWhatWasFramedWhateverTheChunking() {
        LengthPrefixDecoder decoder = new LengthPrefixDecoder(ByteBuffer.allocate(LIMIT));
        for (int c = 0; c < CASES; c++) {
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            List<Frame> expected = new ArrayList<>();
            for (int p = random.nextInt(1, 6); p > 0; p--) {
                byte[] packet = randomBytes(random.nextInt(0, LIMIT + 1));
                stream.writeBytes(lengthPrefixed(packet));
                if (packet.length > 0) {
                    expected.add(Frame.packet(packet));
                }
            }
            decoder.reset();
            assertEquals(expected, decodeChecked(decoder, stream.toByteArray(), randomChunks()));
            assertFalse(decoder.midPacket());
        }
    }

    @Test
    void slipSurvivesRandomAndMutatedStreamsAndResynchronises() {
        SlipDecoder decoder = new SlipDecoder(ByteBuffer.allocate(LIMIT));
        int delivered = fuzz(decoder, packet -> slip(packet, random.nextBoolean()));
        assertTrue(delivered > CASES / 10, "only " + delivered + " packets came through the mutations");
        for (int c = 0; c < CASES / 10; c++) {
            decoder.reset();
            byte[] garbage = randomBytes(random.nextInt(0, 200));
            // An END closes whatever the garbage left open; the next frame must then decode.
            List<Frame> frames = decodeChecked(decoder, concat(garbage, new byte[] {(byte) 0xC0},
                    slip(GOOD)), randomChunks());
            assertEquals(Frame.packet(GOOD), frames.get(frames.size() - 1),
                    () -> "no resync after " + HexFormat.of().formatHex(garbage));
            assertFalse(decoder.midPacket());
        }
    }

    @Test
    void lengthPrefixSurvivesRandomAndMutatedStreams() {
        LengthPrefixDecoder decoder = new LengthPrefixDecoder(ByteBuffer.allocate(LIMIT));
        int delivered = fuzz(decoder, OscStreamTestFraming::lengthPrefixed);
        assertTrue(delivered > CASES / 10, "only " + delivered + " packets came through the mutations");
    }

    /**
     * Decodes random and mutated streams, each twice (whole, and in random chunks), and checks
     * both give the same events; returns how many packets came through.
     */
    private int fuzz(OscStreamDecoder decoder, Function<byte[], byte[]> framing) {
        int delivered = 0;
        for (int c = 0; c < CASES; c++) {
            byte[] stream = random.nextInt(4) == 0 ? randomBytes(random.nextInt(0, 200))
                    : mutate(validStream(framing));
            decoder.reset();
            List<Frame> whole = decodeChecked(decoder, stream, () -> stream.length);
            boolean endedMidPacket = decoder.midPacket();
            decoder.reset();
            List<Frame> chunked = decodeChecked(decoder, stream, randomChunks());
            assertEquals(whole, chunked, () -> "chunking changed the outcome of "
                    + HexFormat.of().formatHex(stream));
            assertEquals(endedMidPacket, decoder.midPacket());
            delivered += (int) whole.stream().filter(f -> f.event() == OscStreamEvent.PACKET).count();
        }
        return delivered;
    }

    /** Decodes, checking the invariants every event must keep. */
    private List<Frame> decodeChecked(OscStreamDecoder decoder, byte[] stream, IntSupplier chunks) {
        List<Frame> frames;
        try {
            frames = OscStreamDecoding.decode(decoder, stream, chunks);
        } catch (RuntimeException e) {
            throw new AssertionError("threw on " + HexFormat.of().formatHex(stream), e);
        }
        assertTrue(frames.size() <= stream.length, "more events than bytes");
        for (Frame frame : frames) {
            if (frame.event() == OscStreamEvent.PACKET) {
                assertTrue(frame.packet().length > 0 && frame.packet().length <= LIMIT,
                        () -> "delivered " + frame.packet().length + " bytes, limit " + LIMIT);
                ByteBuffer packet = ByteBuffer.wrap(frame.packet());
                reader.read(packet, 0, packet.capacity(), 0, (m, t, a) -> { });
            }
        }
        return frames;
    }

    private byte[] validStream(Function<byte[], byte[]> framing) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int p = random.nextInt(1, 5); p > 0; p--) {
            stream.writeBytes(framing.apply(VALID.get(random.nextInt(VALID.size()))));
        }
        return stream.toByteArray();
    }

    private byte[] mutate(byte[] valid) {
        byte[] stream = valid.clone();
        for (int m = random.nextInt(1, 4); m > 0 && stream.length > 0; m--) {
            int at = random.nextInt(stream.length);
            switch (random.nextInt(5)) {
                case 0 -> stream[at] = (byte) random.nextInt(256);
                case 1 -> stream[at] = SPECIAL[random.nextInt(SPECIAL.length)];
                case 2 -> stream = Arrays.copyOf(stream, at);
                case 3 -> stream = concat(Arrays.copyOf(stream, at), randomBytes(random.nextInt(1, 9)),
                        Arrays.copyOfRange(stream, at, stream.length));
                default -> stream = concat(Arrays.copyOf(stream, at),
                        Arrays.copyOfRange(stream, Math.min(stream.length, at + random.nextInt(1, 9)),
                                stream.length));
            }
        }
        return stream;
    }

    /** Random bytes, one in four taken from {@link #SPECIAL}. */
    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = random.nextInt(4) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)]
                    : (byte) random.nextInt(256);
        }
        return bytes;
    }

    private IntSupplier randomChunks() {
        int max = random.nextBoolean() ? 3 : 40;
        return () -> random.nextInt(1, max + 1);
    }
}
