package org.vernissage.engine.artwork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * A file's modification time and size, as a watcher last saw them: a save (or a copy over it)
 * changes one or the other, so two stamps that differ say the file was replaced. Cheaper than
 * reading it, and the same whether the editor wrote in place or renamed a new file over it.
 *
 * <p>Immutable; made by whichever thread looks (a watcher's own).
 */
public record FileStamp(FileTime modified, long size) {

    /** {@code file}'s stamp now, or empty when it cannot be read (absent, being replaced). */
    public static Optional<FileStamp> of(Path file) {
        try {
            return Optional.of(new FileStamp(Files.getLastModifiedTime(file), Files.size(file)));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
