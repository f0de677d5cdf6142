package org.vernissage.artworks.lineage;

/**
 * A deterministic random stream (SplitMix64) that can be set to the stream of any (seed,
 * generation, variant): the weights of a network are a function of those three numbers and of the
 * history of breeds, never of when or where they were computed. Gaussians use {@link StrictMath}
 * (whose results are specified to the bit), so every JVM on every machine draws the same bits.
 *
 * <p>Not thread-safe; owned by one {@link Lineage}. Allocates nothing.
 */
final class SeededRandom {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    /** Starts the stream of ({@code seed}, {@code generation}, {@code variant}). */
    void reseed(long seed, long generation, long variant) {
        state = mix(mix(mix(seed) + generation) + variant);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    private static long mix(long value) {
        long z = value + GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in 0 .. {@code bound - 1}. */
    int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    /**
     * Standard normal (Marsaglia's polar method, one of the pair). Not Box-Muller: StrictMath.cos
     * allocates for its argument reduction, and this runs on the render thread.
     */
    double nextGaussian() {
        double u;
        double v;
        double s;
        do {
            u = 2.0 * nextDouble() - 1.0;
            v = 2.0 * nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        return u * StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
    }
}
