package org.vernissage.models;

import java.util.Arrays;
import java.util.Random;
import org.vernissage.models.learn.Activation;
import org.vernissage.models.learn.MlpNetwork;

/**
 * The weights of a fully connected network (a multilayer perceptron): what the project's ONNX and
 * TorchScript writers export, and what the plain-Java baseline of the runtime benchmark runs. Layer
 * {@code i} computes {@code out[o] = activation(bias[i][o] + sum_k in[k] * weights[i][k * outs + o])}
 * (weights stored input-major, {@code [in][out]}, the layout of {@code x @ W}).
 *
 * <p>Immutable after construction (the arrays are copied in and never handed out); any thread.
 *
 * @param sizes      layer widths, inputs first: {@code {8, 32, 32, 3}} is 8 inputs, two hidden
 *                   layers of 32, 3 outputs
 * @param weights    per layer, {@code sizes[i] * sizes[i + 1]} floats, input-major
 * @param biases     per layer, {@code sizes[i + 1]} floats
 * @param hidden     the activation of every hidden layer
 * @param output     the activation of the last layer
 */
public record DenseNetwork(int[] sizes, float[][] weights, float[][] biases, Activation hidden,
                           Activation output) {

    public DenseNetwork {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output size, got "
                    + Arrays.toString(sizes));
        }
        if (weights.length != sizes.length - 1 || biases.length != sizes.length - 1) {
            throw new IllegalArgumentException("expected " + (sizes.length - 1) + " layers of weights and biases, got "
                    + weights.length + " and " + biases.length);
        }
        for (int i = 0; i < weights.length; i++) {
            if (weights[i].length != sizes[i] * sizes[i + 1] || biases[i].length != sizes[i + 1]) {
                throw new IllegalArgumentException("layer " + i + ": expected " + sizes[i] * sizes[i + 1]
                        + " weights and " + sizes[i + 1] + " biases, got " + weights[i].length + " and "
                        + biases[i].length);
            }
        }
        sizes = sizes.clone();
        weights = deepCopy(weights);
        biases = deepCopy(biases);
    }

    /**
     * A network with weights drawn from a seeded generator (uniform, scaled by 1/sqrt(fan-in)):
     * for test files and benchmarks, where what matters is that every runtime computes the same
     * function, not what it computes.
     */
    public static DenseNetwork random(long seed, Activation hidden, Activation output, int... sizes) {
        Random random = new Random(seed);
        float[][] w = new float[sizes.length - 1][];
        float[][] b = new float[sizes.length - 1][];
        for (int i = 0; i < w.length; i++) {
            float scale = (float) (1.0 / Math.sqrt(sizes[i]));
            w[i] = new float[sizes[i] * sizes[i + 1]];
            b[i] = new float[sizes[i + 1]];
            for (int k = 0; k < w[i].length; k++) {
                w[i][k] = (random.nextFloat() * 2f - 1f) * scale;
            }
            for (int k = 0; k < b[i].length; k++) {
                b[i][k] = (random.nextFloat() * 2f - 1f) * 0.1f;
            }
        }
        return new DenseNetwork(sizes, w, b, hidden, output);
    }

    /**
     * The same function as a network the engine trained ({@link MlpNetwork}), with its input
     * normalisation folded into the first layer ({@code w' = w * scale}, {@code b' = b - w' . mean}),
     * so that an exported file needs no preprocessing.
     */
    public static DenseNetwork of(MlpNetwork mlp) {
        int[] sizes = mlp.sizes();
        float[] mean = mlp.inputMean();
        float[] scale = mlp.inputScale();
        float[][] w = new float[sizes.length - 1][];
        float[][] b = new float[sizes.length - 1][];
        for (int layer = 0; layer < w.length; layer++) {
            int ins = sizes[layer];
            int outs = sizes[layer + 1];
            float[] rowMajor = mlp.weights(layer); // [out][in]
            w[layer] = new float[ins * outs];
            b[layer] = mlp.biases(layer);
            for (int o = 0; o < outs; o++) {
                for (int k = 0; k < ins; k++) {
                    float weight = rowMajor[o * ins + k];
                    if (layer == 0) {
                        weight *= scale[k];
                        b[layer][o] -= weight * mean[k];
                    }
                    w[layer][k * outs + o] = weight;
                }
            }
        }
        return new DenseNetwork(sizes, w, b, mlp.hiddenActivation(), mlp.outputActivation());
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    @Override
    public float[][] weights() {
        return deepCopy(weights);
    }

    @Override
    public float[][] biases() {
        return deepCopy(biases);
    }

    public int inputCount() {
        return sizes[0];
    }

    public int outputCount() {
        return sizes[sizes.length - 1];
    }

    public int layerCount() {
        return weights.length;
    }

    /** Layer {@code i}'s weights, a copy ({@code [in][out]}, input-major). */
    public float[] layerWeights(int layer) {
        return weights[layer].clone();
    }

    /** Layer {@code i}'s biases, a copy. */
    public float[] layerBiases(int layer) {
        return biases[layer].clone();
    }

    /** The activation after layer {@code i}. */
    public Activation activation(int layer) {
        return layer == weights.length - 1 ? output : hidden;
    }

    /** Weights plus biases. */
    public long parameterCount() {
        long n = 0;
        for (int i = 0; i < weights.length; i++) {
            n += weights[i].length + biases[i].length;
        }
        return n;
    }

    /** The widest layer: the size of the scratch buffers {@link #evaluate} needs. */
    public int widest() {
        return Arrays.stream(sizes).max().orElseThrow();
    }

    /**
     * Computes the network in plain Java, allocating nothing: {@code scratchA} and {@code scratchB}
     * hold at least {@link #widest()} floats each and belong to the caller's thread.
     */
    public void evaluate(float[] inputs, float[] outputs, float[] scratchA, float[] scratchB) {
        float[] in = inputs;
        float[] out = scratchA;
        for (int layer = 0; layer < weights.length; layer++) {
            int ins = sizes[layer];
            int outs = sizes[layer + 1];
            if (layer == weights.length - 1) {
                out = outputs;
            }
            float[] w = weights[layer];
            float[] b = biases[layer];
            Activation activation = activation(layer);
            for (int o = 0; o < outs; o++) {
                out[o] = b[o];
            }
            for (int k = 0; k < ins; k++) {
                float x = in[k];
                int row = k * outs;
                for (int o = 0; o < outs; o++) {
                    out[o] += x * w[row + o];
                }
            }
            for (int o = 0; o < outs; o++) {
                out[o] = activation.apply(out[o]);
            }
            in = out;
            out = (out == scratchA) ? scratchB : scratchA;
        }
    }

    private static float[][] deepCopy(float[][] arrays) {
        float[][] copy = new float[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            copy[i] = arrays[i].clone();
        }
        return copy;
    }
}
