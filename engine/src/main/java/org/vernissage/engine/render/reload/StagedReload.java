package org.vernissage.engine.render.reload;

import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ReloadableArtwork;
import org.vernissage.engine.render.RenderTarget;

/**
 * A {@link ReloadableArtwork} whose reload can be split in two, so that the costly half stays off
 * the frame's critical path: {@link #build} (read the files, compile, link, check, and draw once
 * so the driver compiles its machine code) on a build thread whose GL context shares objects with
 * the render context, then {@link #swap} on the render thread at a frame boundary, which costs a
 * few field writes. On Mesa llvmpipe the first draw of a new program is where the driver JITs it
 * (300-700 ms for artworks/tidewater, see docs/architecture-reload.md): without the warm-up draw
 * the swap would still stall the frame that first uses the program.
 *
 * <p>Threads: {@link #build} and {@link #release} on the build thread, with the shared context
 * current, and they must not touch what the render thread reads; {@link #swap} on the render
 * thread. A built {@code T} is owned by whoever holds it: the reloader until it is swapped in,
 * the artwork after; what {@link #swap} returns goes back to the build thread for
 * {@link #release}, since the programs are deleted by the context that built them (llvmpipe
 * crashed when the render context deleted programs the build context had drawn with).
 *
 * @param <T> what one build makes: programs and what goes with them
 */
public interface StagedReload<T> extends ReloadableArtwork {

    /**
     * Builds the artwork's programs from its files as they are now, and draws once into
     * {@code warmUp} (a small target of the canvas's format) so the driver's code for the
     * render thread's first draw already exists.
     *
     * @throws ArtworkException naming the file and line and what the driver said; nothing is left
     *     allocated
     */
    T build(RenderTarget warmUp) throws ArtworkException;

    /**
     * Puts {@code built} on the wall from the next frame on; returns what it replaced for the
     * build thread to release, or null when it released that itself (it was made on this thread).
     */
    T swap(T built);

    /** Deletes what {@code replaced} holds (its programs). */
    void release(T replaced);
}
