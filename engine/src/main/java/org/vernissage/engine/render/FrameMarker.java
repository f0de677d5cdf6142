package org.vernissage.engine.render;

import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * Told by the render loop, right after it latched a frame's snapshot, which frame that was and when
 * the next one is due. The launcher passes it on to the input ring (moving the conductor's time
 * forward and marking the frame for the journal); a replay passes nothing, since the journal
 * already holds the marks.
 *
 * <p>Called on the render thread; must not block or allocate.
 */
@FunctionalInterface
public interface FrameMarker {

    /** Marks nothing. */
    FrameMarker NONE = (frameIndex, frameNanos, nextFrameNanos, latched) -> { };

    void frameLatched(long frameIndex, long frameNanos, long nextFrameNanos, ParameterSnapshot latched);
}
