package org.vernissage.bench.frametime;

import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.Output;

/**
 * The engine side's stopwatch: an output placed after the engine's own {@code HeadlessOutput}
 * (which calls {@code glFinish}), marking the end of each frame. It adds one {@code nanoTime} call
 * per frame, the same as the bare loop's mark.
 *
 * <p>Render thread only; owned by the render loop it is given to.
 */
final class IntervalOutput implements Output {

    private final FrameIntervals intervals;

    IntervalOutput(FrameIntervals intervals) {
        this.intervals = intervals;
    }

    @Override
    public String description() {
        return "frame-time marker";
    }

    @Override
    public void present(FrameInfo frame, ParameterSnapshot parameters, Framebuffer canvas) {
        intervals.frameEnded();
    }
}
