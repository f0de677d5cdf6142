package org.vernissage.osc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Writes one OSC packet (a message, or a bundle of messages and nested bundles) into a buffer the
 * caller owns, without allocating: a flyweight over the buffer, reused for packet after packet.
 * <pre>
 *   int length = writer.wrap(buffer.clear())
 *           .bundle(OscTimeTag.IMMEDIATELY)
 *               .message("/mixer/1/fader").f(0.75f).end()
 *               .message("/cue").s(name).i(3).end()
 *           .end()
 *           .length();
 *   channel.send(buffer.clear().limit(length), target);
 * </pre>
 * Every call returns the writer; {@link #end()} closes the innermost open message or bundle, and
 * {@link #length()} gives the packet's size once its outermost element is ended.
 *
 * <p>The wire format is OSC 1.0's, big-endian whatever the buffer's byte order, written with
 * absolute puts (the buffer's position and limit are left alone): strings and blobs are padded
 * with NULs to a multiple of 4 bytes, the type tag string is always written, a bundle element is
 * preceded by its size. Argument types: OSC 1.0's i f s b, and the 1.1 and extended types that
 * liblo and this project's {@link OscPacketReader} read: h t d S c r m T F N I.
 *
 * <p>Type tags come before the arguments on the wire but are only known as the arguments come,
 * so a message's tag string always has exactly the room its tags need (4 bytes: ',' and up to 2
 * tags), and each time it needs 4 more bytes (the 3rd, 7th, 11th... argument) the arguments
 * written so far move 4 bytes further. No scratch buffer, and a packet never needs more room
 * while it is written than it has once complete: a buffer of exactly its size always fits it.
 *
 * <p>Strings are {@link CharSequence}s written byte by byte, so a {@link String} or a reused
 * {@link StringBuilder} costs nothing; OSC strings are ASCII, so a character outside 1..127 is
 * refused. Errors never leave a packet that looks complete: when the buffer is too small
 * ({@link OscPacketTooLargeException}), a string is not ASCII, or the calls are out of order
 * ({@link IllegalStateException}), the packet is abandoned, {@link #length()} refuses to answer
 * and every call but {@link #wrap} throws until a buffer is wrapped again.
 *
 * <p>Limits match the reader's, so that what is written can be read back: at most
 * {@link OscMessageView#MAX_ARGUMENTS} arguments per message, bundles nested at most
 * {@link OscPacketReader#MAX_BUNDLE_DEPTH} deep.
 *
 * <p>Confined to one thread (the sender's); owned by whoever sends with it. The wrapped buffer
 * must not be changed by anyone else while a packet is being written.
 */
public final class OscWriter {

    private static final int NO_SIZE_FIELD = -1;
    private static final int INITIAL_TAG_ROOM = 4; // ",", 2 tags, NUL
    private static final byte[] BUNDLE_HEADER = {'#', 'b', 'u', 'n', 'd', 'l', 'e', 0};

    private ByteBuffer buffer;
    private boolean bigEndian;
    private int start;
    private int end;
    private int position;
    private boolean failed;
    private boolean started;

    // Open bundles, outermost first: where each one's size field lies (NO_SIZE_FIELD at the top).
    private final int[] bundleSizeFields = new int[OscPacketReader.MAX_BUNDLE_DEPTH];
    private int depth;

    // The open message, if any.
    private boolean inMessage;
    private int messageSizeField;
    private int addressAt;
    private int tagsAt;
    private int tagRoom;
    private int tagCount;
    private int argumentsAt;

    /** Starts a packet at index 0 of {@code buffer}, with up to its limit as room. */
    public OscWriter wrap(ByteBuffer buffer) {
        return wrap(buffer, 0, buffer.limit());
    }

    /**
     * Starts a packet at index {@code offset} of {@code buffer}, with {@code room} bytes to fill at
     * most; the room must lie below the buffer's limit (absolute puts stop there).
     */
    public OscWriter wrap(ByteBuffer buffer, int offset, int room) {
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException("an OSC packet cannot be written into a read-only buffer");
        }
        if (offset < 0 || room < 0 || offset > buffer.limit() - room) {
            throw new IndexOutOfBoundsException("room [" + offset + ", " + offset + " + " + room
                    + ") is outside the buffer's limit " + buffer.limit());
        }
        this.buffer = buffer;
        this.bigEndian = buffer.order() == ByteOrder.BIG_ENDIAN;
        this.start = offset;
        this.end = offset + room;
        this.position = offset;
        this.failed = false;
        this.started = false;
        this.depth = 0;
        this.inMessage = false;
        return this;
    }

    // ---- structure ------------------------------------------------------------------------------

    /**
     * Opens a message (the packet itself, or the next element of the open bundle).
     *
     * @param address an OSC address (or address pattern): ASCII, starting with '/'
     */
    public OscWriter message(CharSequence address) {
        if (address.isEmpty() || address.charAt(0) != '/') {
            throw invalid("an OSC address starts with '/': '" + address + "'");
        }
        int sizeField = beginElement();
        addressAt = position;
        writeString(address, "the address");
        ensure(INITIAL_TAG_ROOM, "the type tags");
        tagsAt = position;
        buffer.put(position, (byte) ',');
        for (int i = 1; i < INITIAL_TAG_ROOM; i++) {
            buffer.put(position + i, (byte) 0);
        }
        position += INITIAL_TAG_ROOM;
        tagRoom = INITIAL_TAG_ROOM;
        tagCount = 0;
        argumentsAt = position;
        messageSizeField = sizeField;
        inMessage = true;
        return this;
    }

    /**
     * Opens a bundle (the packet itself, or a nested bundle of the open one).
     *
     * @param timeTag when its messages apply, as an NTP time tag ({@link OscTimeTag#timeTag});
     *     {@link OscTimeTag#IMMEDIATELY} for "on arrival"
     */
    public OscWriter bundle(long timeTag) {
        if (depth == bundleSizeFields.length) {
            throw misuse("bundles nest at most " + bundleSizeFields.length + " deep");
        }
        int sizeField = beginElement();
        ensure(BUNDLE_HEADER.length + 8, "a bundle header");
        for (byte b : BUNDLE_HEADER) {
            buffer.put(position++, b);
        }
        putLong(timeTag);
        bundleSizeFields[depth++] = sizeField;
        return this;
    }

    /** Closes the open message, or else the innermost open bundle. */
    public OscWriter end() {
        requireWritable();
        if (inMessage) {
            endMessage();
        } else if (depth > 0) {
            depth--;
            closeElement(bundleSizeFields[depth]);
        } else {
            throw misuse("end() with no message or bundle open");
        }
        return this;
    }

    /** Whether a whole packet has been written (its outermost message or bundle is ended). */
    public boolean complete() {
        return buffer != null && !failed && started && depth == 0 && !inMessage;
    }

    /**
     * The packet's length in bytes, from the offset it was wrapped at.
     *
     * @throws IllegalStateException when the packet is not complete or was abandoned
     */
    public int length() {
        if (!complete()) {
            throw new IllegalStateException(failed
                    ? "the OSC packet was abandoned after an error: it has no length"
                    : "the OSC packet is not complete: end() every message and bundle first");
        }
        return position - start;
    }

    // ---- arguments ------------------------------------------------------------------------------

    /** 'i': a 32-bit integer. */
    public OscWriter i(int value) {
        argument('i', 4, "an int32 argument");
        putInt(value);
        return this;
    }

    /** 'f': a 32-bit float. */
    public OscWriter f(float value) {
        argument('f', 4, "a float32 argument");
        putInt(Float.floatToRawIntBits(value));
        return this;
    }

    /** 's': an ASCII string. */
    public OscWriter s(CharSequence value) {
        argument('s', paddedStringLength(value), "a string argument");
        writeString(value, "a string argument");
        return this;
    }

    /** 'S': a symbol, written like a string. */
    public OscWriter symbol(CharSequence value) {
        argument('S', paddedStringLength(value), "a symbol argument");
        writeString(value, "a symbol argument");
        return this;
    }

    /** 'b': a blob, the whole array. */
    public OscWriter b(byte[] bytes) {
        return b(bytes, 0, bytes.length);
    }

    /** 'b': a blob, {@code length} bytes of {@code bytes} from {@code offset}. */
    public OscWriter b(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        blobHeader(length);
        for (int i = 0; i < length; i++) {
            buffer.put(position + i, bytes[offset + i]);
        }
        blobPadding(length);
        return this;
    }

    /** 'b': a blob, {@code length} bytes of {@code source} from index {@code offset} (absolute reads). */
    public OscWriter b(ByteBuffer source, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, source.limit());
        blobHeader(length);
        for (int i = 0; i < length; i++) {
            buffer.put(position + i, source.get(offset + i));
        }
        blobPadding(length);
        return this;
    }

    /** 'h': a 64-bit integer. */
    public OscWriter h(long value) {
        argument('h', 8, "an int64 argument");
        putLong(value);
        return this;
    }

    /** 't': a time tag (an NTP time, see {@link OscTimeTag}). */
    public OscWriter t(long timeTag) {
        argument('t', 8, "a time tag argument");
        putLong(timeTag);
        return this;
    }

    /** 'd': a 64-bit float. */
    public OscWriter d(double value) {
        argument('d', 8, "a float64 argument");
        putLong(Double.doubleToRawLongBits(value));
        return this;
    }

    /** 'c': an ASCII character, sent as a 32-bit integer. */
    public OscWriter c(char value) {
        if (value > 0x7F) {
            throw invalid(String.format("OSC character arguments are ASCII: U+%04X is not", (int) value));
        }
        argument('c', 4, "a character argument");
        putInt(value);
        return this;
    }

    /** 'r': a 32-bit RGBA colour, one byte per component (only the low 8 bits of each are sent). */
    public OscWriter rgba(int red, int green, int blue, int alpha) {
        argument('r', 4, "an RGBA argument");
        putBytes(red, green, blue, alpha);
        return this;
    }

    /** 'm': a 4-byte MIDI message: port id, status byte, data 1, data 2 (low 8 bits of each). */
    public OscWriter midi(int port, int status, int data1, int data2) {
        argument('m', 4, "a MIDI argument");
        putBytes(port, status, data1, data2);
        return this;
    }

    /** 'T' or 'F': a boolean, carried by the type tag alone. */
    public OscWriter bool(boolean value) {
        argument(value ? 'T' : 'F', 0, "a boolean argument");
        return this;
    }

    /** 'N': nil, carried by the type tag alone. */
    public OscWriter nil() {
        argument('N', 0, "a nil argument");
        return this;
    }

    /** 'I': infinitum ("impulse" in OSC 1.1), carried by the type tag alone. */
    public OscWriter infinitum() {
        argument('I', 0, "an infinitum argument");
        return this;
    }

    // ---- how ------------------------------------------------------------------------------------

    /** Starts a message or bundle: reserves its size field inside a bundle; returns where, or none. */
    private int beginElement() {
        requireWritable();
        if (inMessage) {
            throw misuse("a message is open: end() it before starting another message or bundle");
        }
        if (depth == 0) {
            if (started) {
                throw misuse("a packet holds one message or one bundle: wrap the buffer again for the next");
            }
            started = true;
            return NO_SIZE_FIELD;
        }
        ensure(4, "a bundle element's size");
        int sizeField = position;
        position += 4;
        return sizeField;
    }

    private void closeElement(int sizeField) {
        if (sizeField != NO_SIZE_FIELD) {
            int size = position - sizeField - 4;
            buffer.putInt(sizeField, bigEndian ? size : Integer.reverseBytes(size));
        }
    }

    private void endMessage() {
        inMessage = false;
        closeElement(messageSizeField);
    }

    /**
     * Adds a type tag for an argument of {@code payload} bytes, making room for both; the caller
     * then writes the payload at {@link #position}.
     */
    private void argument(char tag, int payload, String what) {
        requireWritable();
        if (!inMessage) {
            throw misuse("an argument needs an open message: call message(address) first");
        }
        if (tagCount == OscMessageView.MAX_ARGUMENTS) {
            throw misuse("a message has at most " + OscMessageView.MAX_ARGUMENTS + " arguments");
        }
        boolean grow = tagStringLength(tagCount + 1) > tagRoom;
        ensure((grow ? 4 : 0) + payload, what);
        if (grow) {
            // Move the arguments written so far 4 bytes on, to make room for 4 more tags.
            for (int i = position - 1; i >= argumentsAt; i--) {
                buffer.put(i + 4, buffer.get(i));
            }
            for (int i = 0; i < 4; i++) {
                buffer.put(argumentsAt + i, (byte) 0);
            }
            argumentsAt += 4;
            position += 4;
            tagRoom += 4;
        }
        buffer.put(tagsAt + 1 + tagCount, (byte) tag);
        tagCount++;
    }

    /** ',', the tags, a NUL, padded to a multiple of 4. */
    private static int tagStringLength(int tags) {
        return (tags + 2 + 3) & ~3;
    }

    private static int paddedStringLength(CharSequence value) {
        return (value.length() + 4) & ~3;
    }

    private void blobHeader(int length) {
        argument('b', 4 + ((length + 3) & ~3), "a blob argument");
        putInt(length);
    }

    private void blobPadding(int length) {
        position += length;
        for (int pad = length; (pad & 3) != 0; pad++) {
            buffer.put(position++, (byte) 0);
        }
    }

    /** Writes an OSC-string: the ASCII bytes, a NUL, NULs up to a multiple of 4. */
    private void writeString(CharSequence value, String what) {
        int length = value.length();
        int padded = paddedStringLength(value);
        ensure(padded, what);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == 0 || c > 0x7F) {
                throw invalid(String.format("OSC strings are ASCII without NUL: %s has U+%04X at index %d",
                        what, (int) c, i));
            }
            buffer.put(position + i, (byte) c);
        }
        for (int i = length; i < padded; i++) {
            buffer.put(position + i, (byte) 0);
        }
        position += padded;
    }

    private void putInt(int value) {
        buffer.putInt(position, bigEndian ? value : Integer.reverseBytes(value));
        position += 4;
    }

    private void putLong(long value) {
        buffer.putLong(position, bigEndian ? value : Long.reverseBytes(value));
        position += 8;
    }

    private void putBytes(int b0, int b1, int b2, int b3) {
        buffer.put(position, (byte) b0);
        buffer.put(position + 1, (byte) b1);
        buffer.put(position + 2, (byte) b2);
        buffer.put(position + 3, (byte) b3);
        position += 4;
    }

    private void ensure(int bytes, String what) {
        if (bytes > end - position) {
            failed = true;
            String where = inMessage ? what + " of message " + openAddress() : what;
            throw new OscPacketTooLargeException(where, position - start + bytes, end - start);
        }
    }

    private void requireWritable() {
        if (buffer == null) {
            throw new IllegalStateException("wrap a buffer before writing an OSC packet");
        }
        if (failed) {
            throw new IllegalStateException("the OSC packet was abandoned after an error: wrap the buffer again");
        }
    }

    private IllegalStateException misuse(String why) {
        failed = buffer != null;
        return new IllegalStateException(why + " (the packet is abandoned)");
    }

    private IllegalArgumentException invalid(String why) {
        failed = buffer != null;
        return new IllegalArgumentException(why + " (the packet is abandoned)");
    }

    /** The open message's address, for error messages only (allocates). */
    private String openAddress() {
        StringBuilder address = new StringBuilder();
        for (int i = addressAt; i < end && buffer.get(i) != 0; i++) {
            address.append((char) buffer.get(i));
        }
        return address.toString();
    }
}
