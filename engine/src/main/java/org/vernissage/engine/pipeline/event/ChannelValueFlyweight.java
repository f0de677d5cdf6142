package org.vernissage.engine.pipeline.event;

import org.vernissage.engine.pipeline.InputEvent;

/**
 * The payload of a {@link EventKinds#CHANNEL_VALUE} event: a raw sensor value for a binding
 * channel (the binding's index in the manifest), for the bindings stage to condition.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                       channel (int32)                         |  0
 *  +---------------------------------------------------------------+
 *  |                     raw value (float32)                       |  4
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class ChannelValueFlyweight extends PayloadFlyweight {

    public static final int CHANNEL_OFFSET = 0;
    public static final int VALUE_OFFSET = 4;
    public static final int LENGTH = 8;

    public ChannelValueFlyweight wrap(InputEvent event) {
        wrapPayload(event);
        return this;
    }

    /** Writes a whole payload. */
    public static void encode(InputEvent payload, int channel, float value) {
        putInt(payload, CHANNEL_OFFSET, channel);
        putFloat(payload, VALUE_OFFSET, value);
    }

    public int channel() {
        return getInt(CHANNEL_OFFSET);
    }

    public float value() {
        return getFloat(VALUE_OFFSET);
    }
}
