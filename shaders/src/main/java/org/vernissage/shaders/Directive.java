package org.vernissage.shaders;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A preprocessor line the loader acts on: {@code #version} or {@code #include}. Other lines, other
 * directives included, go to the driver untouched.
 *
 * <p>Immutable; made while one file is expanded.
 *
 * @param kind what the line is
 * @param argument the include's file name, or the version line's text without comments
 * @param version the version number, for {@link Kind#VERSION}; 0 otherwise
 * @param es whether the version line names the {@code es} profile
 */
record Directive(Kind kind, String argument, int version, boolean es) {

    enum Kind { VERSION, INCLUDE, MALFORMED_INCLUDE }

    private static final Pattern VERSION = Pattern.compile("\\s*#\\s*version\\s+(\\d+)\\s*(\\w+)?\\s*");
    private static final Pattern ANY_VERSION = Pattern.compile("\\s*#\\s*version\\b.*");
    private static final Pattern INCLUDE = Pattern.compile("\\s*#\\s*include\\s*\"([^\"]+)\"\\s*");
    private static final Pattern ANY_INCLUDE = Pattern.compile("\\s*#\\s*include\\b.*");

    /** The directive in {@code code} (a line with its comments removed), or null when none. */
    static Directive of(String code) {
        if (ANY_INCLUDE.matcher(code).matches()) {
            Matcher include = INCLUDE.matcher(code);
            return include.matches()
                    ? new Directive(Kind.INCLUDE, include.group(1), 0, false)
                    : new Directive(Kind.MALFORMED_INCLUDE, code.strip(), 0, false);
        }
        if (ANY_VERSION.matcher(code).matches()) {
            Matcher version = VERSION.matcher(code);
            // A malformed number is the driver's to report; keep the line and let it say so.
            int number = version.matches() ? parseOrZero(version.group(1)) : 0;
            boolean es = version.matches() && "es".equals(version.group(2));
            return new Directive(Kind.VERSION, code.strip(), number, es);
        }
        return null;
    }

    private static int parseOrZero(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Whether {@code #line L} means "the next line is L" (GLSL 3.30 and later, and GLSL ES) rather
     * than "this line is L", the rule of GLSL 1.10 to 1.50 that Mesa and glslang still follow.
     */
    boolean lineNamesNextLine() {
        return es || version >= 330;
    }
}
