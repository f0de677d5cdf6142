package org.vernissage.showcontrol.cue;

import java.nio.file.Path;

/**
 * A cue file could not be read or broke a rule. The message is one line naming the file, the cue
 * and the field, what was expected and what was found, e.g. {@code artworks/tide/cues.json: cue
 * "2" (cues[1]).fade: expected a number of seconds >= 0, found -1}.
 *
 * <p>Thrown by {@link CueListLoader} on the loading thread; immutable.
 */
public final class CueListException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public CueListException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The cue file at fault. */
    public Path file() {
        return file;
    }
}
