package org.vernissage.engine.pipeline.event;

import java.nio.ByteBuffer;

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

    public ParameterSetFlyweight wrap(ByteBuffer payload) {
        wrapBuffer(payload);
        return this;
    }

    /** Writes a whole payload. */
    public static void encode(ByteBuffer payload, int slot, float value) {
        payload.putInt(SLOT_OFFSET, slot);
        payload.putFloat(VALUE_OFFSET, value);
    }

    public int slot() {
        return buffer.getInt(SLOT_OFFSET);
    }

    public float value() {
        return buffer.getFloat(VALUE_OFFSET);
    }
}
