package org.vernissage.engine.pipeline.event;

import org.vernissage.engine.pipeline.InputEvent;

/**
 * The payload of a {@link EventKinds#MODEL_RESULT} event, for the model-results stage a later
 * issue adds: up to {@link #MAX_OUTPUTS} outputs of one run of a model on another thread.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |            model (int32): the model's index in the show       |  0
 *  +---------------------------------------------------------------+
 *  | count (u8)    |                 reserved (0)                  |  4
 *  +---------------------------------------------------------------+
 *  |                     output 0 (float32)                        |  8
 *  +---------------------------------------------------------------+
 *  |                            ...                                |
 *  +---------------------------------------------------------------+
 *  |                     output 11 (float32)                       |  52
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class ModelResultFlyweight extends PayloadFlyweight {

    public static final int MAX_OUTPUTS = 12;
    public static final int MODEL_OFFSET = 0;
    public static final int COUNT_OFFSET = 4;
    public static final int OUTPUTS_OFFSET = 8;
    public static final int LENGTH = OUTPUTS_OFFSET + MAX_OUTPUTS * Float.BYTES;

    public ModelResultFlyweight wrap(InputEvent event) {
        wrapPayload(event);
        return this;
    }

    /** Starts a payload for {@code model} with no outputs; add them with {@link #output(int, float)}. */
    public ModelResultFlyweight reset(int model) {
        clear(LENGTH);
        putInt(MODEL_OFFSET, model);
        return this;
    }

    /** Sets output {@code i} and grows the count to include it. */
    public ModelResultFlyweight output(int i, float value) {
        putCountedFloat(COUNT_OFFSET, OUTPUTS_OFFSET, MAX_OUTPUTS, i, value, "model outputs");
        return this;
    }

    public int model() {
        return getInt(MODEL_OFFSET);
    }

    /** How many outputs are set (at most {@link #MAX_OUTPUTS} in a valid payload). */
    public int count() {
        return getByte(COUNT_OFFSET) & 0xFF;
    }

    public float output(int i) {
        return getFloat(OUTPUTS_OFFSET + i * Float.BYTES);
    }
}
