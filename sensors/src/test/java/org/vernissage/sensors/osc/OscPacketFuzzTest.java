package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.vernissage.sensors.osc.OscTestEncoder.bundle;
import static org.vernissage.sensors.osc.OscTestEncoder.message;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds the reader random and mutated packets. Each case is read twice: once from a buffer that
 * ends exactly where the packet ends (any read past the region throws there), and once from the
 * middle of a larger buffer of random sentinel bytes, at a random offset and byte order (any read
 * outside the region, or any dependence on alignment or order, changes the outcome there). Both
 * must agree, and neither may throw.
 */
class OscPacketFuzzTest {

    private static final int CASES = 200_000;
    private static final long SEED = 0x5EED_05C1L;

    private static final List<byte[]> VALID = List.of(
            message("/a").bytes(),
            message("/fader/1").f(0.5f).bytes(),
            message("/xy").f(0.1f).f(0.9f).i(3).bytes(),
            message("/all").i(1).f(2).s("three").b(new byte[] {4, 5, 6}).h(7).t(8).d(9)
                    .symbol("ten").c('k').rgba(1, 2, 3, 4).midi(5, 6, 7, 8)
                    .tag('T').tag('F').tag('N').tag('I').tag('[').i(9).tag('[').tag(']').tag(']').bytes(),
            message("/strings").s("").s("a").s("abc").s("abcd").b(new byte[0]).b(new byte[5]).bytes(),
            bundle(1, message("/in/bundle").i(1).bytes(), message("/and").s("x").bytes()),
            bundle(2, bundle(3, message("/nested").d(1).bytes(), bundle(4)), message("/after").bytes()),
            bundle(5));

    private final OscPacketReader exactReader = new OscPacketReader();
    private final OscPacketReader embeddedReader = new OscPacketReader();
    private final DigestHandler exactDigest = new DigestHandler();
    private final DigestHandler embeddedDigest = new DigestHandler();

