package org.vernissage.engine.pipeline.event;

import org.vernissage.engine.pipeline.InputEvent;

/**
 * The payload of a {@link EventKinds#MODEL_INPUT} event: part of an input vector for a model that
 * is not made of parameters (Wekinator's {@code /wek/inputs}). A vector longer than
 * {@link #MAX_INPUTS} floats travels as several events of one all-or-nothing group (the
 * envelope's {@code continues}), each carrying the index of its first float; the vector is
 * complete with the event whose {@code first + count == total}.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |            model (int32): the model's index in the show       |  0
 *  +---------------+---------------+---------------+---------------+
 *  | first (u8)    | count (u8)    | total (u8)    | reserved (0)  |  4
 *  +---------------+---------------+---------------+---------------+
 *  |                     input first+0 (float32)                   |  8
 *  +---------------------------------------------------------------+
 *  |                            ...                                |
 *  +---------------------------------------------------------------+
 *  |                     input first+13 (float32)                  |  60
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class ModelInputFlyweight extends PayloadFlyweight {

    /** Floats one event carries. */
    public static final int MAX_INPUTS = 14;
    /** The longest vector (several events). */
    public static final int MAX_TOTAL = 255;
    public static final int MODEL_OFFSET = 0;
    public static final int FIRST_OFFSET = 4;
    public static final int COUNT_OFFSET = 5;
    public static final int TOTAL_OFFSET = 6;
    public static final int INPUTS_OFFSET = 8;
    public static final int LENGTH = INPUTS_OFFSET + MAX_INPUTS * Float.BYTES;

    public ModelInputFlyweight wrap(InputEvent event) {
        wrapPayload(event);
        return this;
    }

    /** Starts a payload for floats {@code first ..} of a {@code total}-float vector of {@code model}. */
    public ModelInputFlyweight reset(int model, int first, int total) {
        if (first < 0 || total < 1 || total > MAX_TOTAL || first >= total) {
            throw new IllegalArgumentException("inputs " + first + " of " + total + " (at most " + MAX_TOTAL + ")");
        }
        clear(LENGTH);
        putInt(MODEL_OFFSET, model);
        putByte(FIRST_OFFSET, (byte) first);
        putByte(TOTAL_OFFSET, (byte) total);
        return this;
    }

    /** Sets input {@code first + i} and grows the count to include it. */
    public ModelInputFlyweight input(int i, float value) {
        putCountedFloat(COUNT_OFFSET, INPUTS_OFFSET, MAX_INPUTS, i, value, "model inputs");
        return this;
    }

    public int model() {
        return getInt(MODEL_OFFSET);
    }

    public int first() {
        return getByte(FIRST_OFFSET) & 0xFF;
    }

    public int count() {
        return getByte(COUNT_OFFSET) & 0xFF;
    }

    public int total() {
        return getByte(TOTAL_OFFSET) & 0xFF;
    }

    /** Input {@code first() + i}. */
    public float input(int i) {
        return getFloat(INPUTS_OFFSET + i * Float.BYTES);
    }
}
