package org.vernissage.shaders.isf;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vernissage.shaders.ShaderSourceException;

/**
 * Checks that a pass reads a buffer only after it was written: in the block a shader runs for
 * pass N ({@code if (PASSINDEX == N) { ... }}), a buffer that is not {@code PERSISTENT} must be
 * the {@code TARGET} of an earlier pass. Reading one written by pass N or later samples an empty
 * (or half-drawn) texture: a mistake that otherwise shows only as black on the wall.
 *
 * <p>A static look at the text, so it sees only blocks guarded by {@code PASSINDEX == N} (the
 * spec's idiom); code outside such blocks is not judged. Persistent buffers may be read at any
 * time (they hold the previous frame). One per load; not thread-safe.
 */
final class IsfPassOrder {

    private static final Pattern PASS_CONDITION =
            Pattern.compile("\\bPASSINDEX\\s*==\\s*(\\d+)\\b|\\b(\\d+)\\s*==\\s*PASSINDEX\\b");

    private final IsfDocument document;
    private final String file;

    IsfPassOrder(IsfDocument document, String file) {
        this.document = document;
        this.file = file;
    }

    void check(String text) throws ShaderSourceException {
        String code = withoutComments(text);
        List<IsfPass> passes = document.passes();
        Matcher condition = PASS_CONDITION.matcher(code);
        while (condition.find()) {
            int pass = Integer.parseInt(condition.group(1) != null ? condition.group(1) : condition.group(2));
            int open = code.indexOf('{', condition.end());
            if (open < 0 || pass >= passes.size()) {
                continue;
            }
            int close = blockEnd(code, open);
            for (int writer = pass; writer < passes.size(); writer++) {
                IsfPass written = passes.get(writer);
                if (written.persistent() || written.target().isEmpty()) {
                    continue;
                }
                Matcher use = Pattern.compile("\\b" + written.target().get() + "\\b").matcher(code)
                        .region(open, close);
                if (use.find()) {
                    throw new ShaderSourceException(file, lineOf(code, use.start()), "pass " + pass + " reads \""
                            + written.target().get() + "\", the TARGET of PASSES[" + writer + "], before that pass "
                            + "writes it (expected a TARGET of an earlier pass, or \"PERSISTENT\": true on PASSES["
                            + writer + "])", null);
                }
            }
        }
    }

    private static int blockEnd(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    /** The text with comments blanked out (newlines kept, so offsets and lines stay). */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < out.length() - 1) {
            if (out.charAt(i) == '/' && out.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? out.length() : end + 2;
                blank(out, i, end);
                i = end;
            } else if (out.charAt(i) == '/' && out.charAt(i + 1) == '/') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? out.length() : end;
                blank(out, i, end);
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (out.charAt(i) != '\n') {
                out.setCharAt(i, ' ');
            }
        }
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
