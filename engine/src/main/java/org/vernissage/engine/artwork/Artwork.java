package org.vernissage.engine.artwork;

import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.RenderTarget;

/**
 * A piece the engine plays. Its lifecycle is small and explicit: {@link #setup} once, then per
 * frame {@link #update} (may change the artwork's own state) and {@link #render} (draws into the
 * target it is given, changes nothing else), {@link #resized} when the canvas changes size, and
 * {@link #dispose} once at the end.
 *
 * <p>Every method is called on the render thread, with the artwork's GL context current and the
 * frame's target bound. The render loop owns the artwork from setup to dispose. A target is valid
 * during the call it is given in: the render loop replaces the canvas when it is resized.
 */
public interface Artwork {

    /**
     * Prepares GL resources (programs, buffers) for images like {@code target} (its size and
     * format).
     *
     * @throws ArtworkException when the artwork cannot play, e.g. a shader that does not compile
     *     or does not match the manifest; the message names the file and what was expected
     */
    void setup(RenderTarget target) throws ArtworkException;

    /** Takes this frame's parameter values; the snapshot is only valid during this call. */
    void update(FrameInfo frame, ParameterSnapshot parameters);

    /** Draws the frame into {@code target}, which is bound with a viewport covering it. */
    void render(FrameInfo frame, RenderTarget target);

    /**
     * The canvas is now {@code target}'s size, from the next frame on: an artwork with resources of
     * the canvas's size (feedback buffers) remakes them here. Nothing to do for most.
     */
    default void resized(RenderTarget target) {
    }

    /** Frees what {@link #setup} made. Called once, even after a failed setup. */
    void dispose();
}
