package org.vernissage.engine.journal;

import java.nio.file.Path;

/**
 * A journal file that cannot be written or read: the message names the file and what was wrong.
 *
 * <p>Immutable; thrown on the thread that opened or read the journal.
 */
public final class JournalException extends Exception {

    private static final long serialVersionUID = 1L;

    public JournalException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public JournalException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
