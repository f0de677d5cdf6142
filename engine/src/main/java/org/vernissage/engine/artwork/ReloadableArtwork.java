package org.vernissage.engine.artwork;

import java.nio.file.Path;
import java.util.List;

/**
 * An artwork that can rebuild itself from its files while it plays: the hot reload watches
 * {@link #sourceFiles} and, when one changes, asks for a {@link #reload} at a frame boundary.
 *
 * <p>Render thread only, like every {@link Artwork}, with the GL context current. A failed
 * reload must leave the artwork exactly as it was (the last good program keeps drawing); the
 * parameter values live in the conductor, so they survive a reload by construction.
 */
public interface ReloadableArtwork extends Artwork {

    /** The files whose change should reload the artwork: shaders, their includes, headers. */
    List<Path> sourceFiles();

    /**
     * Rebuilds the artwork's programs from the files as they are now and swaps them in.
     *
     * @throws ArtworkException when the new files do not build; the message names the file and
     *     line and what the driver said, and the artwork keeps its previous programs
     */
    void reload() throws ArtworkException;
}
