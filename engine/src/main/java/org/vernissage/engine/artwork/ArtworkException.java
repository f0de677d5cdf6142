package org.vernissage.engine.artwork;

/**
 * An artwork could not be loaded or set up. The message is written for the artist: it names the
 * file (and field or line) and says what was expected, in one line.
 *
 * <p>Thrown on the loading thread or the render thread; carries no mutable state.
 */
public class ArtworkException extends Exception {

    private static final long serialVersionUID = 1L;

    public ArtworkException(String message) {
        super(message);
    }

    public ArtworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
