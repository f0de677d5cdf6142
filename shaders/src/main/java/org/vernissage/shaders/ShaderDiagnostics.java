package org.vernissage.shaders;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a GLSL compiler's info log so that each message names the artist's file and line,
 * {@code artworks/tide/field.frag:12:5: error: 'foo' : undeclared identifier}, using the line
 * numbering a {@link ShaderSource} was built with. Understands Mesa ({@code 0:12(5): error: ...}),
 * NVIDIA ({@code 0(12) : error C1008: ...}) and the glslang / AMD / Apple style
 * ({@code ERROR: 0:12: ...}); any other line is kept as the driver wrote it.
 *
 * <p>Stateless: plain functions, callable from any thread (in practice the render thread, right
 * after a failed compile).
 */
public final class ShaderDiagnostics {

    /** Mesa: {@code string:line(column): message}. */
    private static final Pattern MESA = Pattern.compile("\\s*(\\d+):(\\d+)\\((\\d+)\\):\\s*(.*)");
    /** NVIDIA: {@code string(line) : message}. */
    private static final Pattern NVIDIA = Pattern.compile("\\s*(\\d+)\\((\\d+)\\)\\s*:\\s*(.*)");
    /** glslang, AMD, Apple: {@code SEVERITY: string:line: message}. */
    private static final Pattern SEVERITY_FIRST =
            Pattern.compile("\\s*(ERROR|WARNING|INFO|NOTE):\\s*(\\d+):(\\d+):\\s*(.*)");

    private ShaderDiagnostics() {
    }

    /** The whole log, line by line mapped as {@link #mapLine} does, joined with {@code \n}. */
    public static String map(String log, ShaderSource source) {
        return String.join("\n", lines(log, source));
    }

    /** The log's lines, each mapped as {@link #mapLine} does. */
    public static List<String> lines(String log, ShaderSource source) {
        return log.lines().map(line -> mapLine(line, source)).toList();
    }

    /**
     * One log line with its driver position replaced by the file and line it stands for, as
     * {@code file:line:column: message} (or {@code file:line: message} when the driver gives no
     * column); unchanged when it is in no known format or names no known source string.
     */
    public static String mapLine(String line, ShaderSource source) {
        Matcher mesa = MESA.matcher(line);
        if (mesa.matches()) {
            return located(source, mesa.group(1), mesa.group(2), mesa.group(3), mesa.group(4)).orElse(line);
        }
        Matcher nvidia = NVIDIA.matcher(line);
        if (nvidia.matches()) {
            return located(source, nvidia.group(1), nvidia.group(2), null, nvidia.group(3)).orElse(line);
        }
        Matcher severityFirst = SEVERITY_FIRST.matcher(line);
        if (severityFirst.matches()) {
            String message = severityFirst.group(1).toLowerCase(Locale.ROOT) + ": " + severityFirst.group(4);
            return located(source, severityFirst.group(2), severityFirst.group(3), null, message).orElse(line);
        }
        return line;
    }

    /** {@code file:line[:column]: message}, or empty when the position is not one of the source's. */
    private static Optional<String> located(ShaderSource source, String sourceString, String line, String column,
                                            String message) {
        Optional<Integer> string = parse(sourceString);
        Optional<Integer> number = parse(line);
        if (string.isEmpty() || number.isEmpty()) {
            return Optional.empty();
        }
        String suffix = (column == null ? "" : ":" + column) + ": " + message;
        return source.locate(string.get(), number.get()).map(location -> location + suffix);
    }

    private static Optional<Integer> parse(String digits) {
        try {
            return Optional.of(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            return Optional.empty(); // more digits than an int: not a source string of ours
        }
    }
}
