package org.vernissage.osc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A test-only OSC encoder, written from the OSC 1.0/1.1 specifications independently of the
 * reader. Each message also records, per argument, the text {@link RecordingHandler} will produce
 * for it, so a test compares what was encoded with what was read back.
 */
public final class OscTestEncoder {

    private OscTestEncoder() {
    }

    public static Message message(String address) {
        return new Message(address);
    }

    /** A bundle of already encoded elements (messages or bundles). */
    public static byte[] bundle(long timeTag, byte[]... elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("#bundle\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(8).putLong(timeTag).array());
        for (byte[] element : elements) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(element.length).array());
            out.writeBytes(element);
        }
        return out.toByteArray();
    }

    /** An OSC-string: the bytes, a NUL, then NULs up to a multiple of 4. */
    public static byte[] oscString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[(bytes.length + 4) & ~3];
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        return padded;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] int32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    /** Builds one message; argument methods append a type tag and its encoded bytes. */
    public static final class Message {
        private final String address;
        private final StringBuilder tags = new StringBuilder(",");
        private final ByteArrayOutputStream arguments = new ByteArrayOutputStream();
        private final List<String> expected = new ArrayList<>();

        private Message(String address) {
            this.address = address;
        }

        public Message i(int value) {
            return add('i', ByteBuffer.allocate(4).putInt(value).array(), "i:" + value);
        }

        public Message f(float value) {
            return add('f', ByteBuffer.allocate(4).putFloat(value).array(), "f:" + value);
        }

        public Message h(long value) {
            return add('h', ByteBuffer.allocate(8).putLong(value).array(), "h:" + value);
        }

        public Message t(long timeTag) {
            return add('t', ByteBuffer.allocate(8).putLong(timeTag).array(), "t:" + timeTag);
        }

        public Message d(double value) {
            return add('d', ByteBuffer.allocate(8).putDouble(value).array(), "d:" + value);
        }

        public Message s(String value) {
            return add('s', oscString(value), "s:" + value);
        }

        public Message symbol(String value) {
            return add('S', oscString(value), "S:" + value);
        }

        public Message c(char value) {
            return add('c', ByteBuffer.allocate(4).putInt(value).array(), "c:" + (int) value);
        }

        public Message rgba(int red, int green, int blue, int alpha) {
            byte[] bytes = {(byte) red, (byte) green, (byte) blue, (byte) alpha};
            return add('r', bytes, "r:" + ByteBuffer.wrap(bytes).getInt());
        }

        public Message midi(int port, int status, int data1, int data2) {
            byte[] bytes = {(byte) port, (byte) status, (byte) data1, (byte) data2};
            return add('m', bytes, "m:" + ByteBuffer.wrap(bytes).getInt());
        }

        public Message b(byte[] blob) {
            byte[] bytes = new byte[4 + ((blob.length + 3) & ~3)];
            ByteBuffer.wrap(bytes).putInt(blob.length).put(blob);
            return add('b', bytes, "b:" + HexFormat.of().formatHex(blob));
        }

        public Message tag(char tag) {
            return add(tag, new byte[0], String.valueOf(tag)); // T F N I [ ]: no bytes
        }

        private Message add(char tag, byte[] bytes, String expectation) {
            tags.append(tag);
            arguments.writeBytes(bytes);
            expected.add(expectation);
            return this;
        }

        /** What {@link RecordingHandler} should read back, one entry per argument. */
        public List<String> expected() {
            return List.copyOf(expected);
        }

        public byte[] bytes() {
            return concat(oscString(address), oscString(tags.toString()), arguments.toByteArray());
        }
    }
}
