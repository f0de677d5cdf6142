package org.vernissage.engine.render;

import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * Sees every finished frame before it is presented: captures, previews, tests, benchmarks.
 *
 * <p>Called on the render thread with the GL context current; an implementation that does slow
 * work (encoding, disk) must hand it to a thread of its own. Registered with, and owned by, the
 * render loop's creator.
 */
public interface FrameListener {

    /**
     * @param frame the frame just drawn (valid during this call only)
     * @param parameters the snapshot it was drawn with (valid during this call only)
     * @param image the framebuffer holding the frame
     */
    void onFrame(FrameInfo frame, ParameterSnapshot parameters, Framebuffer image);
}
