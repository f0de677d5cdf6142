package org.vernissage.osc;

import java.nio.ByteBuffer;

/**
 * A flyweight over one validated OSC message where it lies in the receive buffer: the address and
 * the arguments are read in place, never copied, decoded into Strings or boxed. The argument
 * offsets were computed once, by {@link OscMessageScanner} while it validated the message, into an
 * array allocated with the view, so every read here is a single absolute get.
 *
 * <p>Owned by one {@link OscPacketReader} and handed to its {@link OscMessageHandler} on the
 * reader's thread. It is valid only during that callback: the next message rewraps it, and the
 * buffer underneath is reused for the next packet. Keep values, not the view.
 *
 * <p>Argument {@code i} is the {@code i}-th type tag after the ',' (array delimiters '[' and ']'
 * included, as zero-byte arguments, so an array's structure stays visible). Reading an argument
 * as a type it is not is a handler bug and throws {@link IllegalArgumentException}; check
 * {@link #typeTag(int)} (or {@link #isNumeric(int)}) first, as the tags come from the network.
 */
public final class OscMessageView {

    /** The most arguments (type tags) a message may have; more is rejected as OVERSIZE. */
    public static final int MAX_ARGUMENTS = 128;

    private final int[] argumentOffsets = new int[MAX_ARGUMENTS];
    private ByteBuffer buffer;
    private int addressOffset;
    private int addressLength;
    private int typeTagOffset;
    private int argumentCount;

    OscMessageView() {
    }

    /** Called by the scanner before it fills the offsets of a new message. */
    void wrap(ByteBuffer buffer, int addressOffset, int addressLength, int typeTagOffset,
              int argumentCount) {
        this.buffer = buffer;
        this.addressOffset = addressOffset;
        this.addressLength = addressLength;
        this.typeTagOffset = typeTagOffset;
        this.argumentCount = argumentCount;
    }

