package org.vernissage.shaders;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fragment shader ready for the driver: its includes expanded into one text, with {@code #line}
 * directives so that each line the driver reports can be traced to the file and line it came from.
 *
 * <p>How lines are numbered: the loaded file is source string 0 and keeps its own line numbers;
 * the k-th included file (k &gt;= 1) is source string k and its line N is numbered
 * {@code k * LINE_STRIDE + N}. The file is thus encoded twice, because Mesa reports the source
 * string given by {@code #line} only for syntax and preprocessor errors and reports 0 for every
 * other error (measured with Mesa 22.3): the line number alone still names the file.
 *
 * <p>Immutable; made by {@link ShaderSourceLoader} on the loading or render thread and handed to
 * whoever compiles it (the render thread) and to {@link ShaderDiagnostics} for its messages.
 *
 * @param text the full text to pass to {@code glShaderSource}, {@code #version} first
 * @param origins the file behind each source-string number: index 0 is the file that was loaded,
 *     then each included file in the order it was first included, named as messages show it
 */
public record ShaderSource(String text, List<String> origins) {

    /** Line numbers of source string k start after {@code k * LINE_STRIDE}; no file may be longer. */
    public static final int LINE_STRIDE = 100_000;

    public ShaderSource {
        Objects.requireNonNull(text, "text");
        origins = List.copyOf(origins);
    }

    /** The line number the driver sees for line {@code line} of source string {@code sourceString}. */
    static int driverLine(int sourceString, int line) {
        return sourceString * LINE_STRIDE + line;
    }

    /** The file behind source-string number {@code sourceString}, if there is one. */
    public Optional<String> origin(int sourceString) {
        return sourceString >= 0 && sourceString < origins.size()
                ? Optional.of(origins.get(sourceString)) : Optional.empty();
    }

    /**
     * The file and line behind a position as a driver reports it; empty when it is not one this
     * source can produce (e.g. the shader has {@code #line} directives of its own).
     *
     * @param reportedSourceString the source string in the driver's message (0 or the real one)
     * @param reportedLine the line in the driver's message
     */
    public Optional<Location> locate(int reportedSourceString, int reportedLine) {
        int sourceString = Math.max(0, reportedLine) / LINE_STRIDE;
        int line = Math.max(0, reportedLine) % LINE_STRIDE;
        // Line 0 is where drivers put messages about no line in particular: nothing to point at.
        if (line < 1 || (reportedSourceString != 0 && reportedSourceString != sourceString)) {
            return Optional.empty();
        }
        return origin(sourceString).map(file -> new Location(file, line));
    }

    /**
     * A line of one of the files a shader was put together from. Immutable; any thread.
     *
     * @param file the file, as messages name it
     * @param line the 1-based line in that file
     */
    public record Location(String file, int line) {

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }
}
