package org.vernissage.osc;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads OSC 1.0 packets (messages and bundles, nested) where they lie in a {@link ByteBuffer},
 * without copying, decoding Strings, boxing or allocating. A packet is never trusted: it is first
 * validated whole, so a bundle is all-or-nothing (one malformed element rejects every message in
 * it, nothing half-applied), and only then are its messages delivered, in order, to an
 * {@link OscMessageHandler}. No input bytes make it throw or read outside its region.
 *
 * <pre>
 * Message (every part 4-byte aligned, big-endian, padding is NUL bytes):
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |  '/'  |  address bytes ...                  |  NUL  | pad 0..3 |
 * +---------------------------------------------------------------+
 * |  ','  |  type tags, one byte per argument   |  NUL  | pad 0..3 |
 * +---------------------------------------------------------------+
 * |  arguments, in type tag order:                                |
 * |    i f c r m   4 bytes      h t d   8 bytes                   |
 * |    s S         bytes, NUL, pad to 4                           |
 * |    b           int32 size, size bytes, pad to 4               |
 * |    T F N I [ ] no bytes (the tag is the value / the bracket)  |
 * +---------------------------------------------------------------+
 *
 * Bundle:
 * +---------------------------------------------------------------+
 * |  '#'  |  'b'  |  'u'  |  'n'  |  'd'  |  'l'  |  'e'  |  NUL  |
 * +---------------------------------------------------------------+
 * |  time tag: NTP seconds since 1900 (32 bits)                   |
 * |            fraction of a second     (32 bits); 1 = immediately|
 * +---------------------------------------------------------------+
 * |  element size (int32: positive, a multiple of 4)              |
 * +---------------------------------------------------------------+
 * |  element: a message or a bundle, exactly "size" bytes        ...
 * +---------------------------------------------------------------+
 * |  ... more size + element pairs, up to the end of the bundle  ...
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Beyond OSC 1.0 (i f s b) it sizes the common 1.1 and extended types (h t d S c r m T F N I
 * and arrays). Limits keep the work per packet bounded: bundles nest at most
 * {@link #MAX_BUNDLE_DEPTH} deep, a message has at most {@link OscMessageView#MAX_ARGUMENTS}
 * arguments.
 *
 * <p>Confined to one thread (the receiving thread that owns it); not thread-safe. The caller owns
 * the buffer and must not change the region during {@link #read}.
 */
public final class OscPacketReader {

    /** The time tag OSC reserves for "immediately"; given for messages outside a bundle. */
    public static final long IMMEDIATELY = OscTimeTag.IMMEDIATELY;
    /** How deep bundles may nest (the outermost bundle is depth 1). */
    public static final int MAX_BUNDLE_DEPTH = 8;

    private static final int BUNDLE_HEADER_BYTES = 16;
    private static final long BUNDLE_MAGIC = 0x2362756E646C6500L; // "#bundle\0"

    private final OscMessageView view = new OscMessageView();
    private final OscMessageScanner scanner = new OscMessageScanner(view);
    private ByteBuffer buffer;
    private int regionStart;
    private OscRejection rejection;
    private int rejectionOffset;

    /**
     * Validates the packet in {@code [offset, offset + length)} of {@code buffer}, then, if it is
     * valid, delivers it to {@code handler}: {@link OscMessageHandler#onPacketStart}, its bundles
     * and messages in order, then {@link OscMessageHandler#onPacketEnd}. A rejected packet
     * delivers nothing, not even the packet start.
     *
     * @param arrivalNanos passed through to the handler unchanged
     * @return {@code true} if the packet was valid and delivered; otherwise nothing was delivered
     *     and {@link #rejection()} says why
     * @throws IndexOutOfBoundsException if the region does not lie inside the buffer's limit (a
     *     caller bug; no packet content can cause an exception)
     */
    public boolean read(ByteBuffer buffer, int offset, int length, long arrivalNanos,
                        OscMessageHandler handler) {
        Objects.checkFromIndexSize(offset, length, buffer.limit());
        this.buffer = buffer;
        this.regionStart = offset;
        this.rejection = null;
        int end = offset + length;
        if (length > 0 && buffer.get(offset) == '/') {
            return readMessage(offset, end, arrivalNanos, handler);
        }
        OscRejection invalid = validateBundle(offset, end, 1);
        if (invalid != null) {
            return reject(invalid);
        }
        handler.onPacketStart(arrivalNanos);
        deliverBundle(offset, end, arrivalNanos, handler);
        handler.onPacketEnd(arrivalNanos);
        return true;
    }

    /** Why the last {@link #read} refused its packet; {@code null} if it accepted it. */
    public OscRejection rejection() {
        return rejection;
    }

    /** Where in the packet (bytes from its start) the last rejection was found. */
    public int rejectionOffset() {
        return rejectionOffset;
    }

    // A bare message needs one scan: validating it already left the view ready.
    private boolean readMessage(int start, int end, long arrivalNanos, OscMessageHandler handler) {
        OscRejection invalid = scanner.scan(buffer, start, end);
        if (invalid != null) {
            rejectionOffset = scanner.failedAt() - regionStart;
            rejection = invalid;
            return false;
        }
        handler.onPacketStart(arrivalNanos);
        handler.onMessage(view, IMMEDIATELY, arrivalNanos);
        handler.onPacketEnd(arrivalNanos);
        return true;
    }

    // ---- pass 1: validate everything, deliver nothing ---------------------------------------

    private OscRejection validateBundle(int start, int end, int depth) {
        OscRejection header = checkBundleHeader(start, end);
        if (header != null) {
            return header;
        }
        if (depth > MAX_BUNDLE_DEPTH) {
            return failAt(start, OscRejection.TOO_DEEP);
        }
        int at = start + BUNDLE_HEADER_BYTES;
        while (at < end) {
            int size = elementSize(at, end);
            if (size < 0) {
                return rejection;
            }
            OscRejection invalid = validateElement(at + Integer.BYTES, at + Integer.BYTES + size, depth);
            if (invalid != null) {
                return invalid;
            }
            at += Integer.BYTES + size;
        }
        return null;
    }

    private OscRejection validateElement(int start, int end, int depth) {
        if (buffer.get(start) == '#') {
            return validateBundle(start, end, depth + 1);
        }
        OscRejection invalid = scanner.scan(buffer, start, end);
        if (invalid != null) {
            return failAt(scanner.failedAt(), invalid);
        }
        return null;
    }

    private OscRejection checkBundleHeader(int start, int end) {
        int length = end - start;
        if (length == 0) {
            return failAt(start, OscRejection.TRUNCATED);
        }
        // Compare what is there first: a short "#bun" is a truncated bundle, "#foo" is not OSC.
        int present = Math.min(8, length);
        for (int i = 0; i < present; i++) {
            byte expected = (byte) (BUNDLE_MAGIC >>> (56 - 8 * i));
            if (buffer.get(start + i) != expected) {
                return failAt(start + i, OscRejection.NOT_OSC);
            }
        }
        if (length < BUNDLE_HEADER_BYTES) {
            return failAt(end, OscRejection.TRUNCATED);
        }
        return null;
    }

    /** The size of the element whose size field is at {@code at}, or -1 after recording why. */
    private int elementSize(int at, int end) {
        if (end - at < Integer.BYTES) {
            failAt(end, OscRejection.TRUNCATED);
            return -1;
        }
        int size = OscBytes.readInt(buffer, at);
        if (size <= 0 || (size & 3) != 0 || size > end - at - Integer.BYTES) {
            failAt(at, OscRejection.BAD_BUNDLE);
            return -1;
        }
        return size;
    }

    // ---- pass 2: the packet is known good; walk it again and deliver ------------------------

    private void deliverBundle(int start, int end, long arrivalNanos, OscMessageHandler handler) {
        long timeTag = OscBytes.readLong(buffer, start + 8);
        handler.onBundleStart(timeTag);
        int at = start + BUNDLE_HEADER_BYTES;
        while (at < end) {
            int elementStart = at + Integer.BYTES;
            int elementEnd = elementStart + OscBytes.readInt(buffer, at);
            if (buffer.get(elementStart) == '#') {
                deliverBundle(elementStart, elementEnd, arrivalNanos, handler);
            } else {
                scanner.scan(buffer, elementStart, elementEnd); // rewraps the view; cannot fail now
                handler.onMessage(view, timeTag, arrivalNanos);
            }
            at = elementEnd;
        }
        handler.onBundleEnd();
    }

    // ---- helpers ----------------------------------------------------------------------------



    private OscRejection failAt(int at, OscRejection reason) {
        rejection = reason;
        rejectionOffset = at - regionStart;
        return reason;
    }

    private boolean reject(OscRejection reason) {
        rejection = reason;
        return false;
    }
}
