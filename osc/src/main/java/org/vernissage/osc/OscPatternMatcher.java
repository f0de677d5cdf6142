package org.vernissage.osc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Matches OSC 1.0 address patterns against literal OSC addresses, byte by byte where they lie
 * (in a receive buffer or in a wrapped {@code byte[]}), without allocating once its work arrays
 * have grown to the longest address seen.
 *
 * <p>The pattern language is OSC 1.0's, applied to the whole address:
 * <pre>
 *   ?          any one character except '/'
 *   *          any run of zero or more characters, never crossing a '/'
 *   [abc]      one character from the list; "a-z" inside is a range (either order),
 *              '-' first or last is a literal '-'
 *   [!abc]     one character not in the list (and not '/')
 *   {foo,bar}  one of the comma-separated literal strings ({,s} : nothing or an 's')
 *   anything else matches itself, '/' included
 * </pre>
 * Choices where OSC 1.0 is silent: ']' always closes a list, so an empty list ({@code []},
 * {@code [!]}) is malformed; the strings in braces are literal, so {@code { [ ] * ?} inside braces
 * are malformed; a ']' or '}' with no opening is malformed; brackets, '?' and '*' never match
 * '/'. OSC 1.1's '//' wildcard is not supported (it matches itself, and no valid address has it).
 *
 * <p>How: a pattern is run as a nondeterministic automaton over the address, keeping the set of
 * address positions reachable after each pattern token (a boolean per position), so the work is
 * bounded by pattern tokens times address length whatever the pattern (no exponential
 * backtracking on hostile input such as many '*').
 *
 * <p>Confined to one thread (the work arrays are reused); owned by the router that matches with
 * it. The static helpers are stateless.
 */
public final class OscPatternMatcher {

    /** What makes a pattern malformed; see {@link #validate}. */
    public enum Problem {
        /** A '[' with no ']' after it. */
        UNCLOSED_BRACKET("'[' has no closing ']'"),
        /** "[]" or "[!]": a list that could match nothing. */
        EMPTY_BRACKET("'[]' lists no character"),
        /** A '{' with no '}' after it. */
        UNCLOSED_BRACE("'{' has no closing '}'"),
        /** One of { [ ] * ? inside braces, whose strings are literal. */
        WILDCARD_IN_BRACE("the strings in '{...}' are literal: no { [ ] * ? inside"),
        /** A ']' or '}' with nothing to close. */
        STRAY_CLOSE("']' or '}' closes nothing");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        /** What is wrong, for the operator. */
        public String description() {
            return description;
        }
    }

    private boolean[] reach = new boolean[64];
    private boolean[] next = new boolean[64];
    private Problem problem;

    /** Whether the bytes contain any OSC pattern character: {@code * ? [ ] { }}. */
    public static boolean isPattern(ByteBuffer buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (isPatternByte(buffer.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code address} contains any OSC pattern character: {@code * ? [ ] { }}. */
    public static boolean isPattern(String address) {
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c < 0x80 && isPatternByte((byte) c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPatternByte(byte b) {
        return b == '*' || b == '?' || b == '[' || b == ']' || b == '{' || b == '}';
    }

    /**
     * Checks the syntax of the pattern in {@code [offset, offset + length)}.
     *
     * @return -1 when it is well formed, else the position of the problem relative to
     *     {@code offset}; {@link #problem()} then says what it is
     */
    public int validate(ByteBuffer pattern, int offset, int length) {
        problem = null;
        int end = offset + length;
        for (int i = offset; i < end; ) {
            byte c = pattern.get(i);
            int at = -1;
            if (c == '[') {
                at = bracketProblem(pattern, i, end);
            } else if (c == '{') {
                at = braceProblem(pattern, i, end);
            } else if (c == ']' || c == '}') {
                problem = Problem.STRAY_CLOSE;
                at = i;
            }
            if (at >= 0) {
                return at - offset;
            }
            i = tokenEnd(pattern, i, end);
        }
        return -1;
    }

    private int bracketProblem(ByteBuffer pattern, int open, int end) {
        int first = open + 1;
        if (first < end && pattern.get(first) == '!') {
            first++;
        }
        if (first < end && pattern.get(first) == ']') {
            problem = Problem.EMPTY_BRACKET;
            return open;
        }
        if (bracketEnd(pattern, open, end) < 0) {
            problem = Problem.UNCLOSED_BRACKET;
            return open;
        }
        return -1;
    }

    private int braceProblem(ByteBuffer pattern, int open, int end) {
        for (int i = open + 1; i < end; i++) {
            byte c = pattern.get(i);
            if (c == '}') {
                return -1;
            }
            if (c == '{' || c == '[' || c == ']' || c == '*' || c == '?') {
                problem = Problem.WILDCARD_IN_BRACE;
                return i;
            }
        }
        problem = Problem.UNCLOSED_BRACE;
        return open;
    }

    /** Why the last {@link #validate} refused its pattern; null if it accepted it. */
    public Problem problem() {
        return problem;
    }

    /**
     * Checks {@code pattern} (a binding's address, at start-up).
     *
     * @throws IllegalArgumentException naming the problem and its position
     */
    public static void requireValid(String pattern) {
        byte[] bytes = pattern.getBytes(StandardCharsets.UTF_8);
        OscPatternMatcher matcher = new OscPatternMatcher();
        int at = matcher.validate(ByteBuffer.wrap(bytes), 0, bytes.length);
        if (at >= 0) {
            throw new IllegalArgumentException("OSC address pattern '" + pattern + "' is malformed at "
                    + "byte " + at + ": " + matcher.problem().description());
        }
    }

    /**
     * Whether the address in {@code [textOffset, textOffset + textLength)} matches the pattern in
     * {@code [patternOffset, patternOffset + patternLength)}, both without their NUL. A malformed
     * pattern matches nothing (check it first with {@link #validate} to tell why).
     */
    public boolean matches(ByteBuffer pattern, int patternOffset, int patternLength,
                           ByteBuffer text, int textOffset, int textLength) {
        ensureCapacity(textLength + 1);
        Arrays.fill(reach, 0, textLength + 1, false);
        reach[0] = true;
        int patternEnd = patternOffset + patternLength;
        for (int i = patternOffset; i < patternEnd; ) {
            byte c = pattern.get(i);
            int tokenEnd;
            if (c == '*') {
                star(text, textOffset, textLength);
                tokenEnd = i + 1;
            } else {
                tokenEnd = tokenEnd(pattern, i, patternEnd);
                if (tokenEnd < 0 || !step(pattern, i, tokenEnd, text, textOffset, textLength)) {
                    return false; // malformed, or no position left to continue from
                }
            }
            i = tokenEnd;
        }
        return reach[textLength];
    }

    /** Convenience for tests and start-up code: both as Strings (UTF-8). Allocates. */
    public boolean matches(String pattern, String address) {
        byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
        byte[] t = address.getBytes(StandardCharsets.UTF_8);
        return matches(ByteBuffer.wrap(p), 0, p.length, ByteBuffer.wrap(t), 0, t.length);
    }

    // ---- the automaton ----------------------------------------------------------------------

    /** '*': every position reachable stays so, and reaches on while no '/' is crossed. */
    private void star(ByteBuffer text, int textOffset, int textLength) {
        for (int q = 1; q <= textLength; q++) {
            if (!reach[q] && reach[q - 1] && text.get(textOffset + q - 1) != '/') {
                reach[q] = true;
            }
        }
    }

    /**
     * Advances every reachable position over one token in {@code [start, end)} of the pattern (a
     * literal byte, '?', a bracket list or a brace list).
     *
     * @return whether any position is still reachable
     */
    private boolean step(ByteBuffer pattern, int start, int end, ByteBuffer text, int textOffset,
                         int textLength) {
        Arrays.fill(next, 0, textLength + 1, false);
        boolean any = false;
        byte token = pattern.get(start);
        for (int q = 0; q <= textLength; q++) {
            if (!reach[q]) {
                continue;
            }
            if (token == '{') {
                any |= braceStep(pattern, start, end, text, textOffset, textLength, q);
            } else if (q < textLength && single(pattern, start, end, text.get(textOffset + q))) {
                next[q + 1] = true;
                any = true;
            }
        }
        boolean[] swap = reach;
        reach = next;
        next = swap;
        return any;
    }

    /** Whether the one-character token in {@code [start, end)} accepts {@code c}. */
    private static boolean single(ByteBuffer pattern, int start, int end, byte c) {
        byte token = pattern.get(start);
        if (token == '?') {
            return c != '/';
        }
        if (token == '[') {
            return c != '/' && inBracket(pattern, start, end, c);
        }
        return token == c;
    }

    private static boolean inBracket(ByteBuffer pattern, int start, int end, byte c) {
        int from = start + 1;
        boolean negate = pattern.get(from) == '!';
        if (negate) {
            from++;
        }
        int close = end - 1;
        int value = c & 0xFF;
        boolean member = false;
        for (int m = from; m < close && !member; ) {
            int a = pattern.get(m) & 0xFF;
            if (m + 2 < close && pattern.get(m + 1) == '-') {
                int b = pattern.get(m + 2) & 0xFF;
                member = value >= Math.min(a, b) && value <= Math.max(a, b);
                m += 3;
            } else {
                member = value == a;
                m++;
            }
        }
        return member != negate;
    }

    /** Marks every position one of the brace's strings leads to from position {@code q}. */
    private boolean braceStep(ByteBuffer pattern, int start, int end, ByteBuffer text, int textOffset,
                              int textLength, int q) {
        boolean any = false;
        int close = end - 1;
        int alternative = start + 1;
        while (alternative <= close) {
            int alternativeEnd = alternative;
            while (alternativeEnd < close && pattern.get(alternativeEnd) != ',') {
                alternativeEnd++;
            }
            int length = alternativeEnd - alternative;
            if (q + length <= textLength
                    && regionEquals(pattern, alternative, text, textOffset + q, length)) {
                next[q + length] = true;
                any = true;
            }
            alternative = alternativeEnd + 1;
        }
        return any;
    }

    private static boolean regionEquals(ByteBuffer a, int aAt, ByteBuffer b, int bAt, int length) {
        for (int i = 0; i < length; i++) {
            if (a.get(aAt + i) != b.get(bAt + i)) {
                return false;
            }
        }
        return true;
    }

    // ---- syntax -----------------------------------------------------------------------------

    /** The end (exclusive) of the token at {@code i}, or -1 when it is malformed. */
    private static int tokenEnd(ByteBuffer pattern, int i, int end) {
        byte c = pattern.get(i);
        if (c == '[') {
            return bracketEnd(pattern, i, end);
        }
        if (c == '{') {
            return braceEnd(pattern, i, end);
        }
        return c == ']' || c == '}' ? -1 : i + 1;
    }

    /** The end (after ']') of the bracket list opening at {@code open}, or -1 if malformed. */
    private static int bracketEnd(ByteBuffer pattern, int open, int end) {
        int first = open + 1;
        if (first < end && pattern.get(first) == '!') {
            first++;
        }
        for (int i = first; i < end; i++) {
            if (pattern.get(i) == ']') {
                return i == first ? -1 : i + 1;
            }
        }
        return -1;
    }

    /** The end (after '}') of the brace list opening at {@code open}, or -1 if malformed. */
    private static int braceEnd(ByteBuffer pattern, int open, int end) {
        for (int i = open + 1; i < end; i++) {
            byte c = pattern.get(i);
            if (c == '}') {
                return i + 1;
            }
            if (c == '{' || c == '[' || c == ']' || c == '*' || c == '?') {
                return -1;
            }
        }
        return -1;
    }

    private void ensureCapacity(int positions) {
        if (reach.length < positions) {
            // Grows to the longest address seen, then never again: not a steady-state allocation.
            int size = Math.max(positions, reach.length * 2);
            reach = new boolean[size];
            next = new boolean[size];
        }
    }
}
