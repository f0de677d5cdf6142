package org.vernissage.engine.render;

/**
 * What a {@link RenderTask} may see and change of the render loop, between two frames.
 *
 * <p>Render thread only, during {@link RenderTask#run}; implemented and owned by the render loop.
 */
public interface RenderControl {

    /** The canvas the next frame will be drawn into. */
    RenderTarget canvas();

    /** The index the next frame will have. */
    long nextFrameIndex();

    /**
     * Makes the canvas {@code width} x {@code height} from the next frame on: a new target, the
     * artwork told through {@code Artwork.resized}, every output through
     * {@link Output#canvasResized}. The same size again changes nothing.
     *
     * @throws IllegalArgumentException when the size is below 1x1 or above what the GL driver allows;
     *     the canvas is unchanged
     */
    void resizeCanvas(int width, int height);

    /**
     * Whether the work shows and how brightly (opening hours): {@code standby().close(fade)} fades
     * to black and rests, {@code standby().open(fade)} wakes and fades in, from the next frame.
     * The render loop's control has one; a test's stand-in control need not.
     */
    default Standby standby() {
        throw new UnsupportedOperationException("this render control has no standby");
    }
}
