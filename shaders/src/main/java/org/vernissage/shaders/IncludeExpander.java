package org.vernissage.shaders;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Expands one shader's {@code #include} lines into a single text and inserts {@code #line}
 * directives, numbered as {@link ShaderSource} describes, so that every line the driver reports
 * leads back to its file and line.
 *
 * <p>Each file is included once, however often it is named (as if it had an include guard); a file
 * that includes itself, directly or not, is an error. Not thread-safe: one instance per
 * {@link ShaderSourceLoader#load} call, on that call's thread.
 */
final class IncludeExpander {

    /** Finds the file an {@code #include} names. */
    @FunctionalInterface
    interface IncludeFinder {
        ShaderFile find(ShaderFile from, int line, String name) throws ShaderSourceException;
    }

    static final String DEFAULT_VERSION = "#version 330 core";

    private final IncludeFinder finder;
    private final StringBuilder out = new StringBuilder();
    private final List<String> origins = new ArrayList<>();
    private final Set<String> included = new HashSet<>();
    private final Deque<ShaderFile> including = new ArrayDeque<>();
    /** 0, or -1 for GLSL before 3.30, where {@code #line L} names the directive's own line. */
    private int lineShift;

    IncludeExpander(IncludeFinder finder) {
        this.finder = finder;
    }

    ShaderSource expand(ShaderFile main) throws ShaderSourceException {
        VersionLine version = VersionLine.find(main);
        lineShift = version == null || version.directive().lineNamesNextLine() ? 0 : -1;
        if (version != null && version.onlyCommentsBefore()) {
            // The #version line may stay where it is: lines keep their own numbers, no #line needed.
            expandFile(main, false, version.index());
        } else {
            // #version must come first; put it there and renumber the file from its line 1.
            emit(version == null ? DEFAULT_VERSION : version.directive().argument());
            expandFile(main, true, -1);
        }
        return new ShaderSource(out.toString(), origins);
    }

    /**
     * @param announce whether to start with a {@code #line 1 k} (not needed when output and file
     *     line numbers already agree)
     * @param keptVersion the index of a {@code #version} line to keep in place, or -1
     */
    private void expandFile(ShaderFile file, boolean announce, int keptVersion) throws ShaderSourceException {
        if (file.lines().size() >= ShaderSource.LINE_STRIDE) {
            throw new ShaderSourceException(file.name(), 0, "has " + file.lines().size()
                    + " lines; at most " + (ShaderSource.LINE_STRIDE - 1) + " fit, split it into includes", null);
        }
        int sourceString = origins.size();
        origins.add(file.name());
        included.add(file.key());
        including.push(file);
        if (announce) {
            emitLineDirective(1, sourceString);
        }
        CommentScanner comments = new CommentScanner();
        List<String> lines = file.lines();
        for (int i = 0; i < lines.size(); i++) {
            Directive directive = Directive.of(comments.code(lines.get(i)));
            if (directive == null || i == keptVersion) {
                emit(lines.get(i));
            } else if (directive.kind() == Directive.Kind.INCLUDE) {
                include(file, sourceString, i + 1, directive.argument(), comments);
            } else if (directive.kind() == Directive.Kind.MALFORMED_INCLUDE) {
                throw new ShaderSourceException(file.name(), i + 1, "expected #include \"file.glsl\", found "
                        + directive.argument(), null);
            } else {
                // A second #version, or one in an included file (kept there so the file can be
                // checked on its own): only the first line of the whole text may hold one.
                emit(comments.replacement());
            }
        }
        including.pop();
    }

    private void include(ShaderFile from, int sourceString, int line, String name, CommentScanner comments)
            throws ShaderSourceException {
        ShaderFile target = finder.find(from, line, name);
        if (isBeingIncluded(target)) {
            throw new ShaderSourceException(from.name(), line, "include cycle: " + cycle(target), null);
        }
        if (included.contains(target.key())) {
            emit(comments.replacement()); // include once: a second #include of a file adds nothing
            return;
        }
        if (comments.startedInBlock()) {
            emit("*/"); // the comment this line closed must close before the included text
        }
        expandFile(target, true, -1);
        if (comments.endsInBlock()) {
            emitLineDirective(line, sourceString);
            emit("/*"); // and the comment it opened must open after it, still on this line
        } else {
            emitLineDirective(line + 1, sourceString);
        }
    }

    private boolean isBeingIncluded(ShaderFile file) {
        for (ShaderFile open : including) {
            if (open.key().equals(file.key())) {
                return true;
            }
        }
        return false;
    }

    private String cycle(ShaderFile again) {
        List<ShaderFile> chain = new ArrayList<>(including);
        Collections.reverse(chain); // the deque lists the innermost file first
        return chain.stream().map(ShaderFile::name).collect(Collectors.joining(" -> ")) + " -> " + again.name();
    }

    /** After this directive, the next line is line {@code line} of source string {@code sourceString}. */
    private void emitLineDirective(int line, int sourceString) {
        emit("#line " + (ShaderSource.driverLine(sourceString, line) + lineShift) + " " + sourceString);
    }

    private void emit(String line) {
        out.append(line).append('\n');
    }

    /** Where the loaded file's {@code #version} line is, if it has one. */
    private record VersionLine(int index, Directive directive, boolean onlyCommentsBefore) {

        static VersionLine find(ShaderFile file) {
            CommentScanner comments = new CommentScanner();
            boolean onlyComments = true;
            for (int i = 0; i < file.lines().size(); i++) {
                String code = comments.code(file.lines().get(i));
                Directive directive = Directive.of(code);
                if (directive != null && directive.kind() == Directive.Kind.VERSION) {
                    return new VersionLine(i, directive, onlyComments);
                }
                onlyComments &= code.isBlank();
            }
            return null;
        }
    }
}
