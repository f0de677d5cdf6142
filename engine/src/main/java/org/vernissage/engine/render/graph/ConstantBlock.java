package org.vernissage.engine.render.graph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a shader's uniform block as a constant array holding given values: the declaration
 * {@code layout(std140) uniform NAME { vec4 member[N]; };} becomes
 * {@code const vec4 member[N] = vec4[N](vec4(...), ...);}, so the compiler can fold every value into
 * the code (what {@link BlockSpecialisation} draws while the values are still). The rest of the
 * source is untouched and keeps its line numbers: the array is written on the declaration's lines,
 * so a compile error still points at the artist's file and line.
 *
 * <p>Each value is written as Java's shortest decimal that reads back as the same float
 * ({@link Float#toString}); a driver that parses decimals correctly rounded (Mesa does) gets the same
 * bits as the block holds. NaN and infinities have no GLSL literal: a source made from them does
 * not compile, and the specialisation falls back to the block.
 *
 * <p>Stateless; any thread (the specialisation's worker calls it). Allocates the new source.
 */
final class ConstantBlock {

    private ConstantBlock() {
    }

    /**
     * {@code source} with block {@code name}'s declaration replaced by a constant array of
     * {@code values} (4 per vec4).
     *
     * @throws IllegalArgumentException when the source does not declare the block in the one form
     *     this rewrites, or declares another length than {@code values} holds
     */
    static String inline(String source, String name, float[] values) {
        Matcher found = declaration(name).matcher(source);
        if (!found.find()) {
            throw new IllegalArgumentException("no `layout(std140) uniform " + name + " { vec4 NAME[N]; };` to"
                    + " compile its values into");
        }
        String member = found.group(1);
        int length = Integer.parseInt(found.group(2));
        if (4 * length != values.length) {
            throw new IllegalArgumentException("uniform block '" + name + "' declares " + length + " vec4s, the"
                    + " artwork fills " + values.length / 4);
        }
        StringBuilder text = new StringBuilder(source.length() + values.length * 16);
        text.append(source, 0, found.start());
        text.append("const vec4 ").append(member).append('[').append(length).append("] = vec4[").append(length)
                .append("](");
        for (int v = 0; v < length; v++) {
            text.append(v == 0 ? "vec4(" : ", vec4(");
            for (int c = 0; c < 4; c++) {
                text.append(c == 0 ? "" : ", ").append(Float.toString(values[4 * v + c]));
            }
            text.append(')');
        }
        text.append(");");
        // As many line breaks as the declaration spanned: the lines after it keep their numbers.
        text.append("\n".repeat((int) found.group().chars().filter(c -> c == '\n').count()));
        text.append(source, found.end(), source.length());
        return text.toString();
    }

    private static Pattern declaration(String name) {
        return Pattern.compile("layout\\s*\\(\\s*std140\\s*\\)\\s*uniform\\s+" + Pattern.quote(name)
                + "\\s*\\{\\s*vec4\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\[\\s*(\\d+)\\s*\\]\\s*;\\s*}\\s*;");
    }
}
