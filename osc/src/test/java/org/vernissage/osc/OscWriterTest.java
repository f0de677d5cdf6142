package org.vernissage.osc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.osc.OscTestEncoder.bundle;
import static org.vernissage.osc.OscTestEncoder.message;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The writer against the test encoder (the same bytes, to the padding) and through the project's
 * own reader (the same values back), for every type, messages and nested bundles; then the
 * refusals: a buffer too small at every possible length, misuse, non-ASCII strings.
 */
class OscWriterTest {

    private static final long TAG = OscTimeTag.timeTag(1_748_779_200_123_456_789L);
    private static final byte[] BLOB = {1, 2, 3, (byte) 0xFF, 0};

    private final OscWriter writer = new OscWriter();
    private final ByteBuffer buffer = ByteBuffer.allocate(4096);

    /** Every argument type, written by the writer; {@link #everyTypeEncoded} is the same by the encoder. */
    private static void everyType(OscWriter w) {
        w.message("/all").i(-7).f(2.5f).s("x y").b(BLOB).h(-(1L << 40)).t(TAG).d(3.25)
                .symbol("sym").c('k').rgba(1, 2, 3, 0xFF).midi(5, 0x90, 60, 127)
                .bool(true).bool(false).nil().infinitum().end();
    }

    private static OscTestEncoder.Message everyTypeEncoded() {
        return message("/all").i(-7).f(2.5f).s("x y").b(BLOB).h(-(1L << 40)).t(TAG).d(3.25)
                .symbol("sym").c('k').rgba(1, 2, 3, 0xFF).midi(5, 0x90, 60, 127)
                .tag('T').tag('F').tag('N').tag('I');
    }

    private byte[] write(Consumer<OscWriter> packet) {
        packet.accept(writer.wrap(buffer));
        assertTrue(writer.complete());
        byte[] bytes = new byte[writer.length()];
        buffer.get(0, bytes);
        // A buffer of exactly the packet's size always fits it (nothing is reserved beyond it).
        ByteBuffer exact = ByteBuffer.allocate(bytes.length);
        packet.accept(writer.wrap(exact));
        assertArrayEquals(bytes, exact.array(), "written into a buffer of its exact size");
        return bytes;
    }

    private static List<RecordingHandler.Received> read(byte[] packet) {
        RecordingHandler handler = new RecordingHandler();
        OscPacketReader reader = new OscPacketReader();
        assertTrue(reader.read(ByteBuffer.wrap(packet), 0, packet.length, 42, handler),
                () -> "the reader refused it: " + reader.rejection());
        return handler.received;
    }

    // ---- round trips ----------------------------------------------------------------------------

    @Test
    void everyTypeIsWrittenAsTheEncoderDoesAndReadsBack() {
        byte[] written = write(OscWriterTest::everyType);
        assertArrayEquals(everyTypeEncoded().bytes(), written);
        List<RecordingHandler.Received> received = read(written);
        assertEquals(1, received.size());
        assertEquals("/all", received.get(0).address());
        assertEquals(OscTimeTag.IMMEDIATELY, received.get(0).timeTag());
        assertEquals(everyTypeEncoded().expected(), received.get(0).arguments());
    }

    @Test
    void eachTypeAloneAndStringsAndBlobsOfEveryPadding() {
        List<Consumer<OscWriter>> writes = new ArrayList<>();
        List<OscTestEncoder.Message> encoded = new ArrayList<>();
        writes.add(w -> w.message("/i").i(Integer.MIN_VALUE).end());
        encoded.add(message("/i").i(Integer.MIN_VALUE));
        writes.add(w -> w.message("/f").f(Float.NaN).end());
        encoded.add(message("/f").f(Float.NaN));
        writes.add(w -> w.message("/h").h(Long.MAX_VALUE).end());
        encoded.add(message("/h").h(Long.MAX_VALUE));
        writes.add(w -> w.message("/d").d(-0.0).end());
        encoded.add(message("/d").d(-0.0));
        writes.add(w -> w.message("/t").t(OscTimeTag.IMMEDIATELY).end());
        encoded.add(message("/t").t(OscTimeTag.IMMEDIATELY));
        writes.add(w -> w.message("/c").c('\0').end());
        encoded.add(message("/c").c('\0'));
        writes.add(w -> w.message("/none").end());
        encoded.add(message("/none"));
        for (int length = 0; length <= 9; length++) {
            String text = "abcdefghi".substring(0, length);
            byte[] blob = Arrays.copyOf(BLOB, length);
            writes.add(w -> w.message("/" + text).s(text).symbol(new StringBuilder(text)).b(blob).end());
            encoded.add(message("/" + text).s(text).symbol(text).b(blob));
        }
        for (int i = 0; i < writes.size(); i++) {
            byte[] written = write(writes.get(i));
            assertArrayEquals(encoded.get(i).bytes(), written, "case " + i);
            assertEquals(encoded.get(i).expected(), read(written).get(0).arguments(), "case " + i);
        }
    }

