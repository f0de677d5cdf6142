package org.vernissage.engine.pipeline.event;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A view over one event's payload bytes, in the manner of Aeron's flyweights: it owns no data,
 * it is pointed ({@code wrap}) at a payload and reads or writes fields at fixed offsets. Wrapping
 * allocates nothing, so one flyweight per kind serves every event a thread handles.
 *
 * <p>Payloads are heap {@link ByteBuffer}s in {@link #ORDER} (little-endian, whatever the machine,
 * so payload bytes copied into a journal mean the same thing everywhere they are read), as
 * {@code InputEvent} makes them; fields are read and written with absolute indexes only, so a
 * payload's position and limit never matter.
 *
 * <p>Not thread-safe: each thread that reads or writes payloads holds its own flyweights.
 */
public abstract class PayloadFlyweight {

    /** The byte order of every payload field. */
    public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    protected ByteBuffer buffer;

    /** Points this view at a payload (offset 0 of {@code payload}, which must be in {@link #ORDER}). */
    public final void wrapBuffer(ByteBuffer payload) {
        this.buffer = payload;
    }

    /** The payload this view is pointed at. */
    public final ByteBuffer buffer() {
        return buffer;
    }

    /**
     * Sets element {@code i} of a float array of at most {@code max} elements at {@code arrayOffset}
     * whose count is the byte at {@code countOffset}, growing the count to include it.
     */
    protected final void putCountedFloat(int countOffset, int arrayOffset, int max, int i, float value, String what) {
        if (i < 0 || i >= max) {
            throw new IndexOutOfBoundsException("a payload holds " + max + " " + what + ", not " + (i + 1));
        }
        buffer.putFloat(arrayOffset + i * Float.BYTES, value);
        if (i >= (buffer.get(countOffset) & 0xFF)) {
            buffer.put(countOffset, (byte) (i + 1));
        }
    }

    /** Zeroes the first {@code length} bytes (a multiple of 4), so reserved fields read 0. */
    protected final void clear(int length) {
        for (int i = 0; i < length; i += Integer.BYTES) {
            buffer.putInt(i, 0);
        }
    }
}
