package org.vernissage.sensors.phone;

import io.netty.buffer.ByteBuf;

/**
 * Decodes and validates one binary WebSocket message from a phone, in place: it reads the bytes
 * where Netty left them (absolute reads, the buffer's indices untouched) into a reused
 * {@link PhoneFrame}, and allocates nothing. A message is accepted whole or refused whole; when
 * refused, {@link #rejection()} and {@link #rejectionOffset()} say why and where, and the frame's
 * contents are meaningless.
 *
 * <h2>Wire format, version 1</h2>
 * Numbers are IEEE 754 float32, little-endian (JavaScript's {@code DataView.setFloat32(o, v,
 * true)}); counts and slots are unsigned bytes. Records follow the version byte in any order, each
 * kind at most once; a frame of only the version byte is a keep-alive.
 * <pre>
 *   frame  = version:u8 (= 1)  record*
 *
 *   'T' (0x54) touches, 2 + 9n bytes: the complete list of fingers down (n = 0: all lifted)
 *    0      1       2      3             7             11
 *   +------+-------+------+-------------+-------------+---- ... n times
 *   | 'T'  | n     | slot | x float32   | y float32   |
 *   +------+-------+------+-------------+-------------+----
 *            n <= 16, slot 0..15 (distinct), x and y 0..1 (0,0 = top left)
 *
 *   'O' (0x4F) orientation, 13 bytes: DeviceOrientation, degrees
 *   +------+-----------------+----------------+-----------------+
 *   | 'O'  | alpha 0..360    | beta -180..180 | gamma -90..90   |
 *   +------+-----------------+----------------+-----------------+
 *
 *   'M' (0x4D) motion, 13 bytes: DeviceMotion acceleration without gravity, m/s2
 *   +------+-----------------+----------------+-----------------+
 *   | 'M'  | x               | y              | z               |   each within +-1000
 *   +------+-----------------+----------------+-----------------+
 * </pre>
 * The longest valid frame is 1 + 146 + 13 + 13 = {@value #MAX_FRAME_BYTES} bytes.
 *
 * <p>Binary rather than JSON because a phone's browser writes it as easily with a DataView, the
 * server validates it without a parser or a String, and every field has one fixed meaning.
 *
 * <p>Confined to the phones' event loop thread (it keeps the last rejection); owned by the
 * {@link PhoneInputRouter}.
 */
public final class PhoneFrameDecoder {

    /** The protocol version this decoder reads (the first byte of every frame). */
    public static final int VERSION = 1;
    public static final byte TOUCHES = 'T';
    public static final byte ORIENTATION = 'O';
    public static final byte MOTION = 'M';
    /** Bytes per touch entry: slot, x, y. */
    public static final int TOUCH_BYTES = 9;
    /** Bytes of an orientation or motion record, tag included. */
    public static final int VECTOR_RECORD_BYTES = 13;
    /** The longest well-formed frame. */
    public static final int MAX_FRAME_BYTES = 1 + 2 + PhoneFrame.MAX_TOUCHES * TOUCH_BYTES + 2 * VECTOR_RECORD_BYTES;
    /** About 100 g: beyond any hand, so a larger value is a broken or hostile client. */
    public static final float MAX_ACCELERATION = 1000f;

    private PhoneRejection rejection;
    private int rejectionOffset;

    /**
     * Decodes {@code length} bytes of {@code buffer} from index {@code offset} into {@code out}.
     *
     * @return true when the whole frame is well formed; false with {@link #rejection()} set
     */
    public boolean decode(ByteBuf buffer, int offset, int length, PhoneFrame out) {
        out.clear();
        rejection = null;
        rejectionOffset = 0;
        if (length <= 0) {
            return reject(PhoneRejection.EMPTY, 0);
        }
        if (buffer.getUnsignedByte(offset) != VERSION) {
            return reject(PhoneRejection.UNKNOWN_VERSION, 0);
        }
        int end = offset + length;
        int at = offset + 1;
        while (at < end) {
            byte tag = buffer.getByte(at);
            int next;
            if (tag == TOUCHES) {
                next = out.hasTouches() ? duplicate(at - offset) : touches(buffer, at, end, offset, out);
            } else if (tag == ORIENTATION) {
                next = out.hasOrientation() ? duplicate(at - offset) : orientation(buffer, at, end, offset, out);
            } else if (tag == MOTION) {
                next = out.hasMotion() ? duplicate(at - offset) : motion(buffer, at, end, offset, out);
            } else {
                return reject(PhoneRejection.UNKNOWN_RECORD, at - offset);
            }
            if (next < 0) {
                return false;
            }
            at = next;
        }
        return true;
    }