    @Test
    void manyArgumentsMoveTheArgumentsAsTheTagsGrow() {
        for (int count = 0; count <= OscMessageView.MAX_ARGUMENTS; count += count < 16 ? 1 : 37) {
            int n = count;
            byte[] written = write(w -> {
                w.message("/many");
                for (int a = 0; a < n; a++) {
                    if (a % 3 == 0) {
                        w.s("arg" + a);
                    } else if (a % 3 == 1) {
                        w.i(a);
                    } else {
                        w.bool(a % 2 == 0);
                    }
                }
                w.end();
            });
            OscTestEncoder.Message expected = message("/many");
            for (int a = 0; a < n; a++) {
                if (a % 3 == 0) {
                    expected.s("arg" + a);
                } else if (a % 3 == 1) {
                    expected.i(a);
                } else {
                    expected.tag(a % 2 == 0 ? 'T' : 'F');
                }
            }
            assertArrayEquals(expected.bytes(), written, n + " arguments");
            assertEquals(expected.expected(), read(written).get(0).arguments());
        }
    }

    @Test
    void nestedBundlesCarryTheirTimeTagsAndSizes() {
        byte[] written = write(w -> w.bundle(TAG)
                .message("/first").f(0.5f).end()
                .bundle(TAG + (1L << 32))
                    .message("/inner").i(1).s("deep").end()
                    .bundle(OscTimeTag.IMMEDIATELY).end()
                .end()
                .message("/last").end()
                .end());
        byte[] expected = bundle(TAG,
                message("/first").f(0.5f).bytes(),
                bundle(TAG + (1L << 32), message("/inner").i(1).s("deep").bytes(), bundle(OscTimeTag.IMMEDIATELY)),
                message("/last").bytes());
        assertArrayEquals(expected, written);
        List<RecordingHandler.Received> received = read(written);
        assertEquals(List.of("/first", "/inner", "/last"), received.stream().map(RecordingHandler.Received::address).toList());
        assertEquals(List.of(TAG, TAG + (1L << 32), TAG), received.stream().map(RecordingHandler.Received::timeTag).toList());
        assertEquals(List.of("i:1", "s:deep"), received.get(1).arguments());
    }

    @Test
    void bundlesNestAsDeepAsTheReaderReads() {
        byte[] written = write(w -> {
            for (int d = 0; d < OscPacketReader.MAX_BUNDLE_DEPTH; d++) {
                w.bundle(d + 2L);
            }
            w.message("/bottom").i(8).end();
            for (int d = 0; d < OscPacketReader.MAX_BUNDLE_DEPTH; d++) {
                w.end();
            }
        });
        List<RecordingHandler.Received> received = read(written);
        assertEquals(OscPacketReader.MAX_BUNDLE_DEPTH + 1L, received.get(0).timeTag(), "the innermost tag");
        writer.wrap(buffer);
        for (int d = 0; d < OscPacketReader.MAX_BUNDLE_DEPTH; d++) {
            writer.bundle(1);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer.bundle(1));
        assertTrue(e.getMessage().contains("at most 8 deep"), e.getMessage());
    }

