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

    /**
     * Whether this listener wants the frame about to be handed to it. Every output that hands
     * frames to a listener ({@link FrameListenerOutput}, {@link OffscreenOutput}, an offscreen
     * warped output) asks first and, told no, neither draws an image for it nor calls
     * {@link #onFrame}: a preview nobody is watching, or one between two of its thumbnails, then
     * costs no scaled copy of the canvas. Every frame, by default. Render thread.
     */
    default boolean wantsFrame() {
        return true;
    }
}
