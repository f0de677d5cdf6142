package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.vernissage.osc.OscTestEncoder.bundle;
import static org.vernissage.osc.OscTestEncoder.message;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscMessageView;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscRejection;
import org.vernissage.osc.OscTimeTag;
import org.vernissage.sensors.RecordingLogger;

/**
 * Feeds the reader (and then the reader with the router behind it) random and mutated packets. Each case is read twice: once from a buffer that
 * ends exactly where the packet ends (any read past the region throws there), and once from the
 * middle of a larger buffer of random sentinel bytes, at a random offset and byte order (any read
 * outside the region, or any dependence on alignment or order, changes the outcome there). Both
 * must agree, and neither may throw.
 */
class OscPacketFuzzTest {

    private static final int CASES = 200_000;
    private static final long SEED = 0x5EED_05C1L;
    private static final long WALL = 1_748_779_200_000_000_000L;
    private static final long ENGINE = 1_000_000_000_000L;

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
            bundle(5),
            message("/fader*").f(0.5f).bytes(),
            message("/{a,nested}/[!x-z]?").i(3).bytes(),
            bundle(OscTimeTag.timeTag(WALL + 2_000_000_000L), message("/fader/1").f(1).bytes(),
                    bundle(OscTimeTag.timeTag(WALL - 1), message("/xy").f(1).f(2).bytes())));

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

    /**
     * The same random and mutated packets through the reader into the router: it never throws,
     * every packet it takes becomes at most one offer (all or nothing), a rejected packet offers
     * nothing, every value is finite and on an OSC binding's channel, every due time is
     * "immediately" or within the scheduling limit ahead, and the counters add up.
     */
    @Test
    void theRouterTakesEveryFuzzedPacketAllOrNothing() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        CheckingSink sink = new CheckingSink();
        OscStats stats = new OscStats("OSC fuzz");
        OscTimeTags timeTags = new OscTimeTags(new ManualClock(ENGINE), () -> WALL,
                Duration.ofSeconds(10));
        OscBindingRouter router = new OscBindingRouter(List.of(TestBindings.osc("/fader/1"),
                TestBindings.midi(1), TestBindings.osc("/fader*"), TestBindings.osc("/a"), TestBindings.osc("/xy", 1),
                TestBindings.osc("/in/bundle"), TestBindings.osc("/{a,nested}"), TestBindings.osc("/all", 4)),
                sink, stats, timeTags, 16, new RecordingLogger());
        StructureCheck check = new StructureCheck(router);
        OscPacketReader reader = new OscPacketReader();
        for (int c = 0; c < CASES / 2; c++) {
            byte[] packet = random.nextInt(3) == 0 ? randomPacket(random)
                    : mutate(VALID.get(random.nextInt(VALID.size())), random);
            long messagesBefore = stats.messagesReceived();
            sink.offersThisPacket = 0;
            check.messages = 0;
            int startsBefore = check.packets;
            int endsBefore = check.ends;
            sink.full = random.nextInt(20) == 0;
            boolean accepted;
            try {
                accepted = reader.read(ByteBuffer.wrap(packet), 0, packet.length, c, check);
            } catch (RuntimeException e) {
                throw new AssertionError("threw on " + HexFormat.of().formatHex(packet), e);
            }
            assertTrue(sink.offersThisPacket <= 1, "one packet, at most one offer");
            assertEquals(0, check.depth, "bundles balanced");
            int starts = check.packets - startsBefore;
            int ends = check.ends - endsBefore;
            if (accepted) {
                assertTrue(starts == 1 && ends == 1, "an accepted packet starts and ends once");
            } else {
                assertTrue(starts == 0 && ends == 0 && check.messages == 0, "a rejected packet makes no call");
            }
            if (!accepted) {
                assertEquals(0, sink.offersThisPacket);
            }
            assertEquals(messagesBefore + check.messages, stats.messagesReceived());
        }
        assertEquals(sink.accepted, stats.valuesOffered());
        assertTrue(stats.messagesDropped() <= stats.messagesReceived());
        assertTrue(sink.accepted > 1_000 && stats.bundles(OscBundleTiming.SCHEDULED) > 0, stats::toString);
    }

    /** Forwards to the router, checking the callbacks' structure on the way. */
    private static final class StructureCheck implements OscMessageHandler {
        private final OscBindingRouter router;
        int packets;
        int ends;
        int depth;
        int messages;
        boolean open;

        StructureCheck(OscBindingRouter router) {
            this.router = router;
        }

        @Override
        public void onPacketStart(long arrivalNanos) {
            assertTrue(!open && depth == 0, "packet inside a packet");
            open = true;
            packets++;
            router.onPacketStart(arrivalNanos);
        }

        @Override
        public void onBundleStart(long timeTag) {
            assertTrue(open, "bundle outside a packet");
            depth++;
            assertTrue(depth <= OscPacketReader.MAX_BUNDLE_DEPTH);
            router.onBundleStart(timeTag);
        }

        @Override
        public void onMessage(OscMessageView message, long timeTag, long arrivalNanos) {
            assertTrue(open, "message outside a packet");
            messages++;
            router.onMessage(message, timeTag, arrivalNanos);
        }

        @Override
        public void onBundleEnd() {
            depth--;
            assertTrue(depth >= 0, "bundle end without a start");
            router.onBundleEnd();
        }

        @Override
        public void onPacketEnd(long arrivalNanos) {
            assertTrue(open && depth == 0, "packet end without its start, or inside a bundle");
            open = false;
            ends++;
            router.onPacketEnd(arrivalNanos);
        }
    }

    /** A ring stand-in that checks every value and counts offers per packet. */
    private static final class CheckingSink implements InputSink {
        int offersThisPacket;
        long accepted;
        boolean full;

        @Override
        public boolean offerChannel(int channel, float value, long arrivalNanos) {
            check(channel, value, InputBatch.IMMEDIATELY);
            offersThisPacket++;
            if (!full) {
                accepted++;
            }
            return !full;
        }

        @Override
        public boolean offer(InputBatch batch) {
            assertTrue(batch.size() > 1 || batch.dueNanos(0) != InputBatch.IMMEDIATELY,
                    "a single immediate value takes offerChannel");
            for (int i = 0; i < batch.size(); i++) {
                check(batch.channel(i), batch.value(i), batch.dueNanos(i));
            }
            offersThisPacket++;
            if (!full) {
                accepted += batch.size();
            }
            return !full;
        }

        private static void check(int channel, float value, long due) {
            assertTrue(channel == 0 || (channel >= 2 && channel <= 7), "channel " + channel);
            assertTrue(Float.isFinite(value), "value " + value);
            assertTrue(due == InputBatch.IMMEDIATELY
                    || (due > ENGINE && due <= ENGINE + 10_000_000_000L), "due " + due);
        }

        @Override
        public boolean offerParameter(int slot, float value, long arrivalNanos) {
            throw new AssertionError("channels only");
        }
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
