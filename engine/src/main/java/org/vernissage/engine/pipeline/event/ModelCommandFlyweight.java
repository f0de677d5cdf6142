package org.vernissage.engine.pipeline.event;

import org.vernissage.engine.pipeline.InputEvent;

/**
 * The payload of a {@link EventKinds#MODEL_COMMAND} event: a command for one model trained in the
 * room (record on or off, train, run, delete, undo, save...), resolved to a number once by the
 * adapter (OSC, Wekinator), with two integer arguments and a float (a class number, an output's
 * index and parameter slot). The command numbers are the models module's
 * ({@code org.vernissage.models.interact.ModelCommand}); the engine only carries them.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |            model (int32): the model's index in the show       |  0
 *  +---------------------------------------------------------------+
 *  |            command (int32)                                    |  4
 *  +---------------------------------------------------------------+
 *  |            a (int32)                                          |  8
 *  +---------------------------------------------------------------+
 *  |            b (int32)                                          |  12
 *  +---------------------------------------------------------------+
 *  |            value (float32)                                    |  16
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class ModelCommandFlyweight extends PayloadFlyweight {

    public static final int MODEL_OFFSET = 0;
    public static final int COMMAND_OFFSET = 4;
    public static final int A_OFFSET = 8;
    public static final int B_OFFSET = 12;
    public static final int VALUE_OFFSET = 16;
    public static final int LENGTH = VALUE_OFFSET + Float.BYTES;

    public ModelCommandFlyweight wrap(InputEvent event) {
        wrapPayload(event);
        return this;
    }

    /** Writes the whole payload of {@code event}, begun as a {@link EventKinds#MODEL_COMMAND}. */
    public static void encode(InputEvent event, int model, int command, int a, int b, float value) {
        putInt(event, MODEL_OFFSET, model);
        putInt(event, COMMAND_OFFSET, command);
        putInt(event, A_OFFSET, a);
        putInt(event, B_OFFSET, b);
        putFloat(event, VALUE_OFFSET, value);
    }

    public int model() {
        return getInt(MODEL_OFFSET);
    }

    public int command() {
        return getInt(COMMAND_OFFSET);
    }

    public int a() {
        return getInt(A_OFFSET);
    }

    public int b() {
        return getInt(B_OFFSET);
    }

    public float value() {
        return getFloat(VALUE_OFFSET);
    }
}
