package org.vernissage.engine.pipeline.event;

import org.vernissage.engine.pipeline.InputEvent;

/**
 * The payload of a {@link EventKinds#PARAMETER_SET} event: a value for a snapshot slot, already in
 * parameter units.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                         slot (int32)                          |  0
 *  +---------------------------------------------------------------+
 *  |                        value (float32)                        |  4
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class ParameterSetFlyweight extends PayloadFlyweight {

    public static final int SLOT_OFFSET = 0;
    public static final int VALUE_OFFSET = 4;
    public static final int LENGTH = 8;

    public ParameterSetFlyweight wrap(InputEvent event) {
        wrapPayload(event);
        return this;
    }

    /** Writes a whole payload. */
    public static void encode(InputEvent payload, int slot, float value) {
        putInt(payload, SLOT_OFFSET, slot);
        putFloat(payload, VALUE_OFFSET, value);
    }

    public int slot() {
        return getInt(SLOT_OFFSET);
    }

    public float value() {
        return getFloat(VALUE_OFFSET);
    }
}
