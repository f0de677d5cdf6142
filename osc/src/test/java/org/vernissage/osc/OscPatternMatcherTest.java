package org.vernissage.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vernissage.osc.OscPatternMatcher.Problem;

class OscPatternMatcherTest {

    private final OscPatternMatcher matcher = new OscPatternMatcher();

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            // literal
            "/a/b            | /a/b          | true",
            "/a/b            | /a/bc         | false",
            "/a/b            | /a/           | false",
            "/               | /             | true",
            // ?
            "/fader?         | /fader1       | true",
            "/fader?         | /fader        | false",
            "/fader?         | /fader12      | false",
            "/a?b            | /a/b          | false",
            // *: any run within one part, never across '/'
            "/fader*         | /fader        | true",
            "/fader*         | /fader123     | true",
            "/fader*         | /fader1/x     | false",
            "/*              | /anything     | true",
            "/*              | /             | true",
            "/*              | /a/b          | false",
            "/*/*            | /a/b          | true",
            "/*/*            | /a/b/c        | false",
            "/*/z            | /abc/z        | true",
            "/*a*b*          | /xaybz        | true",
            "/*a*b*          | /xbya         | false",
            "/**             | /abc          | true",
            "/*1             | /1/1          | false",
            "/a*             | /a*           | true",
            // [abc], ranges, negation
            "/[abc]          | /b            | true",
            "/[abc]          | /d            | false",
            "/[abc]          | /ab           | false",
            "/fader[1-4]     | /fader3       | true",
            "/fader[1-4]     | /fader5       | false",
            "/fader[4-1]     | /fader2       | true",
            "/x[a-cx-z]      | /xy           | true",
            "/x[a-cx-z]      | /xm           | false",
            "/x[a-]          | /x-           | true",
            "/x[-a]          | /x-           | true",
            "/x[!abc]        | /xd           | true",
            "/x[!abc]        | /xa           | false",
            "/x[!a-y]        | /xz           | true",
            "/x[!a]          | /x            | false",
            "/a[!b]c         | /a/c          | false",
            "/a[/]c          | /a/c          | false",
            "/[!]]           | /a            | false",
            // {foo,bar}
            "/{foo,bar}      | /foo          | true",
            "/{foo,bar}      | /bar          | true",
            "/{foo,bar}      | /baz          | false",
            "/{foo,bar}      | /foobar       | false",
            "/{foo,foobar}x  | /foobarx      | true",
            "/{a,}b          | /b            | true",
            "/{a,}b          | /ab           | true",
            "/{}             | /             | true",
            "/{a/b,c}/d      | /a/b/d        | true",
            "/{1,2}/fader{3,4} | /2/fader4   | true",
            "/{1,2}/fader{3,4} | /3/fader4   | false",
            // combined
            "/*/fader[0-9]   | /page1/fader7 | true",
            "/?/{x,y}*       | /1/xpos       | true",
            "/?/{x,y}*       | /12/xpos      | false",
    })
    void specCases(String pattern, String address, boolean expected) {
        assertEquals(expected, matcher.matches(pattern, address));
        assertEquals(expected, PatternReference.matches(bytes(pattern), bytes(address)),
                "the reference disagrees with the table");
    }

    @ParameterizedTest(name = "{0}: {1} at {2}")
    @CsvSource(delimiter = '|', value = {
            "/a[bc          | UNCLOSED_BRACKET  | 2",
            "/a[]           | EMPTY_BRACKET     | 2",
            "/a[!]          | EMPTY_BRACKET     | 2",
            "/a{b,c         | UNCLOSED_BRACE    | 2",
            "/a{b*,c}       | WILDCARD_IN_BRACE | 4",
            "/a{b,{c}}      | WILDCARD_IN_BRACE | 5",
            "/a]            | STRAY_CLOSE       | 2",
            "/a}            | STRAY_CLOSE       | 2",
            "/ok/[ab]/x]    | STRAY_CLOSE       | 10",
    })
    void malformedPatternsAreFoundWithTheirPosition(String pattern, Problem problem, int at) {
        byte[] p = bytes(pattern);
        assertEquals(at, matcher.validate(ByteBuffer.wrap(p), 0, p.length));
        assertEquals(problem, matcher.problem());
        assertFalse(matcher.matches(pattern, pattern.replaceAll("[\\[\\]{}!*?]", "")),
                "a malformed pattern matches nothing");
        assertNull(PatternReference.compile(p), "the reference agrees it is malformed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OscPatternMatcher.requireValid(pattern));
        assertTrue(e.getMessage().contains("'" + pattern + "'") && e.getMessage().contains("byte " + at)
                && e.getMessage().contains(problem.description()), e.getMessage());
    }

    @Test
    void wellFormedPatternsValidate() {
        for (String pattern : List.of("/a", "/*", "/[a-z]", "/[!a]", "/{a,b}", "/{}", "/x[]]", "/{a,[}")) {
            byte[] p = bytes(pattern);
            int at = matcher.validate(ByteBuffer.wrap(p), 0, p.length);
            if (pattern.equals("/x[]]") || pattern.equals("/{a,[}")) {
                assertTrue(at >= 0, pattern + " must be malformed"); // ']' always closes; '[' in braces
            } else {
                assertEquals(-1, at, pattern);
                assertNull(matcher.problem());
                OscPatternMatcher.requireValid(pattern);
            }
        }
    }

    @Test
    void patternCharactersAreRecognised() {
        for (String pattern : List.of("/a*", "/a?", "/[a]", "/{a}", "/a]", "/a}")) {
            assertTrue(OscPatternMatcher.isPattern(pattern), pattern);
            byte[] b = bytes(pattern);
            assertTrue(OscPatternMatcher.isPattern(ByteBuffer.wrap(b), 0, b.length), pattern);
        }
        assertFalse(OscPatternMatcher.isPattern("/a/b,c#d!-"));
    }

    @Test
    void readsOnlyItsRegionsOfLargerBuffers() {
        byte[] pattern = bytes("XX/f*[0-9]YY");
        byte[] text = bytes("ZZZ/fader3WWW");
        assertTrue(matcher.matches(ByteBuffer.wrap(pattern), 2, 8, ByteBuffer.wrap(text), 3, 7));
        assertFalse(matcher.matches(ByteBuffer.wrap(pattern), 2, 8, ByteBuffer.wrap(text), 3, 8));
    }

    @Test
    void longAddressesGrowTheWorkArraysAndStillMatch() {
        String part = "x".repeat(5_000);
        assertTrue(matcher.matches("/*/[x]*", "/" + part + "/" + part));
        assertFalse(matcher.matches("/*", "/" + part + "/" + part));
        assertTrue(matcher.matches("/a", "/a"), "and short ones after");
    }

    @Test
    void manyStarsDoNotBacktrackExponentially() {
        String pattern = "/" + "*a".repeat(40) + "*b";
        String address = "/" + "a".repeat(200);
        // A backtracking matcher takes ages on this; the automaton is linear in each token.
        assertFalse(matcher.matches(pattern, address));
        assertTrue(matcher.matches(pattern, address + "b"));
    }

    // ---- hostile patterns: bounded size, bounded work -------------------------------------------

    /** The pattern of the report: about 17 ms per datagram before the bound. */
    static byte[] hostilePattern(int length) {
        StringBuilder pattern = new StringBuilder("/");
        while (pattern.length() + 4 <= length) {
            pattern.append("*{,}");
        }
        while (pattern.length() < length) {
            pattern.append('*');
        }
        return bytes(pattern.toString());
    }

    @Test
    void aPatternOverTheSizeBoundIsRefusedUnread() {
        byte[] pattern = hostilePattern(64 * 1024);
        ByteBuffer address = ByteBuffer.wrap(bytes("/page/1/fader1"));
        assertEquals(OscPatternMatcher.MAX_PATTERN_LENGTH, matcher.validate(ByteBuffer.wrap(pattern), 0, pattern.length));
        assertEquals(Problem.TOO_LONG, matcher.problem());
        assertFalse(matcher.matches(ByteBuffer.wrap(pattern), 0, pattern.length, address, 0, 14));
        assertEquals(0, matcher.lastSteps(), "not a single token read");
        assertFalse(matcher.budgetExhausted());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OscPatternMatcher.requireValid("/" + "a".repeat(OscPatternMatcher.MAX_PATTERN_LENGTH)));
        assertTrue(e.getMessage().contains("longer than 256 bytes"), e.getMessage());
        byte[] atTheBound = hostilePattern(OscPatternMatcher.MAX_PATTERN_LENGTH);
        assertEquals(-1, matcher.validate(ByteBuffer.wrap(atTheBound), 0, atTheBound.length), "the bound itself is fine");
    }

    @Test
    void theWorstPatternWithinTheBoundCostsAtMostPatternBytesTimesAddressPositions() {
        byte[] pattern = hostilePattern(OscPatternMatcher.MAX_PATTERN_LENGTH);
        for (String address : List.of("/page/1/fader1", "/x", "/" + "a".repeat(60), "/a/b")) {
            byte[] text = bytes(address);
            boolean expected = address.indexOf('/', 1) < 0; // '*' and '{,}' match any run without '/'
            assertEquals(expected, matcher.matches(ByteBuffer.wrap(pattern), 0, pattern.length,
                    ByteBuffer.wrap(text), 0, text.length), address);
            assertFalse(matcher.budgetExhausted(), address);
            long bound = (long) pattern.length * (text.length + 1);
            assertTrue(matcher.lastSteps() > 0 && matcher.lastSteps() <= bound,
                    address + ": " + matcher.lastSteps() + " steps, bound " + bound);
        }
    }

    @Test
    void aMatchStopsAtItsStepBudgetAndSaysSo() {
        byte[] pattern = hostilePattern(OscPatternMatcher.MAX_PATTERN_LENGTH);
        byte[] text = bytes("/" + "a".repeat(60_000)); // the biggest address a datagram can hold, nearly
        assertFalse(matcher.matches(ByteBuffer.wrap(pattern), 0, pattern.length, ByteBuffer.wrap(text), 0,
                text.length));
        assertTrue(matcher.budgetExhausted());
        assertTrue(matcher.lastSteps() <= OscPatternMatcher.DEFAULT_STEP_BUDGET, matcher.lastSteps() + " steps");
        assertFalse(matcher.matches(ByteBuffer.wrap(pattern), 0, pattern.length, ByteBuffer.wrap(text), 0,
                text.length, 1_000));
        assertTrue(matcher.lastSteps() <= 1_000, "a smaller budget is kept too: " + matcher.lastSteps());
        // Given enough steps, the same pair matches: the budget changes cost, never the answer.
        assertTrue(matcher.matches(ByteBuffer.wrap(pattern), 0, pattern.length, ByteBuffer.wrap(text), 0,
                text.length, Long.MAX_VALUE));
        assertFalse(matcher.budgetExhausted());
        // And the work arrays are left clean: the next, ordinary match is unaffected.
        assertTrue(matcher.matches("/fader[0-9]", "/fader3"));
        assertFalse(matcher.matches("/fader[0-9]", "/fader"));
        assertTrue(matcher.lastSteps() <= 11L * 7, "a literal-ish pattern visits few positions");
    }

    /**
     * Every pattern of a random sample (built from the grammar's pieces, malformed ones included)
     * against every address up to length 5 over a small alphabet, compared with the regex
     * reference: a brute-force check of agreement on about 2.7 million pairs.
     */
    @Test
    void agreesWithTheRegexReferenceOnEveryShortAddress() {
        SplittableRandom random = new SplittableRandom(0x05C_1A77L);
        List<byte[]> addresses = allStrings("ab/-", 5);
        int valid = 0;
        int matched = 0;
        for (int n = 0; n < 2_000; n++) {
            byte[] pattern = randomPattern(random);
            java.util.regex.Pattern reference = PatternReference.compile(pattern);
            int at = matcher.validate(ByteBuffer.wrap(pattern), 0, pattern.length);
            assertEquals(reference == null, at >= 0, () -> "validity of " + text(pattern));
            if (reference != null) {
                valid++;
            }
            for (byte[] address : addresses) {
                boolean expected = reference != null
                        && reference.matcher(new String(address, StandardCharsets.ISO_8859_1)).matches();
                boolean actual = matcher.matches(ByteBuffer.wrap(pattern), 0, pattern.length,
                        ByteBuffer.wrap(address), 0, address.length);
                if (expected != actual) {
                    throw new AssertionError(text(pattern) + " ~ " + text(address) + ": expected "
                            + expected + ", matcher said " + actual + " (regex " + reference + ")");
                }
                if (actual) {
                    matched++;
                }
            }
        }
        assertTrue(valid > 1_000, "only " + valid + " of the sampled patterns were well formed");
        assertTrue(matched > 10_000, "only " + matched + " pairs matched: the sample is too weak");
    }

    /** Random patterns over the grammar's pieces, biased towards short well-formed ones. */
    static byte[] randomPattern(SplittableRandom random) {
        String[] pieces = {"a", "b", "/", "-", "!", ",", "*", "?", "[ab]", "[!a]", "[a-b]", "[b-a]",
                "[-a]", "[a-]", "[/]", "{a,b}", "{ab,a}", "{,a}", "{}", "{a/b}", "[", "]", "{", "}",
                "[!", "{a*}", "[]"};
        StringBuilder pattern = new StringBuilder(random.nextBoolean() ? "/" : "");
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            int which = random.nextInt(random.nextInt(8) == 0 ? pieces.length : 20);
            pattern.append(pieces[which]);
        }
        return bytes(pattern.toString());
    }

    private static List<byte[]> allStrings(String alphabet, int maxLength) {
        List<byte[]> all = new ArrayList<>();
        all.add(new byte[0]);
        List<byte[]> previous = List.of(new byte[0]);
        for (int length = 1; length <= maxLength; length++) {
            List<byte[]> longer = new ArrayList<>();
            for (byte[] prefix : previous) {
                for (char c : alphabet.toCharArray()) {
                    byte[] s = java.util.Arrays.copyOf(prefix, length);
                    s[length - 1] = (byte) c;
                    longer.add(s);
                }
            }
            all.addAll(longer);
            previous = longer;
        }
        assertNotNull(all);
        return all;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return "'" + new String(b, StandardCharsets.ISO_8859_1) + "'";
    }
}
