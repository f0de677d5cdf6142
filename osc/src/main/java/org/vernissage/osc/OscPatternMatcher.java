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
 * address positions reachable after each pattern token (a boolean per position, and the range
 * {@code [lo, hi]} they lie in, so that a token only visits the positions it can continue from).
 * No backtracking: the work of one match is at most (pattern bytes) x (reachable positions per
 * token), whatever the pattern.
 *
 * <p>Bounded for hostile senders, because incoming addresses may be patterns: a pattern longer
 * than {@link #MAX_PATTERN_LENGTH} is malformed ({@link Problem#TOO_LONG}, found without reading
 * it), and each match has a budget of steps (a step is one reachable position visited for one
 * pattern token, or one byte of a bracket or brace list compared at one position). A match that
 * would exceed its budget stops and answers no, and {@link #budgetExhausted()} says so, so that the
 * caller can count it apart from a plain mismatch; {@link #lastSteps()} says what a match cost.
 * Without the bound, a 64 KB pattern such as {@code /*{,}*{,}*...} cost about 17 ms per datagram
 * against a dozen bound addresses.
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
        STRAY_CLOSE("']' or '}' closes nothing"),
        /** Longer than {@link #MAX_PATTERN_LENGTH}: refused unread, as matching it could cost too much. */
        TOO_LONG("longer than " + MAX_PATTERN_LENGTH + " bytes, the most a pattern may have");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        /** What is wrong, for the operator. */
        public String description() {
            return description;
        }
    }

    /**
     * The longest address pattern accepted, in bytes. Real patterns are a few dozen bytes
     * ({@code /mixer/{1,2,3,4}/fader}); this leaves room for long brace lists.
     */
    public static final int MAX_PATTERN_LENGTH = 256;

    /**
     * Steps one {@link #matches} call may take unless given another budget: far above what a
     * pattern within {@link #MAX_PATTERN_LENGTH} costs against a real address (tens to a few
     * thousand steps), about 100 us of one core at worst.
     */
    public static final long DEFAULT_STEP_BUDGET = 65_536;

    // reach[q]: address position q is reachable after the tokens so far; all false outside
    // [lo, hi], and all false between two matches (each match clears what it set).
    private boolean[] reach = new boolean[64];
    private boolean[] next = new boolean[64];
    private int lo;
    private int hi;
    private long stepsLeft;
    private long lastSteps;
    private boolean exhausted;
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
        if (length > MAX_PATTERN_LENGTH) {
            problem = Problem.TOO_LONG;
            return MAX_PATTERN_LENGTH;
        }
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
     * {@code [patternOffset, patternOffset + patternLength)}, both without their NUL, within
     * {@link #DEFAULT_STEP_BUDGET} steps. A malformed pattern (one longer than
     * {@link #MAX_PATTERN_LENGTH} included) matches nothing: check it first with {@link #validate}
     * to tell why.
     */
    public boolean matches(ByteBuffer pattern, int patternOffset, int patternLength,
                           ByteBuffer text, int textOffset, int textLength) {
        return matches(pattern, patternOffset, patternLength, text, textOffset, textLength,
                DEFAULT_STEP_BUDGET);
    }

    /**
     * As {@link #matches(ByteBuffer, int, int, ByteBuffer, int, int)}, within at most
     * {@code stepBudget} steps: when the match would take more it stops, answers false, and
     * {@link #budgetExhausted()} is true until the next call.
     */
    public boolean matches(ByteBuffer pattern, int patternOffset, int patternLength,
                           ByteBuffer text, int textOffset, int textLength, long stepBudget) {
        stepsLeft = stepBudget;
        exhausted = false;
        if (patternLength > MAX_PATTERN_LENGTH) {
            lastSteps = 0;
            return false;
        }
        ensureCapacity(textLength + 1);
        reach[0] = true;
        lo = 0;
        hi = 0;
        boolean matched = run(pattern, patternOffset, patternOffset + patternLength, text, textOffset,
                textLength);
        clearReach();
        lastSteps = stepBudget - stepsLeft;
        return matched;
    }

    /** Steps the last {@link #matches} call took (0 for a pattern refused unread). */
    public long lastSteps() {
        return lastSteps;
    }

    /** Whether the last {@link #matches} call stopped because it ran out of steps. */
    public boolean budgetExhausted() {
        return exhausted;
    }

    /** Convenience for tests and start-up code: both as Strings (UTF-8). Allocates. */
    public boolean matches(String pattern, String address) {
        byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
        byte[] t = address.getBytes(StandardCharsets.UTF_8);
        return matches(ByteBuffer.wrap(p), 0, p.length, ByteBuffer.wrap(t), 0, t.length);
    }

    // ---- the automaton ----------------------------------------------------------------------

    private boolean run(ByteBuffer pattern, int from, int patternEnd, ByteBuffer text, int textOffset,
                        int textLength) {
        for (int i = from; i < patternEnd; ) {
            byte c = pattern.get(i);
            int tokenEnd;
            if (c == '*') {
                if (!star(text, textOffset, textLength)) {
                    return false; // out of steps
                }
                tokenEnd = i + 1;
            } else {
                tokenEnd = tokenEnd(pattern, i, patternEnd);
                if (tokenEnd < 0 || !charge((long) (hi - lo + 1) * (tokenEnd - i))
                        || !step(pattern, i, tokenEnd, text, textOffset, textLength)) {
                    return false; // malformed, out of steps, or no position left to continue from
                }
            }
            i = tokenEnd;
        }
        return reach[textLength];
    }

    /** Takes {@code steps} from the budget, or marks it exhausted (and takes none). */
    private boolean charge(long steps) {
        if (steps > stepsLeft) {
            exhausted = true;
            return false;
        }
        stepsLeft -= steps;
        return true;
    }

    /**
     * '*': every position reachable stays so, and reaches on while no '/' is crossed; past the
     * old range only as far as the run continues. One step per position visited.
     *
     * @return false when the budget ran out (the positions set so far stay within [lo, hi])
     */
    private boolean star(ByteBuffer text, int textOffset, int textLength) {
        int q = lo + 1;
        for (; q <= textLength; q++) {
            if (!charge(1)) {
                return false;
            }
            if (!reach[q] && reach[q - 1] && text.get(textOffset + q - 1) != '/') {
                reach[q] = true;
                hi = Math.max(hi, q);
            } else if (q > hi) {
                break; // nothing beyond the old range can be reached any more
            }
        }
        return true;
    }

    /**
     * Advances every reachable position over one token in {@code [start, end)} of the pattern (a
     * literal byte, '?', a bracket list or a brace list), clearing the old positions as it goes.
     *
     * @return whether any position is still reachable
     */
    private boolean step(ByteBuffer pattern, int start, int end, ByteBuffer text, int textOffset,
                         int textLength) {
        int nextLo = Integer.MAX_VALUE;
        int nextHi = -1;
        byte token = pattern.get(start);
        for (int q = lo; q <= hi; q++) {
            if (!reach[q]) {
                continue;
            }
            reach[q] = false;
            if (token == '{') {
                int reached = braceStep(pattern, start, end, text, textOffset, textLength, q);
                if (reached >= 0) {
                    nextLo = Math.min(nextLo, q);
                    nextHi = Math.max(nextHi, reached);
                }
            } else if (q < textLength && single(pattern, start, end, text.get(textOffset + q))) {
                next[q + 1] = true;
                nextLo = Math.min(nextLo, q + 1);
                nextHi = q + 1;
            }
        }
        boolean[] swap = reach;
        reach = next;
        next = swap;
        if (nextHi < 0) {
            lo = 0;
            hi = -1;
            return false;
        }
        lo = nextLo;
        hi = nextHi;
        return true;
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

    /**
     * Marks every position one of the brace's strings leads to from position {@code q}.
     *
     * @return the furthest position marked, or -1 if none
     */
    private int braceStep(ByteBuffer pattern, int start, int end, ByteBuffer text, int textOffset,
                          int textLength, int q) {
        int furthest = -1;
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
                furthest = Math.max(furthest, q + length);
            }
            alternative = alternativeEnd + 1;
        }
        return furthest;
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

    private void clearReach() {
        if (hi >= lo) {
            Arrays.fill(reach, lo, hi + 1, false);
        }
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
