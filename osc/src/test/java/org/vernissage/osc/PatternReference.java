package org.vernissage.osc;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A test-only second implementation of OSC address patterns, deliberately built differently from
 * {@link OscPatternMatcher}: it translates a pattern into a {@link java.util.regex.Pattern} (one
 * character per byte, ISO-8859-1) and lets the JDK's regex engine match. It follows the same
 * documented grammar, so both must agree on every input, valid or not.
 */
final class PatternReference {

    private PatternReference() {
    }

    /** The regex equivalent of {@code pattern}, or null when the pattern is malformed. */
    static Pattern compile(byte[] pattern) {
        String p = new String(pattern, StandardCharsets.ISO_8859_1);
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int first = i + 1;
                    boolean negate = first < p.length() && p.charAt(first) == '!';
                    if (negate) {
                        first++;
                    }
                    int close = p.indexOf(']', first);
                    if (close < 0 || close == first) {
                        return null;
                    }
                    String items = classItems(p.substring(first, close));
                    regex.append(negate ? "[^" + items + "/]" : "[" + items + "&&[^/]]");
                    i = close;
                }
                case '{' -> {
                    int close = p.indexOf('}', i + 1);
                    if (close < 0) {
                        return null;
                    }
                    String inside = p.substring(i + 1, close);
                    if (inside.chars().anyMatch(ch -> "{[]*?".indexOf(ch) >= 0)) {
                        return null;
                    }
                    regex.append("(?:");
                    String[] alternatives = inside.split(",", -1);
                    for (int a = 0; a < alternatives.length; a++) {
                        regex.append(a == 0 ? "" : "|").append(literal(alternatives[a]));
                    }
                    regex.append(')');
                    i = close;
                }
                case ']', '}' -> {
                    return null;
                }
                default -> regex.append(literal(String.valueOf(c)));
            }
            i++;
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    static boolean matches(byte[] pattern, byte[] address) {
        Pattern regex = compile(pattern);
        return regex != null && regex.matcher(new String(address, StandardCharsets.ISO_8859_1)).matches();
    }

    private static String classItems(String members) {
        StringBuilder items = new StringBuilder();
        int m = 0;
        while (m < members.length()) {
            if (m + 2 < members.length() && members.charAt(m + 1) == '-') {
                char a = members.charAt(m);
                char b = members.charAt(m + 2);
                items.append(hex(Math.min(a, b))).append('-').append(hex(Math.max(a, b)));
                m += 3;
            } else {
                items.append(hex(members.charAt(m)));
                m++;
            }
        }
        return items.toString();
    }

    private static String literal(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(hex(c));
        }
        return out.toString();
    }

    private static String hex(int c) {
        return "\\x{" + HexFormat.of().toHexDigits((byte) c) + "}";
    }
}
