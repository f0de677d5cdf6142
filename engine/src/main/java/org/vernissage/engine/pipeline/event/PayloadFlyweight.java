package org.vernissage.engine.pipeline.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.vernissage.engine.pipeline.InputEvent;

/**
 * A view over one event's payload bytes, in the manner of Aeron's flyweights: it owns no data,
 * it is pointed ({@code wrap}) at an {@link InputEvent}'s payload (an array and an offset) and
 * reads or writes fields at fixed offsets from there. Wrapping allocates nothing, so one flyweight
 * per kind serves every event a thread handles; and because every slot of a ring shares one array,
 * re-wrapping for the next slot writes only an int (no reference store, so no GC write barrier on
 * the conductor's path).
 *
 * <p>Fields are read and written through {@link VarHandle} views of the byte array in
 * {@link #ORDER} (little-endian, whatever the machine, so payload bytes copied into a journal mean
 * the same thing everywhere they are read). Each kind's static {@code encode} writes a whole
 * payload through the same helpers.
 *
 * <p>Not thread-safe: each thread that reads or writes payloads holds its own flyweights.
 */
public abstract class PayloadFlyweight {

    /** The byte order of every payload field. */
    public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ORDER);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ORDER);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ORDER);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ORDER);

    private byte[] array;
    private int offset;

    /** Points this view at {@code event}'s payload. */
    protected final void wrapPayload(InputEvent event) {
        byte[] a = event.payloadArray();
        if (array != a) {
            array = a; // only when the event lives in another array than the last one
        }
        offset = event.payloadOffset();
    }

    // ---- reading and writing the wrapped payload --------------------------------------------

    protected final byte getByte(int field) {
        return array[offset + field];
    }

    protected final int getInt(int field) {
        return (int) INT.get(array, offset + field);
    }

    protected final long getLong(int field) {
        return (long) LONG.get(array, offset + field);
    }

    protected final float getFloat(int field) {
        return (float) FLOAT.get(array, offset + field);
    }

    protected final void putByte(int field, byte value) {
        array[offset + field] = value;
    }

    protected final void putInt(int field, int value) {
        INT.set(array, offset + field, value);
    }

    protected final void putLong(int field, long value) {
        LONG.set(array, offset + field, value);
    }

    protected final void putFloat(int field, float value) {
        FLOAT.set(array, offset + field, value);
    }

    /** Zeroes the first {@code length} bytes (a multiple of 4), so reserved fields read 0. */
    protected final void clear(int length) {
        for (int i = 0; i < length; i += Integer.BYTES) {
            putInt(i, 0);
        }
    }

    /**
     * Sets element {@code i} of a float array of at most {@code max} elements at {@code arrayOffset}
     * whose count is the byte at {@code countOffset}, growing the count to include it.
     */
    protected final void putCountedFloat(int countOffset, int arrayOffset, int max, int i, float value, String what) {
        if (i < 0 || i >= max) {
            throw new IndexOutOfBoundsException("a payload holds " + max + " " + what + ", not " + (i + 1));
        }
        putFloat(arrayOffset + i * Float.BYTES, value);
        if (i >= (getByte(countOffset) & 0xFF)) {
            putByte(countOffset, (byte) (i + 1));
        }
    }

    // ---- writing a payload without a flyweight instance (the kinds' encode methods) ---------

    protected static void putByte(InputEvent event, int field, byte value) {
        event.payloadArray()[event.payloadOffset() + field] = value;
    }

    protected static void putShort(InputEvent event, int field, short value) {
        SHORT.set(event.payloadArray(), event.payloadOffset() + field, value);
    }

    protected static void putInt(InputEvent event, int field, int value) {
        INT.set(event.payloadArray(), event.payloadOffset() + field, value);
    }

    protected static void putLong(InputEvent event, int field, long value) {
        LONG.set(event.payloadArray(), event.payloadOffset() + field, value);
    }

    protected static void putFloat(InputEvent event, int field, float value) {
        FLOAT.set(event.payloadArray(), event.payloadOffset() + field, value);
    }
}
