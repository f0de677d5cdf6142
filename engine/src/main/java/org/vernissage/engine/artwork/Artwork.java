package org.vernissage.engine.artwork;

import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * A piece the engine plays. Its lifecycle is small and explicit: {@link #setup} once, then per
 * frame {@link #update} (may change the artwork's own state) and {@link #render} (draws, changes
 * nothing), and {@link #dispose} once at the end.
 *
 * <p>Every method is called on the render thread, with the artwork's GL context current and the
 * frame's target framebuffer bound. The render loop owns the artwork from setup to dispose.
 */
public interface Artwork {

    /**
     * Prepares GL resources (programs, buffers) for images of {@code width} x {@code height}.
     *
     * @throws ArtworkException when the artwork cannot play, e.g. a shader that does not compile
     *     or does not match the manifest; the message names the file and what was expected
     */
    void setup(int width, int height) throws ArtworkException;

    /** Takes this frame's parameter values; the snapshot is only valid during this call. */
    void update(FrameInfo frame, ParameterSnapshot parameters);

    /** Draws the frame into the bound framebuffer. */
    void render(FrameInfo frame);

    /** Frees what {@link #setup} made. Called once, even after a failed setup. */
    void dispose();
}