    @Test
    void randomAndMutatedPacketsNeverThrowNorReadOutsideTheirRegion() {
        SplittableRandom random = new SplittableRandom(SEED);
        long[] validDigests = new long[VALID.size()];
        for (int i = 0; i < VALID.size(); i++) {
            Outcome outcome = readBothWays(VALID.get(i), random);
            assertTrue(outcome.accepted(), "seed packet " + i + " rejected: " + outcome.rejection());
            validDigests[i] = outcome.digest();
        }
        int accepted = 0;
        for (int c = 0; c < CASES; c++) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                int which = random.nextInt(VALID.size());
                Outcome outcome = readBothWays(VALID.get(which), random);
                assertTrue(outcome.accepted(), "a valid packet was rejected in case " + c);
                assertEquals(validDigests[which], outcome.digest(), "a valid packet read differently");
                continue;
            }
            byte[] packet = kind < 3 ? randomPacket(random) : mutate(VALID.get(random.nextInt(VALID.size())), random);
            if (readBothWays(packet, random).accepted()) {
                accepted++;
            }
        }
        // Sanity: the mutations must leave some packets valid, or they only test the first byte.
        assertTrue(accepted > CASES / 100, "only " + accepted + " fuzzed packets were valid");
    }

    private record Outcome(boolean accepted, OscRejection rejection, int offset, long digest) {
    }

    private Outcome readBothWays(byte[] packet, SplittableRandom random) {
        Outcome exact;
        Outcome embedded;
        try {
            exact = readExact(packet);
            embedded = readEmbedded(packet, random);
        } catch (RuntimeException e) {
            throw new AssertionError("threw on " + HexFormat.of().formatHex(packet), e);
        }
        if (!exact.equals(embedded)) {
            fail("outcome depends on the bytes around the region: " + exact + " vs " + embedded
                    + " for " + HexFormat.of().formatHex(packet));
        }
        return exact;
    }

    private Outcome readExact(byte[] packet) {
        exactDigest.reset();
        boolean accepted = exactReader.read(ByteBuffer.wrap(packet.clone()), 0, packet.length, 0, exactDigest);
        return new Outcome(accepted, exactReader.rejection(), exactReader.rejectionOffset(), exactDigest.digest);
    }

    private Outcome readEmbedded(byte[] packet, SplittableRandom random) {
        int before = random.nextInt(13);
        byte[] surrounding = new byte[before + packet.length + 64];
        random.nextBytes(surrounding);
        System.arraycopy(packet, 0, surrounding, before, packet.length);
        ByteBuffer buffer = ByteBuffer.wrap(surrounding)
                .order(random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        embeddedDigest.reset();
        boolean accepted = embeddedReader.read(buffer, before, packet.length, 0, embeddedDigest);
        return new Outcome(accepted, embeddedReader.rejection(), embeddedReader.rejectionOffset(),
                embeddedDigest.digest);
    }

    // ---- packet generators ------------------------------------------------------------------

    private static byte[] randomPacket(SplittableRandom random) {
        byte[] packet = new byte[random.nextInt(0, 80)];
        random.nextBytes(packet);
        if (packet.length > 0 && random.nextBoolean()) {
            packet[0] = (byte) (random.nextBoolean() ? '/' : '#');
        }
        return packet;
    }

    private static byte[] mutate(byte[] valid, SplittableRandom random) {
        byte[] packet = valid.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && packet.length > 0; m++) {
            int at = random.nextInt(packet.length);
            switch (random.nextInt(6)) {
                case 0 -> packet[at] = (byte) random.nextInt(256);
                case 1 -> packet[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> packet = Arrays.copyOf(packet, at); // truncate
                case 3 -> packet = insert(packet, at, random);
                case 4 -> putInt(packet, at & ~3, interestingInt(random)); // sizes and counts
                default -> packet[at] = (byte) "/#,ifsbhtdScrmTFNI[]\0".charAt(random.nextInt(21));
            }
        }
        return packet;
    }

    private static byte[] insert(byte[] packet, int at, SplittableRandom random) {
        int count = 1 + random.nextInt(8);
        byte[] longer = new byte[packet.length + count];
        System.arraycopy(packet, 0, longer, 0, at);
        for (int i = 0; i < count; i++) {
            longer[at + i] = (byte) random.nextInt(256);
        }
        System.arraycopy(packet, at, longer, at + count, packet.length - at);
        return longer;
    }

    private static int interestingInt(SplittableRandom random) {
        int[] values = {0, 1, 3, 4, 5, 8, 12, 16, 64, -1, -4, Integer.MAX_VALUE, Integer.MIN_VALUE,
                Integer.MAX_VALUE - 3, 0x7FFF_FFFC};
        return values[random.nextInt(values.length)];
    }

    private static void putInt(byte[] packet, int at, int value) {
        for (int i = 0; i < 4 && at + i < packet.length; i++) {
            packet[at + i] = (byte) (value >>> (24 - 8 * i));
        }
    }

    /** Reads every argument of every message through the view and folds it into one number. */
    private static final class DigestHandler implements OscMessageHandler {
        long digest;

        void reset() {
            digest = 17;
        }

        private void mix(long value) {
            digest = digest * 31 + value;
        }

        @Override
        public void onMessage(OscMessageView m, long timeTag, long arrivalNanos) {
            mix(timeTag);
            mix(m.addressHash());
            for (int i = 0; i < m.addressLength(); i++) {
                mix(m.addressByte(i));
            }
            for (int i = 0; i < m.argumentCount(); i++) {
                char tag = m.typeTag(i);
                mix(tag);
                switch (tag) {
                    case 'i', 'c', 'r', 'm' -> mix(m.intArgument(i));
                    case 'f' -> mix(Float.floatToRawIntBits(m.floatArgument(i)));
                    case 'h', 't' -> mix(m.longArgument(i));
                    case 'd' -> mix(Double.doubleToRawLongBits(m.doubleArgument(i)));
                    case 's', 'S' -> {
                        int length = m.stringLength(i);
                        for (int j = 0; j < length; j++) {
                            mix(m.stringByte(i, j));
                        }
                    }
                    case 'b' -> {
                        int length = m.blobLength(i);
                        for (int j = 0; j < length; j++) {
                            mix(m.blobByte(i, j));
                        }
                    }
                    default -> mix(m.isNumeric(i) ? Double.doubleToLongBits(m.numericArgument(i)) : -1);
                }
            }
        }
    }
}
