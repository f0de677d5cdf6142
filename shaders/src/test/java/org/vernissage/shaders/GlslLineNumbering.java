package org.vernissage.shaders;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers the lines of a shader text the way a GLSL preprocessor does, {@code #line} included, so
 * tests can see which (source string, line) a driver would report for each line. Test-only.
 */
final class GlslLineNumbering {

    /** One line of the text as the driver counts it. */
    record NumberedLine(int index, String text, int sourceString, int line) {
    }

    private static final Pattern LINE = Pattern.compile("#line (\\d+) (\\d+)");

    private GlslLineNumbering() {
    }

    /**
     * Every line of {@code text} but the {@code #line} directives, with its number.
     *
     * @param lineNamesNextLine GLSL 3.30+ rule: {@code #line L} numbers the next line L; before
     *     3.30 it numbers the directive itself L, so the next line is L + 1
     */
    static List<NumberedLine> number(String text, boolean lineNamesNextLine) {
        List<NumberedLine> numbered = new ArrayList<>();
        int sourceString = 0;
        int line = 1;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher directive = LINE.matcher(lines.get(i));
            if (directive.matches()) {
                line = Integer.parseInt(directive.group(1)) + (lineNamesNextLine ? 0 : 1);
                sourceString = Integer.parseInt(directive.group(2));
                continue;
            }
            numbered.add(new NumberedLine(i, lines.get(i), sourceString, line));
            line++;
        }
        return numbered;
    }

    /** The first numbered line whose text is {@code text}. */
    static NumberedLine find(List<NumberedLine> lines, String text) {
        return lines.stream().filter(l -> l.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + text));
    }
}
