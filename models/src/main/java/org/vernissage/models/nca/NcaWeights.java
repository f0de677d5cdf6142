package org.vernissage.models.nca;

import java.util.Arrays;

/**
 * The weights of a neural cellular automaton's update rule (after Mordvintsev et al., "Growing
 * Neural Cellular Automata", Distill 2020): every cell perceives its {@code channels} state values
 * and their Sobel gradients across x and y ({@code 3 * channels} numbers), a dense layer of
 * {@code hidden} ReLU units reads them, and a dense layer without bias writes the change of the
 * cell's channels.
 *
 * <p>The layouts are the GPU's (vec4 by vec4, so the shader reads them as one {@code vec4} uniform
 * array without reordering): channel {@code ch} lives in tile {@code ch / 4}, lane {@code ch % 4};
 * perception input {@code tile * 12 + kind * 4 + lane} (kind 0 the value, 1 the x gradient, 2 the y
 * gradient); {@code w1[j * perception + i]} from input i to hidden unit j; {@code b1[j]};
 * {@code w2[(tile * hidden + j) * 4 + lane]} from hidden unit j to the channel. See {@link #packed()}.
 *
 * <p>Immutable once made (the arrays are copies); any thread.
 */
public final class NcaWeights {

    /** Channels 0..3 are the visible premultiplied RGBA; 3 (alpha) also says which cells live. */
    public static final int VISIBLE = 4;
    public static final int ALPHA = 3;

    private final int channels;
    private final int hidden;
    private final float[] w1;
    private final float[] b1;
    private final float[] w2;

    /**
     * @throws IllegalArgumentException when the shape is not a multiple of four or an array has the
     *         wrong length
     */
    public NcaWeights(int channels, int hidden, float[] w1, float[] b1, float[] w2) {
        if (channels < 4 || channels > 32 || channels % 4 != 0 || hidden < 4 || hidden > 256 || hidden % 4 != 0) {
            throw new IllegalArgumentException("an NCA has 4..32 channels and 4..256 hidden units, both multiples"
                    + " of 4, got " + channels + " channels and " + hidden + " hidden");
        }
        int perception = 3 * channels;
        requireLength("w1", w1, perception * hidden);
        requireLength("b1", b1, hidden);
        requireLength("w2", w2, hidden * channels);
        this.channels = channels;
        this.hidden = hidden;
        this.w1 = w1.clone();
        this.b1 = b1.clone();
        this.w2 = w2.clone();
    }

    private static void requireLength(String name, float[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(name + " has " + values.length + " numbers, expected " + expected);
        }
    }

    /** Weights that change nothing: the first layer given, the second all zero (training starts so). */
    static NcaWeights initial(int channels, int hidden, java.util.SplittableRandom random) {
        int perception = 3 * channels;
        float[] w1 = new float[perception * hidden];
        // Glorot uniform: keeps the hidden units' spread independent of the layer sizes.
        double limit = Math.sqrt(6.0 / (perception + hidden));
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        return new NcaWeights(channels, hidden, w1, new float[hidden], new float[hidden * channels]);
    }

    public int channels() {
        return channels;
    }

    public int hidden() {
        return hidden;
    }

    /** Inputs of the first layer: each channel, its x and its y gradient. */
    public int perception() {
        return 3 * channels;
    }

    /** How many numbers the rule has. */
    public int parameterCount() {
        return w1.length + b1.length + w2.length;
    }

    public float[] w1() {
        return w1.clone();
    }

    public float[] b1() {
        return b1.clone();
    }

    public float[] w2() {
        return w2.clone();
    }

    /** For the rule, which only reads them. */
    float[] w1Shared() {
        return w1;
    }

    float[] b1Shared() {
        return b1;
    }

    float[] w2Shared() {
        return w2;
    }

    /**
     * Every weight in one array of {@link #packedVec4Count()} vec4s, as the shader's
     * {@code uniform vec4 WEIGHTS[N]} reads it: w1, then b1, then w2.
     */
    public float[] packed() {
        float[] all = new float[parameterCount()];
        System.arraycopy(w1, 0, all, 0, w1.length);
        System.arraycopy(b1, 0, all, w1.length, b1.length);
        System.arraycopy(w2, 0, all, w1.length + b1.length, w2.length);
        return all;
    }

    /** The length of {@link #packed()} in vec4s. */
    public int packedVec4Count() {
        return parameterCount() / 4;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NcaWeights o && o.channels == channels && o.hidden == hidden
                && Arrays.equals(o.w1, w1) && Arrays.equals(o.b1, b1) && Arrays.equals(o.w2, w2);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(w1) + Arrays.hashCode(w2);
    }
}
