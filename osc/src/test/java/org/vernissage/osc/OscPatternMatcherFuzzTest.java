package org.vernissage.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated patterns and addresses of arbitrary bytes (non-ASCII, NUL, every pattern
 * character) through {@link OscPatternMatcher}: it must never throw, never read outside the two
 * regions it is given (each case is run once on exact arrays and once embedded at random offsets
 * in larger buffers of random bytes, which must not change any outcome), and must agree with the
 * regex reference on validity and on every match.
 */
class OscPatternMatcherFuzzTest {

    private static final int CASES = 100_000;
    private static final byte[] SPECIAL = OscPatternMatcherTest.bytes("/*?[]{}!-,ab");

    private final OscPatternMatcher exact = new OscPatternMatcher();
    private final OscPatternMatcher embedded = new OscPatternMatcher();

    @Test
    void arbitraryBytesNeverThrowStayInTheirRegionAndAgreeWithTheReference() {
        SplittableRandom random = new SplittableRandom(0xF022_05C1L);
        int matches = 0;
        for (int c = 0; c < CASES; c++) {
            byte[] pattern = random.nextInt(3) == 0 ? randomBytes(random, 12)
                    : mutate(OscPatternMatcherTest.randomPattern(random), random);
            byte[] address = random.nextInt(4) == 0 ? randomBytes(random, 10) : matchingGuess(pattern, random);
            boolean outcome = check(pattern, address, random);
            if (outcome) {
                matches++;
            }
        }
        assertTrue(matches > CASES / 50, "only " + matches + " cases matched: the inputs are too random");
    }

    private boolean check(byte[] pattern, byte[] address, SplittableRandom random) {
        int validExact;
        boolean matchExact;
        int validEmbedded;
        boolean matchEmbedded;
        try {
            validExact = exact.validate(ByteBuffer.wrap(pattern), 0, pattern.length);
            matchExact = exact.matches(ByteBuffer.wrap(pattern), 0, pattern.length,
                    ByteBuffer.wrap(address), 0, address.length);
            int p = random.nextInt(9);
            int t = random.nextInt(9);
            ByteBuffer patternBuffer = ByteBuffer.wrap(embed(pattern, p, random));
            ByteBuffer addressBuffer = ByteBuffer.wrap(embed(address, t, random));
            validEmbedded = embedded.validate(patternBuffer, p, pattern.length);
            matchEmbedded = embedded.matches(patternBuffer, p, pattern.length, addressBuffer, t, address.length);
        } catch (RuntimeException e) {
            throw new AssertionError("threw on " + OscPatternMatcherTest.text(pattern) + " ~ "
                    + OscPatternMatcherTest.text(address), e);
        }
        String what = OscPatternMatcherTest.text(pattern) + " ~ " + OscPatternMatcherTest.text(address);
        assertEquals(validExact, validEmbedded, () -> "validity depends on the surrounding bytes: " + what);
        assertEquals(matchExact, matchEmbedded, () -> "match depends on the surrounding bytes: " + what);
        Pattern reference = PatternReference.compile(pattern);
        assertEquals(reference == null, validExact >= 0, () -> "validity differs from the reference: " + what);
        assertEquals(PatternReference.matches(pattern, address), matchExact,
                () -> "match differs from the reference: " + what + " (regex " + reference + ")");
        return matchExact;
    }

    /** An address derived from the pattern's literal bytes, so that matches are not rare. */
    private static byte[] matchingGuess(byte[] pattern, SplittableRandom random) {
        byte[] guess = new byte[pattern.length + random.nextInt(3)];
        int n = 0;
        for (byte b : pattern) {
            if ("*?[]{}!,".indexOf(b) < 0 && random.nextInt(5) != 0) {
                guess[n++] = b;
            } else if (random.nextBoolean()) {
                guess[n++] = SPECIAL[random.nextInt(SPECIAL.length)];
            }
        }
        return java.util.Arrays.copyOf(guess, n);
    }

    private static byte[] mutate(byte[] pattern, SplittableRandom random) {
        if (pattern.length == 0 || random.nextInt(3) == 0) {
            return pattern;
        }
        byte[] mutated = pattern.clone();
        int at = random.nextInt(mutated.length);
        mutated[at] = random.nextBoolean() ? (byte) random.nextInt(256) : SPECIAL[random.nextInt(SPECIAL.length)];
        return mutated;
    }

    private static byte[] randomBytes(SplittableRandom random, int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : SPECIAL[random.nextInt(SPECIAL.length)];
        }
        return bytes;
    }

    private static byte[] embed(byte[] region, int before, SplittableRandom random) {
        byte[] buffer = new byte[before + region.length + random.nextInt(9)];
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = SPECIAL[random.nextInt(SPECIAL.length)]; // sentinels that would change a match
        }
        System.arraycopy(region, 0, buffer, before, region.length);
        return buffer;
    }
}
