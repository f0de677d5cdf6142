package org.vernissage.engine.render;

/**
 * An image a shader can sample: a GL 2D texture and its size. A {@link RenderTarget}'s colour, an
 * image file loaded once, another layer's output and an audio spectrum all reach a shader's
 * {@code sampler2D} through this one shape, so the code that binds samplers does not care where
 * the pixels came from.
 *
 * <p>Render thread only; owned by whoever made the texture. The texture's name may change between
 * frames (a resized canvas, a ping-pong buffer): read {@link #textureId} when binding, not once.
 */
public interface TextureImage {

    /** The GL texture's name, as of now. */
    int textureId();

    int width();

    int height();
}
