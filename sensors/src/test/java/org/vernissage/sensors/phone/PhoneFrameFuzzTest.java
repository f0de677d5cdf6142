package org.vernissage.sensors.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.vernissage.sensors.phone.PhoneTestFrames.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds the decoder random and mutated frames, each twice: from a heap buffer that ends exactly
 * where the frame ends (a read past it throws), and from the middle of a larger direct buffer full
 * of random bytes (a read outside the frame changes the outcome). Both must agree, neither may
 * throw, valid seeds must decode to the same content every time, and an accepted frame must hold
 * only values within the documented ranges.
 */
class PhoneFrameFuzzTest {

    private static final int CASES = 200_000;
    private static final long SEED = 0x9_40_4E_5EEDL;

    private static final List<byte[]> VALID = List.of(
            frame().bytes(),
            frame().touches().bytes(),
            frame().touches(0, 0.5f, 0.5f).bytes(),
            frame().touches(0, 0f, 1f, 15, 1f, 0f, 7, 0.123f, 0.987f).orientation(12.5f, -45f, 30f).bytes(),
            frame().orientation(0, -180, -90).motion(-1000, 0, 1000).bytes(),
            frame().motion(0.1f, 0.2f, 9.81f).touches(1, 0.25f, 0.75f).bytes());

    private final PhoneFrameDecoder exactDecoder = new PhoneFrameDecoder();
    private final PhoneFrameDecoder embeddedDecoder = new PhoneFrameDecoder();
    private final PhoneFrame exactFrame = new PhoneFrame();
    private final PhoneFrame embeddedFrame = new PhoneFrame();
    private final ByteBuf embedding = Unpooled.directBuffer(2048);

    private record Outcome(boolean accepted, PhoneRejection rejection, int offset, long digest) {
    }

