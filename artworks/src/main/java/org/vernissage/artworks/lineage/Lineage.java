package org.vernissage.artworks.lineage;

/**
 * The evolving network of Lineage: a parent, a child drawn from it, and the network shown between
 * them ({@code blend} 0 shows the parent, 1 the child). The audience (through cues, OSC, phones)
 * asks for another child ({@link #mutate}) or keeps what it sees ({@link #breed}: the network
 * shown becomes the parent of the next generation, and a child is drawn from it).
 *
 * <p>Every network is a function of the seed and the history of breeds and mutations (and the
 * blend and strength at each breed): a first network from stream (seed, 0, 0), each child from
 * stream (seed, generation, variant). So a replay that reproduces the same parameters frame by
 * frame reproduces the same weights bit for bit.
 *
 * <p>Render thread (the piece's update); owned by {@link LineagePiece}. Allocates nothing.
 */
final class Lineage {

    private final float[] parent = new float[CppnShape.FLOATS];
    private final float[] child = new float[CppnShape.FLOATS];
    private final SeededRandom random = new SeededRandom();
    private long seed;
    private int generation;
    private int variant;

    /** Starts again from {@code seed}'s first network and its first child. */
    void reset(long newSeed, float strength) {
        seed = newSeed;
        generation = 0;
        variant = 0;
        random.reseed(seed, 0, 0);
        CppnShape.randomise(random, parent);
        drawChild(strength);
    }

    /** Replaces the child by another one of the same parent ({@code times} further along the stream). */
    void mutate(int times, float strength) {
        variant += times;
        drawChild(strength);
    }

    /** The network shown at {@code blend} becomes the parent; a first child is drawn from it. */
    void breed(float blend, float strength) {
        mixInto(blend, parent);
        generation++;
        variant = 0;
        drawChild(strength);
    }

    private void drawChild(float strength) {
        random.reseed(seed ^ 0x5DEECE66DL, generation, variant + 1);
        CppnShape.mutate(parent, random, strength, child);
    }

    /** The network shown at {@code blend} (0 parent .. 1 child) into {@code out}. */
    void mixInto(float blend, float[] out) {
        float keep = 1f - blend;
        for (int i = 0; i < out.length; i++) {
            out[i] = keep * parent[i] + blend * child[i];
        }
    }

    int generation() {
        return generation;
    }

    int variant() {
        return variant;
    }

    /** A digest of parent and child, bit for bit: equal digests, equal networks (tests, logs). */
    long digest() {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < parent.length; i++) {
            hash = (hash ^ Float.floatToRawIntBits(parent[i])) * 0x100000001b3L;
            hash = (hash ^ Float.floatToRawIntBits(child[i])) * 0x100000001b3L;
        }
        return hash;
    }
}
