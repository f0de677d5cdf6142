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

    /**
     * The time the frame after the one {@link #awaitFrame} last returned is due, on the engine
     * clock: how far the conductor may move time on before that frame latches.
     */
    long nextFrameNanos();

    /** Frames skipped so far because rendering fell behind the target rate. */
    long droppedFrames();

    /**
     * The render thread rested on purpose (standby: a frame every few seconds): pace again from now,
     * without counting the rest as dropped frames. Nothing to do for pacers that never wait.
     */
    default void resume() {
    }
}