    @Test
    void randomAndMutatedFramesNeverThrowNorReadOutsideTheirRegion() {
        SplittableRandom random = new SplittableRandom(SEED);
        long[] validDigests = new long[VALID.size()];
        for (int i = 0; i < VALID.size(); i++) {
            Outcome outcome = decodeBothWays(VALID.get(i), random);
            assertTrue(outcome.accepted(), "seed frame " + i + " rejected: " + outcome.rejection());
            validDigests[i] = outcome.digest();
        }
        int accepted = 0;
        int rejected = 0;
        for (int c = 0; c < CASES; c++) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                int which = random.nextInt(VALID.size());
                Outcome outcome = decodeBothWays(VALID.get(which), random);
                assertTrue(outcome.accepted(), "a valid frame was rejected in case " + c);
                assertEquals(validDigests[which], outcome.digest(), "a valid frame decoded differently");
                continue;
            }
            byte[] bytes = kind < 3 ? randomFrame(random) : mutate(VALID.get(random.nextInt(VALID.size())), random);
            if (decodeBothWays(bytes, random).accepted()) {
                accepted++;
            } else {
                rejected++;
            }
        }
        // Sanity: mutations must leave some frames valid and refuse others, or they test nothing.
        assertTrue(accepted > CASES / 100, "only " + accepted + " fuzzed frames were valid");
        assertTrue(rejected > CASES / 10, "only " + rejected + " fuzzed frames were refused");
        embedding.release();
    }

    private Outcome decodeBothWays(byte[] bytes, SplittableRandom random) {
        Outcome exact;
        Outcome embedded;
        try {
            exact = decodeExact(bytes);
            embedded = decodeEmbedded(bytes, random);
        } catch (RuntimeException e) {
            throw new AssertionError("threw on " + HexFormat.of().formatHex(bytes), e);
        }
        if (!exact.equals(embedded)) {
            fail("outcome depends on the bytes around the frame: " + exact + " vs " + embedded + " for "
                    + HexFormat.of().formatHex(bytes));
        }
        if (exact.accepted()) {
            assertWithinRanges(exactFrame, bytes);
        }
        return exact;
    }

    private Outcome decodeExact(byte[] bytes) {
        ByteBuf exact = Unpooled.wrappedBuffer(bytes.clone());
        boolean accepted = exactDecoder.decode(exact, 0, bytes.length, exactFrame);
        return new Outcome(accepted, exactDecoder.rejection(), exactDecoder.rejectionOffset(),
                accepted ? digest(exactFrame) : 0);
    }

    private Outcome decodeEmbedded(byte[] bytes, SplittableRandom random) {
        int before = random.nextInt(17);
        byte[] noise = new byte[before + bytes.length + 64];
        random.nextBytes(noise);
        System.arraycopy(bytes, 0, noise, before, bytes.length);
        embedding.clear().writeBytes(noise);
        boolean accepted = embeddedDecoder.decode(embedding, before, bytes.length, embeddedFrame);
        return new Outcome(accepted, embeddedDecoder.rejection(), embeddedDecoder.rejectionOffset(),
                accepted ? digest(embeddedFrame) : 0);
    }

    private static void assertWithinRanges(PhoneFrame f, byte[] bytes) {
        String frame = HexFormat.of().formatHex(bytes);
        assertTrue(f.touchCount() <= PhoneFrame.MAX_TOUCHES, frame);
        int slots = 0;
        for (int i = 0; i < f.touchCount(); i++) {
            assertTrue(f.slot(i) >= 0 && f.slot(i) < PhoneFrame.MAX_TOUCHES, frame);
            assertTrue((slots & (1 << f.slot(i))) == 0, "duplicate slot in " + frame);
            slots |= 1 << f.slot(i);
            assertTrue(f.x(i) >= 0 && f.x(i) <= 1 && f.y(i) >= 0 && f.y(i) <= 1, frame);
        }
        if (f.hasOrientation()) {
            assertTrue(f.alpha() >= 0 && f.alpha() <= 360, frame);
            assertTrue(f.beta() >= -180 && f.beta() <= 180, frame);
            assertTrue(f.gamma() >= -90 && f.gamma() <= 90, frame);
        }
        if (f.hasMotion()) {
            float max = PhoneFrameDecoder.MAX_ACCELERATION;
            assertTrue(Math.abs(f.motionX()) <= max && Math.abs(f.motionY()) <= max
                    && Math.abs(f.motionZ()) <= max, frame);
        }
    }

    private static long digest(PhoneFrame f) {
        long d = 17;
        d = d * 31 + (f.hasTouches() ? 1 : 0);
        for (int i = 0; i < f.touchCount(); i++) {
            d = d * 31 + f.slot(i);
            d = d * 31 + Float.floatToRawIntBits(f.x(i));
            d = d * 31 + Float.floatToRawIntBits(f.y(i));
        }
        if (f.hasOrientation()) {
            d = d * 31 + Float.floatToRawIntBits(f.alpha());
            d = d * 31 + Float.floatToRawIntBits(f.beta());
            d = d * 31 + Float.floatToRawIntBits(f.gamma());
        }
        if (f.hasMotion()) {
            d = d * 37 + Float.floatToRawIntBits(f.motionX());
            d = d * 37 + Float.floatToRawIntBits(f.motionY());
            d = d * 37 + Float.floatToRawIntBits(f.motionZ());
        }
        return d;
    }

    // ---- frame generators -------------------------------------------------------------------

    private static byte[] randomFrame(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(0, 200)];
        random.nextBytes(bytes);
        if (bytes.length > 0 && random.nextBoolean()) {
            bytes[0] = PhoneFrameDecoder.VERSION;
            if (bytes.length > 1) {
                bytes[1] = (byte) "TOM".charAt(random.nextInt(3));
            }
        }
        return bytes;
    }

    private static byte[] mutate(byte[] valid, SplittableRandom random) {
        byte[] bytes = valid.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> bytes = Arrays.copyOf(bytes, at); // truncate
                case 3 -> bytes = insert(bytes, at, random);
                case 4 -> putFloat(bytes, at, interestingFloat(random));
                default -> bytes[at] = (byte) "\1TOM\0\17\20\21".charAt(random.nextInt(8));
            }
        }
        return bytes;
    }

    private static byte[] insert(byte[] bytes, int at, SplittableRandom random) {
        int count = 1 + random.nextInt(13);
        byte[] longer = new byte[bytes.length + count];
        System.arraycopy(bytes, 0, longer, 0, at);
        for (int i = 0; i < count; i++) {
            longer[at + i] = (byte) random.nextInt(256);
        }
        System.arraycopy(bytes, at, longer, at + count, bytes.length - at);
        return longer;
    }

    private static float interestingFloat(SplittableRandom random) {
        float[] values = {0, -0f, 1, 1.0000001f, -1, 0.5f, 90, 90.00001f, -90, 180, -180.0001f, 360, 360.0001f,
                1000, -1000.0001f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
                Float.MAX_VALUE};
        return values[random.nextInt(values.length)];
    }

    private static void putFloat(byte[] bytes, int at, float value) {
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4 && at + i < bytes.length; i++) {
            bytes[at + i] = (byte) (bits >>> (8 * i));
        }
    }
}
