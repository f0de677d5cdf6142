package org.vernissage.engine.render.output;

import java.nio.file.Path;

/**
 * A venue file that cannot be used: one line naming the file, the field path (for example
 * {@code outputs[1].blend.gamma}) and what was expected, in the style of the artwork manifest's
 * errors. Thrown at load, when the run refuses to start.
 *
 * <p>Immutable; made on the loading thread.
 */
public final class VenueException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String fieldPath;

    VenueException(Path file, String fieldPath, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.fieldPath = fieldPath;
    }

    /** {@code file: path: expected ..., found ...}. */
    static VenueException field(Path file, String fieldPath, String expected, String found) {
        String where = fieldPath.isEmpty() ? file + ": " : file + ": " + fieldPath + ": ";
        return new VenueException(file, fieldPath, where + "expected " + expected + ", found " + found, null);
    }

    /** A field the venue file does not know, e.g. a typo: {@code file: path: unknown field; allowed here: ...}. */
    static VenueException unknownField(Path file, String fieldPath, String allowed) {
        return new VenueException(file, fieldPath, file + ": " + fieldPath + ": unknown field; allowed here: "
                + allowed, null);
    }

    static VenueException file(Path file, String message, Throwable cause) {
        return new VenueException(file, "", file + ": " + message, cause);
    }

    /** The venue file. */
    public Path venueFile() {
        return file;
    }

    /** The field at fault, e.g. {@code outputs[0].corners[2]}; empty for the file as a whole. */
    public String fieldPath() {
        return fieldPath;
    }
}
