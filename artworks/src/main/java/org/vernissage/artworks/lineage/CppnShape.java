package org.vernissage.artworks.lineage;

/**
 * The shape of Lineage's network and the layout of its weights, as {@code lineage.frag} reads them
 * from its uniform block: 8 inputs (x, y, distance from the centre, sin and cos of the clock, three
 * latents), three hidden layers of 12 neurons, 3 outputs (red, green, blue). Neuron by neuron,
 * layer by layer: a neuron's incoming weights (4 to a vec4), then one vec4 (bias, gain, 0, 0).
 * A hidden neuron's activation is fixed by its place, as in the first CPPNs: neuron j of a layer
 * is sin (j % 3 == 0), gaussian (1) or tanh (2); the outputs are linear (the shader squashes the
 * colour). So a blend between parent and child moves weights only, and every neuron costs one
 * transcendental function whatever its weights. 576 floats in 144 vec4s; 498 are parameters (the
 * two zeros closing each neuron's last vec4 are padding).
 *
 * <p>Also draws networks: {@link #randomise} a first one from a random stream, {@link #mutate} a
 * child from a parent. Stateless; any thread. Allocates nothing.
 */
final class CppnShape {

    static final int INPUTS = 8;
    static final int HIDDEN = 12;
    static final int HIDDEN_LAYERS = 3;
    static final int OUTPUTS = 3;

    /** What each float of the network is. */
    static final byte WEIGHT = 0;
    static final byte BIAS = 1;
    static final byte GAIN = 2;
    static final byte PADDING = 3;

    static final int FLOATS;
    static final int VEC4S;
    private static final int PARAMETERS;
    /** Per float: its role and the spread of a first network's values (a weight's depends on its layer). */
    private static final byte[] ROLE;
    private static final float[] SPREAD;

    /** Spreads of first networks: wide input weights make many bands; narrower deeper weights keep them apart. */
    private static final float INPUT_SPREAD = 2.4f;
    private static final float HIDDEN_SPREAD = 1.0f;
    private static final float OUTPUT_SPREAD = 0.8f;
    private static final float BIAS_SPREAD = 0.6f;
    private static final float GAIN_SPREAD = 0.5f;

    static {
        int[] fanIn = fanIns();
        int floats = 0;
        for (int layer = 0; layer < fanIn.length; layer++) {
            int count = layer == fanIn.length - 1 ? OUTPUTS : HIDDEN;
            floats += count * (fanIn[layer] + 4);
        }
        FLOATS = floats;
        VEC4S = floats / 4;
        ROLE = new byte[floats];
        SPREAD = new float[floats];
        int at = 0;
        int parameters = 0;
        for (int layer = 0; layer < fanIn.length; layer++) {
            boolean output = layer == fanIn.length - 1;
            float spread = layer == 0 ? INPUT_SPREAD : output ? OUTPUT_SPREAD : HIDDEN_SPREAD;
            for (int j = 0; j < (output ? OUTPUTS : HIDDEN); j++) {
                for (int i = 0; i < fanIn[layer]; i++) {
                    SPREAD[at] = spread;
                    ROLE[at++] = WEIGHT;
                }
                SPREAD[at] = BIAS_SPREAD;
                ROLE[at++] = BIAS;
                SPREAD[at] = GAIN_SPREAD;
                ROLE[at++] = GAIN;
                ROLE[at++] = PADDING;
                ROLE[at++] = PADDING;
                parameters += fanIn[layer] + 2;
            }
        }
        PARAMETERS = parameters;
    }

    private CppnShape() {
    }

    private static int[] fanIns() {
        int[] fanIn = new int[HIDDEN_LAYERS + 1];
        fanIn[0] = INPUTS;
        for (int layer = 1; layer <= HIDDEN_LAYERS; layer++) {
            fanIn[layer] = HIDDEN;
        }
        return fanIn;
    }

    /** The network's parameters: weights, biases and gains (not the padding). */
    static int parameterCount() {
        return PARAMETERS;
    }

    static byte role(int index) {
        return ROLE[index];
    }

    /** A first network: normal weights and biases around 0, gains around 1, padding 0. */
    static void randomise(SeededRandom random, float[] out) {
        for (int i = 0; i < FLOATS; i++) {
            out[i] = switch (ROLE[i]) {
                case PADDING -> 0f;
                case GAIN -> (float) (1.0 + random.nextGaussian() * SPREAD[i]);
                default -> (float) (random.nextGaussian() * SPREAD[i]);
            };
        }
    }

    /**
     * A child of {@code parent} into {@code child}: every weight, bias and gain moved by a normal
     * step of {@code strength} times its spread.
     *
     * @param strength 0 (a copy) to 1 (steps as wide as a first network's spread)
     */
    static void mutate(float[] parent, SeededRandom random, float strength, float[] child) {
        for (int i = 0; i < FLOATS; i++) {
            child[i] = ROLE[i] == PADDING ? 0f : parent[i] + (float) (random.nextGaussian() * SPREAD[i] * strength);
        }
    }
}
