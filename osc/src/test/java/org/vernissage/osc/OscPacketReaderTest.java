package org.vernissage.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.osc.OscTestEncoder.bundle;
import static org.vernissage.osc.OscTestEncoder.concat;
import static org.vernissage.osc.OscTestEncoder.int32;
import static org.vernissage.osc.OscTestEncoder.message;
import static org.vernissage.osc.OscTestEncoder.oscString;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vernissage.osc.RecordingHandler.Received;

class OscPacketReaderTest {

    private static final long ARRIVAL = 123_456_789L;
    private static final long TIME_A = 0xE5A1_2C3DL << 32 | 0x8000_0000L;
    private static final long TIME_B = 0xE5A1_2C3EL << 32;

    private final OscPacketReader reader = new OscPacketReader();

    private record Result(boolean accepted, OscRejection rejection, List<Received> received) {
    }

    private Result read(byte[] packet) {
        RecordingHandler handler = new RecordingHandler();
        boolean accepted = reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, handler);
        return new Result(accepted, reader.rejection(), handler.received);
    }

    private Received readOne(OscTestEncoder.Message message) {
        Result result = read(message.bytes());
        assertTrue(result.accepted(), () -> "rejected: " + result.rejection());
        assertNull(result.rejection());
        assertEquals(1, result.received().size());
        Received received = result.received().get(0);
        assertEquals(OscPacketReader.IMMEDIATELY, received.timeTag());
        assertEquals(ARRIVAL, received.arrivalNanos());
        return received;
    }

    private void assertRejected(OscRejection expected, byte[] packet) {
        Result result = read(packet);
        assertFalse(result.accepted(), "accepted a malformed packet");
        assertEquals(expected, result.rejection());
        assertEquals(List.of(), result.received(), "a rejected packet delivered messages");
    }

    // ---- types ------------------------------------------------------------------------------

    @Test
    void everyOsc10TypeReadsBackExactly() {
        OscTestEncoder.Message message = message("/osc/1.0")
                .i(0).i(-1).i(Integer.MIN_VALUE).i(Integer.MAX_VALUE)
                .f(0.25f).f(-0.0f).f(Float.MAX_VALUE).f(Float.MIN_VALUE).f(Float.NaN)
                .s("hello").s("").b(new byte[] {1, 2, 3, (byte) 0xFF, 0});
        Received received = readOne(message);
        assertEquals("/osc/1.0", received.address());
        assertEquals(message.expected(), received.arguments());
    }

    @Test
    void everyExtendedTypeReadsBackExactly() {
        OscTestEncoder.Message message = message("/osc/extended")
                .h(Long.MIN_VALUE).h(1L << 40).t(TIME_A).d(Math.PI).d(-1e300)
                .symbol("sym").c('A').rgba(255, 128, 0, 1).midi(0, 0x90, 60, 127)
                .tag('T').tag('F').tag('N').tag('I')
                .tag('[').i(1).tag('[').f(2f).tag(']').tag(']').tag('[').tag(']');
        Received received = readOne(message);
        assertEquals(message.expected(), received.arguments());
    }

    @Test
    void typedReadsAndNumericArgumentsOnTheView() {
        byte[] packet = message("/n").i(-7).f(1.5f).h(1L << 53).d(0.125).tag('T').tag('F')
                .s("x").tag('N').bytes();
        reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, (view, timeTag, arrival) -> {
            assertEquals(8, view.argumentCount());
            assertEquals(-7, view.intArgument(0));
            assertEquals(1.5f, view.floatArgument(1));
            assertEquals(1L << 53, view.longArgument(2));
            assertEquals(0.125, view.doubleArgument(3));
            assertTrue(view.booleanArgument(4));
            assertFalse(view.booleanArgument(5));
            double[] numbers = {-7, 1.5, 0x1p53, 0.125, 1, 0};
            for (int i = 0; i < numbers.length; i++) {
                assertTrue(view.isNumeric(i));
                assertEquals(numbers[i], view.numericArgument(i));
            }
            assertFalse(view.isNumeric(6), "a string is not numeric");
            assertFalse(view.isNumeric(7), "nil is not numeric");
            assertFalse(view.isNumeric(8), "a missing argument is not numeric");
            assertTrue(Double.isNaN(view.numericArgument(6)));
            assertTrue(Double.isNaN(view.numericArgument(8)));
            assertThrows(IllegalArgumentException.class, () -> view.floatArgument(0));
            assertThrows(IllegalArgumentException.class, () -> view.intArgument(6));
            assertThrows(IndexOutOfBoundsException.class, () -> view.typeTag(8));
        });
        assertNull(reader.rejection());
    }

    @Test
    void addressIsReadInPlace() {
        byte[] packet = message("/mixer/fader/3").f(0.5f).bytes();
        reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, (view, timeTag, arrival) -> {
            assertTrue(view.addressEquals("/mixer/fader/3".getBytes()));
            assertFalse(view.addressEquals("/mixer/fader/4".getBytes()));
            assertFalse(view.addressEquals("/mixer/fader/33".getBytes()));
            assertEquals(AddressHash.of("/mixer/fader/3".getBytes()), view.addressHash());
            assertEquals('/', (char) view.addressByte(0));
        });
    }

    @Test
    void stringsOfEveryPaddingLength() {
        for (int length = 0; length <= 8; length++) {
            String text = "abcdefgh".substring(0, length);
            // The int after the string lands wrong if the padding is miscounted.
            OscTestEncoder.Message message = message("/" + text).s(text).i(length).symbol(text);
            Received received = readOne(message);
            assertEquals("/" + text, received.address());
            assertEquals(message.expected(), received.arguments(), "string length " + length);
        }
    }

    @Test
    void blobsOfEveryPaddingLength() {
        for (int size = 0; size <= 5; size++) {
            byte[] blob = new byte[size];
            Arrays.fill(blob, (byte) (0xA0 + size));
            OscTestEncoder.Message message = message("/blob").b(blob).i(size);
            assertEquals(message.expected(), readOne(message).arguments(), "blob size " + size);
        }
    }

    // ---- bundles ----------------------------------------------------------------------------

    @Test
    void bundleDeliversItsMessagesInOrderWithItsTimeTag() {
        Result result = read(bundle(TIME_A, message("/a").i(1).bytes(), message("/b").f(2f).bytes()));
        assertTrue(result.accepted());
        assertEquals(List.of("/a", "/b"), addresses(result));
        assertEquals(List.of(TIME_A, TIME_A), timeTags(result));
        assertEquals(List.of("i:1"), result.received().get(0).arguments());
    }

    @Test
    void nestedBundlesKeepOrderAndGiveEachMessageItsInnermostTimeTag() {
        byte[] inner = bundle(TIME_B, message("/2").i(2).bytes(), message("/3").i(3).bytes());
        byte[] packet = bundle(TIME_A, message("/1").i(1).bytes(), inner, message("/4").i(4).bytes(),
                bundle(OscPacketReader.IMMEDIATELY, message("/5").bytes()));
        Result result = read(packet);
        assertTrue(result.accepted());
        assertEquals(List.of("/1", "/2", "/3", "/4", "/5"), addresses(result));
        assertEquals(List.of(TIME_A, TIME_B, TIME_B, TIME_A, OscPacketReader.IMMEDIATELY),
                timeTags(result));
    }

    @Test
    void emptyBundleIsValidAndDeliversNothing() {
        Result result = read(bundle(TIME_A));
        assertTrue(result.accepted());
        assertEquals(List.of(), result.received());
        Result nested = read(bundle(TIME_A, bundle(TIME_B)));
        assertTrue(nested.accepted());
    }

    @Test
    void bundlesNestUpToTheDepthLimit() {
        assertTrue(read(nested(OscPacketReader.MAX_BUNDLE_DEPTH)).accepted());
        assertRejected(OscRejection.TOO_DEEP, nested(OscPacketReader.MAX_BUNDLE_DEPTH + 1));
    }

    @Test
    void oneMalformedElementRejectsTheWholeBundle() {
        byte[] bad = message("/bad").i(1).bytes();
        bad[bad.length - 7] = 'q'; // its type tag ",i" becomes ",q"
        assertRejected(OscRejection.UNKNOWN_TYPE_TAG,
                bundle(TIME_A, message("/good").i(1).bytes(), bundle(TIME_B, bad)));
    }

    // ---- malformed --------------------------------------------------------------------------

    @Test
    void notOsc() {
        assertRejected(OscRejection.NOT_OSC, "hello world!".getBytes());
        assertRejected(OscRejection.NOT_OSC, concat("#bundlX\0".getBytes(), new byte[8]));
        assertRejected(OscRejection.NOT_OSC, bundle(TIME_A, concat(oscString("x"), oscString(","))));
        assertRejected(OscRejection.TRUNCATED, new byte[0]);
    }

    @Test
    void missingTypeTagString() {
        assertRejected(OscRejection.MISSING_TYPE_TAGS, concat(oscString("/a"), oscString("i"), int32(1)));
        assertRejected(OscRejection.MISSING_TYPE_TAGS, oscString("/address/only"));
    }

    @Test
    void unknownTypeTagIsRejectedWhereItIs() {
        byte[] packet = concat(oscString("/a"), oscString(",iq"), int32(1), int32(2));
        assertRejected(OscRejection.UNKNOWN_TYPE_TAG, packet);
        assertEquals(6, reader.rejectionOffset(), "the 'q' is byte 6 of the packet");
    }

    @Test
    void badPadding() {
        assertRejected(OscRejection.BAD_PADDING, concat("/abcd\0X\0".getBytes(), oscString(",")));
        assertRejected(OscRejection.BAD_PADDING, concat(oscString("/a"), ",s\0X".getBytes(), oscString("x")));
        assertRejected(OscRejection.BAD_PADDING, concat(oscString("/a"), oscString(",s"), "xy\0X".getBytes()));
        assertRejected(OscRejection.BAD_PADDING,
                concat(oscString("/a"), oscString(",b"), int32(1), new byte[] {7, 0, 1, 0}));
    }

    @Test
    void blobSizeOutOfBounds() {
        byte[] prefix = concat(oscString("/a"), oscString(",b"));
        assertRejected(OscRejection.BAD_BLOB, concat(prefix, int32(5), new byte[4]));
        assertRejected(OscRejection.BAD_BLOB, concat(prefix, int32(Integer.MAX_VALUE), new byte[4]));
        assertRejected(OscRejection.BAD_BLOB, concat(prefix, int32(-4), new byte[4]));
        assertRejected(OscRejection.TRUNCATED, concat(prefix, int32(3), new byte[3]));
    }

    @Test
    void unbalancedArrays() {
        assertRejected(OscRejection.BAD_ARRAY, message("/a").tag('[').i(1).bytes());
        assertRejected(OscRejection.BAD_ARRAY, message("/a").i(1).tag(']').tag('[').bytes());
    }

    @Test
    void bytesAfterTheLastArgument() {
        assertRejected(OscRejection.TRAILING_BYTES, concat(message("/a").i(1).bytes(), int32(0)));
    }

    @Test
    void argumentCountIsCapped() {
        OscTestEncoder.Message most = message("/many");
        for (int i = 0; i < OscMessageView.MAX_ARGUMENTS; i++) {
            most.tag('T');
        }
        assertEquals(OscMessageView.MAX_ARGUMENTS, readOne(most).arguments().size());
        assertRejected(OscRejection.OVERSIZE, most.tag('T').bytes());
    }

    @Test
    void bundleElementSizes() {
        byte[] header = Arrays.copyOf(bundle(TIME_A), 16);
        byte[] element = message("/a").i(1).bytes();
        assertRejected(OscRejection.BAD_BUNDLE, concat(header, int32(element.length + 4), element));
        assertRejected(OscRejection.BAD_BUNDLE, concat(header, int32(element.length - 2), element));
        assertRejected(OscRejection.BAD_BUNDLE, concat(header, int32(-element.length), element));
        assertRejected(OscRejection.BAD_BUNDLE, concat(header, int32(0), element));
        assertRejected(OscRejection.TRUNCATED, concat(header, new byte[2]));
        assertRejected(OscRejection.TRUNCATED, Arrays.copyOf(header, 12));
    }

    @Test
    void everyTruncationOfAMessageIsRejected() {
        byte[] packet = message("/every/type").i(1).f(2f).s("three").b(new byte[] {4, 4, 4})
                .h(5).t(TIME_A).d(7).symbol("eight").c('9').rgba(1, 2, 3, 4).midi(1, 2, 3, 4)
                .tag('T').tag('F').tag('N').tag('I').tag('[').i(1).tag(']').bytes();
        for (int length = 0; length < packet.length; length++) {
            Result result = read(Arrays.copyOf(packet, length));
            assertFalse(result.accepted(), "accepted a truncation to " + length + " bytes");
            assertEquals(List.of(), result.received());
        }
        assertTrue(read(packet).accepted());
    }

    @Test
    void truncationsOfABundleAreRejectedUnlessTheyEndBetweenTopLevelElements() {
        byte[] first = message("/first").i(1).s("one").bytes();
        byte[] inner = bundle(TIME_B, message("/inner").d(2).bytes(), message("/x").bytes());
        byte[] last = message("/last").b(new byte[] {3}).bytes();
        byte[] packet = bundle(TIME_A, first, inner, last);
        // Cut exactly between elements, a bundle is a valid bundle of fewer elements.
        Set<Integer> boundaries = Set.of(16, 20 + first.length, 24 + first.length + inner.length);
        Set<Integer> accepted = new TreeSet<>();
        for (int length = 0; length < packet.length; length++) {
            Result result = read(Arrays.copyOf(packet, length));
            if (result.accepted()) {
                accepted.add(length);
            } else {
                assertEquals(List.of(), result.received());
            }
        }
        assertEquals(new TreeSet<>(boundaries), accepted);
        assertEquals(List.of("/first", "/inner", "/x"),
                addresses(read(Arrays.copyOf(packet, 24 + first.length + inner.length))));
    }

    // ---- the region ---------------------------------------------------------------------

    @Test
    void readsARegionAtAnUnalignedOffsetOfALittleEndianBuffer() {
        OscTestEncoder.Message message = message("/region").i(42).h(-2).d(0.5).b(new byte[] {9});
        byte[] packet = bundle(TIME_A, message.bytes());
        ByteBuffer buffer = ByteBuffer.allocateDirect(packet.length + 11).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < buffer.capacity(); i++) {
            buffer.put(i, (byte) 0x5A);
        }
        buffer.put(7, packet);
        RecordingHandler handler = new RecordingHandler();
        assertTrue(reader.read(buffer, 7, packet.length, ARRIVAL, handler));
        assertEquals(message.expected(), handler.received.get(0).arguments());
        assertEquals(TIME_A, handler.received.get(0).timeTag());
    }

    @Test
    void aRegionOutsideTheBufferIsACallerBug() {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        assertThrows(IndexOutOfBoundsException.class,
                () -> reader.read(buffer, 8, 12, ARRIVAL, new RecordingHandler()));
    }

    @Test
    void aRejectionDoesNotStickToTheNextPacket() {
        assertRejected(OscRejection.NOT_OSC, "nope".getBytes());
        assertTrue(read(message("/ok").bytes()).accepted());
        assertNull(reader.rejection());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static byte[] nested(int depth) {
        byte[] packet = bundle(depth, message("/deepest").i(depth).bytes());
        for (int d = depth - 1; d >= 1; d--) {
            packet = bundle(d, packet);
        }
        return packet;
    }

    private static List<String> addresses(Result result) {
        List<String> addresses = new ArrayList<>();
        result.received().forEach(r -> addresses.add(r.address()));
        return addresses;
    }

    private static List<Long> timeTags(Result result) {
        List<Long> tags = new ArrayList<>();
        result.received().forEach(r -> tags.add(r.timeTag()));
        return tags;
    }

    @Test
    void aCharacterIsANumberColoursMidiAndTimeTagsAreNot() {
        byte[] packet = message("/n").c('A').rgba(1, 2, 3, 4).midi(0, 0xB0, 7, 64).t(TIME_A).tag('I').bytes();
        reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, (view, timeTag, arrival) -> {
            assertTrue(view.isNumeric(0));
            assertEquals(65.0, view.numericArgument(0));
            for (int i = 1; i < 5; i++) {
                assertFalse(view.isNumeric(i), "argument " + i + " (" + view.typeTag(i) + ")");
                assertTrue(Double.isNaN(view.numericArgument(i)));
            }
        });
        assertNull(reader.rejection());
    }

    // ---- the structure callbacks --------------------------------------------------------------

    /** Records the order of every callback, as text. */
    private static final class StructureHandler implements OscMessageHandler {
        final List<String> events = new ArrayList<>();

        @Override
        public void onPacketStart(long arrivalNanos) {
            events.add("packet " + arrivalNanos);
        }

        @Override
        public void onBundleStart(long timeTag) {
            events.add("bundle " + Long.toHexString(timeTag));
        }

        @Override
        public void onMessage(OscMessageView message, long timeTag, long arrivalNanos) {
            events.add(RecordingHandler.address(message) + " " + Long.toHexString(timeTag));
        }

        @Override
        public void onBundleEnd() {
            events.add("end");
        }

        @Override
        public void onPacketEnd(long arrivalNanos) {
            events.add("packet end " + arrivalNanos);
        }
    }

    private List<String> structure(byte[] packet) {
        StructureHandler handler = new StructureHandler();
        reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, handler);
        return handler.events;
    }

    @Test
    void aBareMessageIsAPacketOfOneMessage() {
        assertEquals(List.of("packet " + ARRIVAL, "/a 1", "packet end " + ARRIVAL),
                structure(message("/a").i(1).bytes()));
    }

    @Test
    void bundlesOpenAndCloseAroundTheirElementsNestedOnesToo() {
        byte[] packet = bundle(TIME_A, message("/a").bytes(),
                bundle(TIME_B, message("/b").bytes(), bundle(1)),
                message("/c").bytes());
        String a = Long.toHexString(TIME_A);
        String b = Long.toHexString(TIME_B);
        assertEquals(List.of("packet " + ARRIVAL, "bundle " + a, "/a " + a, "bundle " + b, "/b " + b,
                "bundle 1", "end", "end", "/c " + a, "end", "packet end " + ARRIVAL), structure(packet));
    }

    @Test
    void aRejectedPacketMakesNoCallAtAll() {
        byte[] broken = message("/b").b(new byte[] {1}).bytes();
        broken[broken.length - 1] = 7;
        assertEquals(List.of(), structure(bundle(TIME_A, message("/a").bytes(), broken)));
        assertEquals(OscRejection.BAD_PADDING, reader.rejection());
    }
}
