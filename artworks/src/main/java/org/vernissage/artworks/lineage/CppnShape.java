package org.vernissage.artworks.lineage;

/**
 * The shape of Lineage's network and the layout of its weights, as {@code lineage.frag} reads them
 * from its uniform block: 8 inputs (x, y, distance from the centre, sin and cos of the clock, three
 * latents), three hidden layers of 12 neurons, 3 outputs (red, green, blue). Neuron by neuron,
 * layer by layer: a neuron's incoming weights (4 to a vec4), then one vec4 (bias, then the weights
 * of its sin, gaussian and tanh activations). Every float is a parameter of the network: 576 in
 * 144 vec4s, no padding (every fan-in is a multiple of 4).
 *
 * <p>Also draws networks: {@link #randomise} a first one from a random stream, {@link #mutate} a
 * child from a parent. Stateless; any thread. Allocates nothing.
 */
final class CppnShape {

    static final int INPUTS = 8;
    static final int HIDDEN = 12;
    static final int HIDDEN_LAYERS = 3;
    static final int OUTPUTS = 3;
    /** Activations a neuron mixes: sin, gaussian, tanh. */
    static final int ACTIVATIONS = 3;

    /** What each float of the network is. */
    static final byte WEIGHT = 0;
    static final byte BIAS = 1;
    static final byte ACTIVATION = 2;

    static final int FLOATS;
    static final int VEC4S;
    /** Per float: its role and the spread of a first network's values (a weight's depends on its layer). */
    private static final byte[] ROLE;
    private static final float[] SPREAD;
    /** Per neuron: the index of its (bias, sin, gaussian, tanh) vec4. */
    private static final int[] NEURON_K;

    /** Spreads of first networks: wide input weights make many bands; narrower deeper weights keep them apart. */
    private static final float INPUT_SPREAD = 2.4f;
    private static final float HIDDEN_SPREAD = 1.0f;
    private static final float OUTPUT_SPREAD = 0.8f;
    private static final float BIAS_SPREAD = 0.6f;

    static {
        int[] fanIn = fanIns();
        int floats = 0;
        int neurons = 0;
        for (int layer = 0; layer < fanIn.length; layer++) {
            int count = layer == fanIn.length - 1 ? OUTPUTS : HIDDEN;
            floats += count * (fanIn[layer] + 4);
            neurons += count;
        }
        FLOATS = floats;
        VEC4S = floats / 4;
        ROLE = new byte[floats];
        SPREAD = new float[floats];
        NEURON_K = new int[neurons];
        int at = 0;
        int neuron = 0;
        for (int layer = 0; layer < fanIn.length; layer++) {
            boolean output = layer == fanIn.length - 1;
            float spread = layer == 0 ? INPUT_SPREAD : output ? OUTPUT_SPREAD : HIDDEN_SPREAD;
            for (int j = 0; j < (output ? OUTPUTS : HIDDEN); j++) {
                for (int i = 0; i < fanIn[layer]; i++, at++) {
                    ROLE[at] = WEIGHT;
                    SPREAD[at] = spread;
                }
                NEURON_K[neuron++] = at;
                ROLE[at] = BIAS;
                SPREAD[at++] = BIAS_SPREAD;
                for (int a = 0; a < ACTIVATIONS; a++) {
                    ROLE[at] = ACTIVATION;
                    SPREAD[at++] = 1f;
                }
            }
        }
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

    /** The network's parameters: every float of the block. */
    static int parameterCount() {
        return FLOATS;
    }

    /** How many neurons (hidden and output). */
    static int neurons() {
        return NEURON_K.length;
    }

    static byte role(int index) {
        return ROLE[index];
    }

    /** A first network: normal weights and biases, each neuron one activation chosen at random. */
    static void randomise(SeededRandom random, float[] out) {
        for (int i = 0; i < FLOATS; i++) {
            out[i] = ROLE[i] == ACTIVATION ? 0f : (float) (random.nextGaussian() * SPREAD[i]);
        }
        for (int k : NEURON_K) {
            out[k + 1 + random.nextInt(ACTIVATIONS)] = 1f;
        }
    }

    /**
     * A child of {@code parent} into {@code child}: every weight and bias moved by a normal step of
     * {@code strength} times its spread; each neuron, with probability {@code strength / 4}, takes
     * one other activation (the blend then morphs one into the other).
     *
     * @param strength 0 (a copy) to 1 (steps as wide as a first network's spread)
     */
    static void mutate(float[] parent, SeededRandom random, float strength, float[] child) {
        for (int i = 0; i < FLOATS; i++) {
            float step = (float) (random.nextGaussian() * SPREAD[i] * strength);
            child[i] = ROLE[i] == ACTIVATION ? parent[i] : parent[i] + step;
        }
        for (int k : NEURON_K) {
            if (random.nextDouble() < strength / 4.0) {
                int chosen = random.nextInt(ACTIVATIONS);
                for (int a = 0; a < ACTIVATIONS; a++) {
                    child[k + 1 + a] = a == chosen ? 1f : 0f;
                }
            }
        }
    }
}
