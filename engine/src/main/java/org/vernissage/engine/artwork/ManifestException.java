package org.vernissage.engine.artwork;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An artwork's manifest could not be read or broke a rule. The message is one line for the artist,
 * for example {@code artworks/tide/artwork.json: parameters[1].max: expected a number >= min (0.0),
 * found -1}; the parts are also available separately so a console can highlight the field.
 *
 * <p>Made and thrown by {@link ManifestLoader} on whichever thread loads the artwork (the loading
 * thread); immutable, so the catcher may hand it to any other thread.
 */
public final class ManifestException extends ArtworkException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String fieldPath;
    private final String expected;
    private final String found;

    private ManifestException(String message, Path file, String fieldPath, String expected,
                              String found, Throwable cause) {
        super(message, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.fieldPath = fieldPath;
        this.expected = expected;
        this.found = found;
    }

    /** A field holds the wrong thing: {@code file: path: expected E, found F} (no path for the root). */
    static ManifestException field(Path file, String fieldPath, String expected, String found) {
        String where = fieldPath.isEmpty() ? file + ": " : file + ": " + fieldPath + ": ";
        return new ManifestException(where + "expected " + expected + ", found " + found,
                file, fieldPath, expected, found, null);
    }

    /** A field that must not be there at all, e.g. a typo: {@code file: path: unknown field ...}. */
    static ManifestException unknownField(Path file, String fieldPath, String hint, String allowed) {
        String expected = "one of the fields " + allowed;
        return new ManifestException(file + ": " + fieldPath + ": unknown field" + hint + "; allowed here: "
                + allowed, file, fieldPath, expected, "unknown field", null);
    }

    /** The file is not JSON; {@code line} and {@code column} are 1-based, as editors count. */
    static ManifestException syntax(Path file, int line, int column, String detail, Throwable cause) {
        String where = line > 0 ? file + ":" + line + ":" + column : file.toString();
        return new ManifestException(where + ": invalid JSON: " + detail, file, "", "valid JSON", detail, cause);
    }

    /** The folder or file itself is the problem, before any field is read; {@code message} is final. */
    static ManifestException location(Path file, String message, String expected, Throwable cause) {
        return new ManifestException(message, file, "", expected, "", cause);
    }

    /** The manifest file (or the folder, when the folder itself is the problem), as given. */
    public Path file() {
        return file;
    }

    /** Where in the manifest, e.g. {@code parameters[1].max}; empty when not about one field. */
    public String fieldPath() {
        return fieldPath;
    }

    /** What the loader expected there, e.g. {@code a number >= min (0.0)}. */
    public String expected() {
        return expected;
    }

    /** What it found instead, as written in the file where that makes sense; may be empty. */
    public String found() {
        return found;
    }
}