    /** Why the last {@link #decode} refused its frame, or null if it accepted it. */
    public PhoneRejection rejection() {
        return rejection;
    }

    /** The byte offset within the frame where the last refusal was found. */
    public int rejectionOffset() {
        return rejectionOffset;
    }

    // ---- records: each returns the index after the record, or -1 when refused ---------------

    private int touches(ByteBuf buffer, int at, int end, int base, PhoneFrame out) {
        if (end - at < 2) {
            return fail(PhoneRejection.TRUNCATED, at - base);
        }
        int count = buffer.getUnsignedByte(at + 1);
        if (count > PhoneFrame.MAX_TOUCHES) {
            return fail(PhoneRejection.TOO_MANY_TOUCHES, at + 1 - base);
        }
        int next = at + 2 + count * TOUCH_BYTES;
        if (next > end) {
            return fail(PhoneRejection.TRUNCATED, at - base);
        }
        out.startTouches();
        int seenSlots = 0; // a bit per slot: duplicates are refused without a scratch array
        for (int t = at + 2; t < next; t += TOUCH_BYTES) {
            int slot = buffer.getUnsignedByte(t);
            if (slot >= PhoneFrame.MAX_TOUCHES) {
                return fail(PhoneRejection.BAD_SLOT, t - base);
            }
            if ((seenSlots & (1 << slot)) != 0) {
                return fail(PhoneRejection.DUPLICATE_SLOT, t - base);
            }
            seenSlots |= 1 << slot;
            float x = buffer.getFloatLE(t + 1);
            float y = buffer.getFloatLE(t + 5);
            if (!check(x, 0, 1, t + 1 - base) || !check(y, 0, 1, t + 5 - base)) {
                return -1;
            }
            out.addTouch(slot, x, y);
        }
        return next;
    }

    private int orientation(ByteBuf buffer, int at, int end, int base, PhoneFrame out) {
        if (end - at < VECTOR_RECORD_BYTES) {
            return fail(PhoneRejection.TRUNCATED, at - base);
        }
        float alpha = buffer.getFloatLE(at + 1);
        float beta = buffer.getFloatLE(at + 5);
        float gamma = buffer.getFloatLE(at + 9);
        if (!check(alpha, 0, 360, at + 1 - base) || !check(beta, -180, 180, at + 5 - base)
                || !check(gamma, -90, 90, at + 9 - base)) {
            return -1;
        }
        out.setOrientation(alpha, beta, gamma);
        return at + VECTOR_RECORD_BYTES;
    }

    private int motion(ByteBuf buffer, int at, int end, int base, PhoneFrame out) {
        if (end - at < VECTOR_RECORD_BYTES) {
            return fail(PhoneRejection.TRUNCATED, at - base);
        }
        float x = buffer.getFloatLE(at + 1);
        float y = buffer.getFloatLE(at + 5);
        float z = buffer.getFloatLE(at + 9);
        if (!check(x, -MAX_ACCELERATION, MAX_ACCELERATION, at + 1 - base)
                || !check(y, -MAX_ACCELERATION, MAX_ACCELERATION, at + 5 - base)
                || !check(z, -MAX_ACCELERATION, MAX_ACCELERATION, at + 9 - base)) {
            return -1;
        }
        out.setMotion(x, y, z);
        return at + VECTOR_RECORD_BYTES;
    }

    private boolean check(float value, float min, float max, int offset) {
        if (!Float.isFinite(value)) {
            return reject(PhoneRejection.NOT_FINITE, offset);
        }
        if (value < min || value > max) {
            return reject(PhoneRejection.OUT_OF_RANGE, offset);
        }
        return true;
    }

    private int duplicate(int offset) {
        return fail(PhoneRejection.DUPLICATE_RECORD, offset);
    }

    private int fail(PhoneRejection reason, int offset) {
        reject(reason, offset);
        return -1;
    }

    private boolean reject(PhoneRejection reason, int offset) {
        rejection = reason;
        rejectionOffset = offset;
        return false;
    }
}
