package org.vernissage.models.nca;

import java.util.SplittableRandom;

/**
 * A neural cellular automaton running on the CPU: a square grid of cells, planted with one seed
 * cell, stepped by {@link NcaRule}, erased in discs. The training runs many of these; tests use one
 * to measure growth and regrowth against the target, independently of the GPU.
 *
 * <p>One thread at a time; owned by its caller. Stepping allocates nothing.
 */
public final class NcaGrid {

    private final NcaWeights weights;
    private final NcaRule rule;
    private final int size;
    private final int channels;
    private final SplittableRandom random;
    private final float[] fire;
    private float[] state;
    private float[] next;

    /**
     * @param seed the firing of cells: the same seed, the same history
     */
    public NcaGrid(NcaWeights weights, int size, long seed) {
        if (size < 3 || size > 1024) {
            throw new IllegalArgumentException("grid size from 3 to 1024, got " + size);
        }
        this.weights = weights;
        this.size = size;
        this.channels = weights.channels();
        this.rule = new NcaRule(size, channels, weights.hidden());
        this.random = new SplittableRandom(seed);
        this.fire = new float[size * size];
        this.state = new float[size * size * channels];
        this.next = new float[state.length];
    }

    public int size() {
        return size;
    }

    /** Clears the grid and plants the seed: the centre cell with every channel but RGB at 1. */
    public void plantSeed() {
        java.util.Arrays.fill(state, 0f);
        plantSeed(state, size, channels);
    }

    static void plantSeed(float[] state, int size, int channels) {
        int centre = ((size / 2) * size + size / 2) * channels;
        for (int ch = NcaWeights.ALPHA; ch < channels; ch++) {
            state[centre + ch] = 1f;
        }
    }

    /** Runs {@code count} steps. */
    public void step(int count) {
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < fire.length; i++) {
                fire[i] = (float) random.nextDouble();
            }
            rule.forward(weights, state, next, fire, null);
            float[] swap = state;
            state = next;
            next = swap;
        }
    }

    /**
     * One step in which exactly the living cells with {@code fire[cell] < 0.5} fire: to replay a
     * step another implementation (the GPU's hash) chose the firing of.
     */
    public void stepWith(float[] fire) {
        if (fire.length != size * size) {
            throw new IllegalArgumentException("one firing number per cell: " + size * size + ", got " + fire.length);
        }
        rule.forward(weights, state, next, fire, null);
        float[] swap = state;
        state = next;
        next = swap;
    }

    /** Replaces the whole state ({@code (y * size + x) * channels + ch}). */
    public void setState(float[] source) {
        if (source.length != state.length) {
            throw new IllegalArgumentException("a state of " + state.length + " numbers, got " + source.length);
        }
        System.arraycopy(source, 0, state, 0, state.length);
    }

    /** Sets every cell whose centre lies within {@code radius} cells of (cx, cy) to zero. */
    public void erase(double cx, double cy, double radius) {
        erase(state, size, channels, cx, cy, radius);
    }

    static void erase(float[] state, int size, int channels, double cx, double cy, double radius) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (StrictMath.hypot(x + 0.5 - cx, y + 0.5 - cy) <= radius) {
                    java.util.Arrays.fill(state, (y * size + x) * channels, (y * size + x + 1) * channels, 0f);
                }
            }
        }
    }

    /** The mean squared difference of the visible RGBA to {@code target} (premultiplied, as drawn). */
    public double visibleError(float[] target) {
        return visibleError(state, target, size * size, channels);
    }

    static double visibleError(float[] state, float[] target, int cells, int channels) {
        double sum = 0;
        for (int cell = 0; cell < cells; cell++) {
            for (int c = 0; c < NcaWeights.VISIBLE; c++) {
                double d = state[cell * channels + c] - target[cell * 4 + c];
                sum += d * d;
            }
        }
        return sum / (cells * NcaWeights.VISIBLE);
    }

    /** The visible RGBA, clamped to 0..1 as the screen shows it, {@code (y * size + x) * 4 + c}. */
    public float[] rgba() {
        float[] out = new float[size * size * 4];
        for (int cell = 0; cell < size * size; cell++) {
            for (int c = 0; c < 4; c++) {
                out[cell * 4 + c] = Math.max(0f, Math.min(1f, state[cell * channels + c]));
            }
        }
        return out;
    }

    /** A copy of the whole state. */
    public float[] state() {
        return state.clone();
    }
}
