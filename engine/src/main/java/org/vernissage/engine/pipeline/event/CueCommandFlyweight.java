package org.vernissage.engine.pipeline.event;

import org.vernissage.engine.pipeline.InputEvent;

/**
 * The payload of a {@link EventKinds#CUE_COMMAND} event, for the cues-and-fades stage a later
 * issue adds: go to, stop or load a cue, fading over a given time.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |              cue (int32): the cue's number in the show        |  0
 *  +---------------------------------------------------------------+
 *  | action (u8)   |                 reserved (0)                  |  4
 *  +---------------------------------------------------------------+
 *  |          fade (int64, ns): how long the change takes          |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |          level (float32): 0..1, the cue's target intensity    |  16
 *  +---------------------------------------------------------------+
 *  |                         reserved (0)                          |  20
 *  +---------------------------------------------------------------+
 * </pre>
 * Actions: {@link #GO} 1, {@link #STOP} 2, {@link #LOAD} 3 (never renumber).
 */
public final class CueCommandFlyweight extends PayloadFlyweight {

    public static final int GO = 1;
    public static final int STOP = 2;
    public static final int LOAD = 3;

    public static final int CUE_OFFSET = 0;
    public static final int ACTION_OFFSET = 4;
    public static final int FADE_OFFSET = 8;
    public static final int LEVEL_OFFSET = 16;
    public static final int LENGTH = 24;

    public CueCommandFlyweight wrap(InputEvent event) {
        wrapPayload(event);
        return this;
    }

    /** Writes a whole payload. */
    public static void encode(InputEvent payload, int cue, int action, long fadeNanos, float level) {
        putInt(payload, CUE_OFFSET, cue);
        putInt(payload, ACTION_OFFSET, action & 0xFF);
        putLong(payload, FADE_OFFSET, fadeNanos);
        putFloat(payload, LEVEL_OFFSET, level);
        putInt(payload, LEVEL_OFFSET + 4, 0);
    }

    public int cue() {
        return getInt(CUE_OFFSET);
    }

    public int action() {
        return getByte(ACTION_OFFSET) & 0xFF;
    }

    public long fadeNanos() {
        return getLong(FADE_OFFSET);
    }

    public float level() {
        return getFloat(LEVEL_OFFSET);
    }
}