    @Test
    void theBuffersByteOrderAndOffsetDoNotMatterAndNothingOutsideTheRoomIsTouched() {
        byte[] expected = everyTypeEncoded().bytes();
        ByteBuffer little = ByteBuffer.allocateDirect(expected.length + 20).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < little.capacity(); i++) {
            little.put(i, (byte) 0x5A);
        }
        everyType(writer.wrap(little, 7, expected.length));
        assertEquals(expected.length, writer.length(), "exactly the room it needs");
        byte[] written = new byte[expected.length];
        little.get(7, written);
        assertArrayEquals(expected, written, "big-endian whatever the buffer's order");
        for (int i = 0; i < little.capacity(); i++) {
            if (i < 7 || i >= 7 + expected.length) {
                assertEquals(0x5A, little.get(i), "byte " + i + " outside the room");
            }
        }
        assertEquals(0, little.position(), "position untouched");
        assertEquals(little.capacity(), little.limit(), "limit untouched");
    }

    @Test
    void theWriterIsReusedPacketAfterPacket() {
        byte[] first = write(OscWriterTest::everyType);
        byte[] second = write(w -> w.message("/x").f(1).end());
        byte[] third = write(OscWriterTest::everyType);
        assertArrayEquals(first, third);
        assertArrayEquals(message("/x").f(1).bytes(), second);
    }

    // ---- refusals -------------------------------------------------------------------------------

    @Test
    void aBufferTooSmallAbandonsThePacketAtEveryLength() {
        byte[] whole = write(w -> w.bundle(TAG).message("/a/b").s("hello").b(BLOB).i(3).end()
                .bundle(1).message("/c").end().end().end());
        for (int room = 0; room < whole.length; room++) {
            ByteBuffer small = ByteBuffer.allocate(room);
            writer.wrap(small);
            OscPacketTooLargeException e = assertThrows(OscPacketTooLargeException.class,
                    () -> writer.bundle(TAG).message("/a/b").s("hello").b(BLOB).i(3).end()
                            .bundle(1).message("/c").end().end().end(), "room " + room);
            assertEquals(room, e.available());
            assertTrue(e.needed() > room && e.needed() <= whole.length, e.getMessage());
            assertFalse(writer.complete());
            assertThrows(IllegalStateException.class, writer::length, "no length for a partial packet");
            assertThrows(IllegalStateException.class, () -> writer.i(1), "nothing more until wrapped again");
        }
        writer.wrap(ByteBuffer.allocate(16));
        OscPacketTooLargeException e = assertThrows(OscPacketTooLargeException.class,
                () -> writer.message("/fader").s("too long a string").end());
        assertTrue(e.getMessage().contains("a string argument of message /fader"), e.getMessage());
        assertArrayEquals(whole, write(w -> w.bundle(TAG).message("/a/b").s("hello").b(BLOB).i(3).end()
                .bundle(1).message("/c").end().end().end()), "the writer recovers on the next wrap");
    }

    @Test
    void misuseIsRefusedAndAbandonsThePacket() {
        assertThrows(IllegalStateException.class, () -> new OscWriter().message("/a"), "no buffer");
        assertThrows(IllegalStateException.class, () -> writer.wrap(buffer).i(1), "no message open");
        assertThrows(IllegalStateException.class, () -> writer.wrap(buffer).end(), "nothing to end");
        assertThrows(IllegalStateException.class,
                () -> writer.wrap(buffer).message("/a").end().message("/b"), "one element per packet");
        assertThrows(IllegalStateException.class,
                () -> writer.wrap(buffer).bundle(1).message("/a").bundle(2), "a message is open");
        assertThrows(IllegalStateException.class, () -> writer.wrap(buffer).message("/a").length(),
                "not complete");
        assertThrows(IllegalArgumentException.class, () -> writer.wrap(buffer).message("a/b"), "no leading '/'");
        assertThrows(IllegalArgumentException.class, () -> writer.wrap(buffer).message(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.wrap(buffer).message("/a").s("caf\u00e9"));
        assertTrue(e.getMessage().contains("U+00E9 at index 3"), e.getMessage());
        assertThrows(IllegalStateException.class, writer::length);
        assertThrows(IllegalArgumentException.class, () -> writer.wrap(buffer).message("/a").s("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> writer.wrap(buffer).message("/a").c('\u00e9'));
        assertThrows(IllegalArgumentException.class, () -> writer.wrap(buffer.asReadOnlyBuffer()));
        assertThrows(IndexOutOfBoundsException.class, () -> writer.wrap(buffer, 4000, 100));
        writer.wrap(buffer).message("/many");
        for (int a = 0; a < OscMessageView.MAX_ARGUMENTS; a++) {
            writer.nil();
        }
        assertThrows(IllegalStateException.class, writer::nil, "more than the reader takes");
    }
}