    /**
     * The buffer the message lies in, for matching its address in place (with
     * {@link OscPatternMatcher}); read it, never write it, and only during the handler's call.
     */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Where the address starts in {@link #buffer()}. */
    public int addressOffset() {
        return addressOffset;
    }

    /** The scanner writes argument offsets straight into the view: no second array, no copy. */
    int[] argumentOffsets() {
        return argumentOffsets;
    }

    // ---- address ----------------------------------------------------------------------------

    /** Number of address bytes, without the terminating NUL. */
    public int addressLength() {
        return addressLength;
    }

    /** Address byte {@code index} (0 is always '/'). */
    public byte addressByte(int index) {
        checkIndex(index, addressLength);
        return buffer.get(addressOffset + index);
    }

    /** Whether the address is exactly {@code address} (its bytes, no NUL). */
    public boolean addressEquals(byte[] address) {
        if (address.length != addressLength) {
            return false;
        }
        for (int i = 0; i < addressLength; i++) {
            if (buffer.get(addressOffset + i) != address[i]) {
                return false;
            }
        }
        return true;
    }

    /** A hash of the address bytes, computed in place; equal addresses hash equal. */
    public int addressHash() {
        int hash = AddressHash.start();
        for (int i = 0; i < addressLength; i++) {
            hash = AddressHash.step(hash, buffer.get(addressOffset + i));
        }
        return AddressHash.finish(hash);
    }

    // ---- arguments --------------------------------------------------------------------------

    public int argumentCount() {
        return argumentCount;
    }

    /** The type tag of argument {@code index}, e.g. 'i', 'f', 's', '['. */
    public char typeTag(int index) {
        checkIndex(index, argumentCount);
        return (char) (buffer.get(typeTagOffset + index) & 0xFF);
    }

    /**
     * Whether argument {@code index} exists and reads as one number: i, f, h, d, c (a character
     * code), T or F. Not numbers: strings and blobs (s S b), a time tag (t: a date, not a value),
     * an RGBA colour (r: four values in one) and a MIDI message (m: which of its bytes would be
     * the value is ambiguous), nil and impulse (N, I: no value; I was "infinitum" in OSC 1.0),
     * and the array brackets.
     */
    public boolean isNumeric(int index) {
        if (index < 0 || index >= argumentCount) {
            return false;
        }
        return switch (typeTag(index)) {
            case 'i', 'f', 'h', 'd', 'c', 'T', 'F' -> true;
            default -> false;
        };
    }

    /**
     * Argument {@code index} as a double: i, f, h and d by value, c as its character code, T as 1
     * and F as 0. NaN when the
     * argument is missing or not numeric (a NaN float argument reads as NaN too: use
     * {@link #isNumeric(int)} to tell them apart).
     */
    public double numericArgument(int index) {
        if (!isNumeric(index)) {
            return Double.NaN;
        }
        int at = argumentOffsets[index];
        return switch (typeTag(index)) {
            case 'i', 'c' -> OscBytes.readInt(buffer, at);
            case 'f' -> Float.intBitsToFloat(OscBytes.readInt(buffer, at));
            case 'h' -> OscBytes.readLong(buffer, at);
            case 'd' -> Double.longBitsToDouble(OscBytes.readLong(buffer, at));
            case 'T' -> 1.0;
            default -> 0.0; // 'F'
        };
    }

    /** The 32 bits of an i (int32), c (ASCII char), r (RGBA colour) or m (MIDI) argument. */
    public int intArgument(int index) {
        char tag = typeTag(index);
        if (tag != 'i' && tag != 'c' && tag != 'r' && tag != 'm') {
            throw wrongType(index, "a 32-bit integer");
        }
        return OscBytes.readInt(buffer, argumentOffsets[index]);
    }

    /** An f (float32) argument. */
    public float floatArgument(int index) {
        requireTag(index, 'f', "a float");
        return Float.intBitsToFloat(OscBytes.readInt(buffer, argumentOffsets[index]));
    }

    /** The 64 bits of an h (int64) or t (NTP time tag) argument. */
    public long longArgument(int index) {
        char tag = typeTag(index);
        if (tag != 'h' && tag != 't') {
            throw wrongType(index, "a 64-bit integer");
        }
        return OscBytes.readLong(buffer, argumentOffsets[index]);
    }

    /** A d (float64) argument. */
    public double doubleArgument(int index) {
        requireTag(index, 'd', "a double");
        return Double.longBitsToDouble(OscBytes.readLong(buffer, argumentOffsets[index]));
    }

    /** A T (true) or F (false) argument. */
    public boolean booleanArgument(int index) {
        char tag = typeTag(index);
        if (tag != 'T' && tag != 'F') {
            throw wrongType(index, "a boolean");
        }
        return tag == 'T';
    }

    /** Byte length (without NUL) of an s or S argument. */
    public int stringLength(int index) {
        requireString(index);
        int start = argumentOffsets[index];
        int end = start;
        while (buffer.get(end) != 0) { // validated: the NUL is there
            end++;
        }
        return end - start;
    }

    /** Byte {@code byteIndex} of an s or S argument. */
    public byte stringByte(int index, int byteIndex) {
        checkIndex(byteIndex, stringLength(index));
        return buffer.get(argumentOffsets[index] + byteIndex);
    }

    /** Byte length of a b (blob) argument. */
    public int blobLength(int index) {
        requireTag(index, 'b', "a blob");
        return OscBytes.readInt(buffer, argumentOffsets[index]);
    }

    /** Byte {@code byteIndex} of a b (blob) argument. */
    public byte blobByte(int index, int byteIndex) {
        checkIndex(byteIndex, blobLength(index));
        return buffer.get(argumentOffsets[index] + Integer.BYTES + byteIndex);
    }

    // ---- reads ------------------------------------------------------------------------------



    private void requireTag(int index, char tag, String what) {
        if (typeTag(index) != tag) {
            throw wrongType(index, what);
        }
    }

    private void requireString(int index) {
        char tag = typeTag(index);
        if (tag != 's' && tag != 'S') {
            throw wrongType(index, "a string");
        }
    }

    private IllegalArgumentException wrongType(int index, String what) {
        return new IllegalArgumentException(
                "argument " + index + " has type tag '" + typeTag(index) + "', not " + what);
    }

    private static void checkIndex(int index, int length) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " out of 0.." + (length - 1));
        }
    }
}
