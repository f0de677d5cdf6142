package org.vernissage.engine.render;

/**
 * Decides when each frame starts. Real time for shows; stepped for tests, offline renders and
 * replays, where frame N must always see the same time.
 *
 * <p>Called by the render thread only, once per frame; owned by the render loop.
 */
public interface FramePacer {

    /**
     * Waits (or not) until frame {@code frameIndex} may start.
     *
     * @return the frame's time on the engine clock, in nanoseconds
     */
    long awaitFrame(long frameIndex);

    /** Frames skipped so far because rendering fell behind the target rate. */
    long droppedFrames();
}
