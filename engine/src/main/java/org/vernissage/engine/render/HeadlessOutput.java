package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL11C.glFinish;

import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * The end of a frame when no display shows it: waits for the GPU to finish the frame. Nothing else
 * paces headless GPU work (a window's swap does that for a window), so without it frame times
 * would measure only how fast commands are queued.
 *
 * <p>Render thread only; owned by the render loop.
 */
public final class HeadlessOutput implements Output {

    @Override
    public String description() {
        return "headless";
    }

    @Override
    public void present(FrameInfo frame, ParameterSnapshot parameters, Framebuffer canvas) {
        glFinish();
    }
}
