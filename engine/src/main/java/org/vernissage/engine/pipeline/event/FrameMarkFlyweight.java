package org.vernissage.engine.pipeline.event;

import org.vernissage.engine.pipeline.InputEvent;

/**
 * The payload of a {@link EventKinds#FRAME_MARK} event: the render thread latched a snapshot for
 * a frame. The frame's own time is the envelope's arrival time.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                    frame index (int64)                        |  0
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |   horizon (int64, engine ns): when the next frame is drawn    |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |  events latched (int64): ring events the frame's snapshot had |  16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class FrameMarkFlyweight extends PayloadFlyweight {

    public static final int FRAME_INDEX_OFFSET = 0;
    public static final int HORIZON_OFFSET = 8;
    public static final int EVENTS_LATCHED_OFFSET = 16;
    public static final int LENGTH = 24;

    public FrameMarkFlyweight wrap(InputEvent event) {
        wrapPayload(event);
        return this;
    }

    /** Writes a whole payload. */
    public static void encode(InputEvent payload, long frameIndex, long horizonNanos, long eventsLatched) {
        putLong(payload, FRAME_INDEX_OFFSET, frameIndex);
        putLong(payload, HORIZON_OFFSET, horizonNanos);
        putLong(payload, EVENTS_LATCHED_OFFSET, eventsLatched);
    }

    public long frameIndex() {
        return getLong(FRAME_INDEX_OFFSET);
    }

    /** When the next frame will be drawn: the conductor may advance time up to here. */
    public long horizonNanos() {
        return getLong(HORIZON_OFFSET);
    }

    /** How many ring events the snapshot latched for this frame contained. */
    public long eventsLatched() {
        return getLong(EVENTS_LATCHED_OFFSET);
    }
}
