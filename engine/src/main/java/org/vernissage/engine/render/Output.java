package org.vernissage.engine.render;

import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * Where finished frames go: a window, a fullscreen monitor, a headless run's end of frame, a
 * capture, a preview. The render loop hands each frame's canvas to its outputs in the order they
 * were given (put captures before a window, whose swap may wait for the display), every frame.
 * An output shows a {@link CanvasRegion} of the canvas; the whole canvas unless it says otherwise.
 *
 * <p>Every method is called on the render thread with the GL context current. The render loop owns
 * its outputs from the moment it is built: it closes them, on the render thread, when its run
 * ends. {@link #present} must not block for long or allocate: slow work (encoding, disk, network)
 * goes to a thread of the output's own. An output whose {@code present} throws is counted (per
 * output) and logged once per kind of exception by the render loop; the other outputs and the show go
 * on.
 */
public interface Output extends AutoCloseable {

    /** A short description for the start banner and logs, e.g. "window 1280x720, the whole canvas". */
    String description();

    /** The part of the canvas this output shows. */
    default CanvasRegion region() {
        return CanvasRegion.FULL;
    }

    /**
     * Shows (or keeps, or sends) the frame just drawn.
     *
     * @param frame the frame (valid during this call only)
     * @param parameters the snapshot it was drawn with (valid during this call only)
     * @param canvas the image the artwork drew into; the output may read and blit it, not change it
     */
    void present(FrameInfo frame, ParameterSnapshot parameters, Framebuffer canvas);

    /** The canvas is now {@code width} x {@code height}: the next frames will have that size. */
    default void canvasResized(int width, int height) {
    }

    /** True once this output asked the run to end (a window's close button). */
    default boolean closeRequested() {
        return false;
    }

    /** Frees what the output holds (GL objects, callbacks); not what it was given. */
    @Override
    default void close() {
    }
}
