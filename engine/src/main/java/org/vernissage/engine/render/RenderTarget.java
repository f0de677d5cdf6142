package org.vernissage.engine.render;

/**
 * An image an artwork draws into: a GL framebuffer object with one colour texture of a size and a
 * {@link TargetFormat}. Today the render loop gives the artwork one RGBA8 canvas per run (replaced
 * when the canvas is resized); a render graph will give its passes targets of other formats, and a
 * feedback pass will sample the previous frame's {@link #colorTexture}.
 *
 * <p>Render thread only, with its GL context current; owned by whoever made it (the render loop
 * for the canvas). An artwork uses a target only during the call it was given in: it may be
 * replaced between frames.
 */
public interface RenderTarget {

    /** The GL framebuffer object's name. */
    int framebufferId();

    /** The GL texture holding the colour, for passes that sample it. */
    int colorTexture();

    int width();

    int height();

    TargetFormat format();

    /** Makes this the target of subsequent draws, with a viewport covering all of it. */
    void bind();
}
