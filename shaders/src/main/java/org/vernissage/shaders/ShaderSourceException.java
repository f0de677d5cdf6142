package org.vernissage.shaders;

/**
 * A shader's source could not be put together: a file is missing or unreadable, an include
 * cannot be found or includes itself. The message is one line for the artist, naming the file and
 * line, e.g. {@code artworks/tide/field.frag:3: cannot find include "nosie.glsl" (looked in ...)}.
 *
 * <p>Thrown by {@link ShaderSourceLoader} on the thread that loads the shader; immutable.
 */
public final class ShaderSourceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * @param file the file at fault, as messages show it
     * @param line its 1-based line, or 0 when the problem is the whole file
     * @param problem what went wrong, without the location
     */
    public ShaderSourceException(String file, int line, String problem, Throwable cause) {
        super((line > 0 ? file + ":" + line : file) + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The file at fault, as messages show it. */
    public String file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when the problem is the whole file. */
    public int line() {
        return line;
    }
}
