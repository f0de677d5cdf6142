package org.vernissage.engine.render;

import org.vernissage.engine.clock.ManualClock;

/**
 * Advances a {@link ManualClock} by exactly one frame period per frame and never waits: frame N
 * sees time N / fps whatever the machine is doing. For tests, offline renders and replays.
 *
 * <p>Render thread only; owned by the render loop.
 */
public final class SteppedPacer implements FramePacer {

    private final ManualClock clock;
    private final double framesPerSecond;
    private long startNanos;
    private long lastIndex;

    public SteppedPacer(ManualClock clock, double framesPerSecond) {
        if (!(framesPerSecond > 0)) {
            throw new IllegalArgumentException("a stepped frame rate must be > 0, got " + framesPerSecond);
        }
        this.clock = clock;
        this.framesPerSecond = framesPerSecond;
    }

    @Override
    public long awaitFrame(long frameIndex) {
        lastIndex = frameIndex;
        if (frameIndex == 0) {
            startNanos = clock.nanos();
            return startNanos;
        }
        // From the start, not by adding a rounded period: no drift however long the render.
        clock.advance(Math.max(0, frameTime(frameIndex) - clock.nanos()));
        return clock.nanos();
    }

    @Override
    public long nextFrameNanos() {
        return Math.max(clock.nanos(), frameTime(lastIndex + 1));
    }

    private long frameTime(long frameIndex) {
        return startNanos + Math.round(frameIndex * 1e9 / framesPerSecond);
    }

    @Override
    public long droppedFrames() {
        return 0;
    }
}
