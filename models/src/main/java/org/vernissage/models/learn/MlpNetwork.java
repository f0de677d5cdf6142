package org.vernissage.models.learn;

import java.util.Objects;
import org.vernissage.models.Model;

/**
 * A multilayer perceptron in plain Java: dense layers, tanh or relu hidden, linear or sigmoid out,
 * with the normalisation of its inputs (mean and scale per input, learnt from the examples) stored
 * with its weights. {@link #run} allocates nothing: it reads into two preallocated scratch rows.
 *
 * <p>Weights are immutable once built (a new training makes a new network, swapped in whole); the
 * scratch rows make {@link #run} single-threaded: the network is owned by one model worker. Made
 * by {@link MlpTrainer} or read by {@link TrainedModelFiles}.
 */
public final class MlpNetwork implements Model {

    private final String name;
    private final int[] sizes;
    private final Activation hidden;
    private final Activation output;
    private final float[][] weights;
    private final float[][] biases;
    private final float[] inputMean;
    private final float[] inputScale;
    private final TrainingSummary training;
    private final float[] rowA;
    private final float[] rowB;

    /**
     * @param sizes the width of every layer, inputs first, outputs last (at least two entries)
     * @param weights per layer {@code l}, a row-major {@code sizes[l+1] x sizes[l]} matrix
     * @param biases per layer {@code l}, {@code sizes[l+1]} values
     * @param inputMean subtracted from each input before the first layer
     * @param inputScale then multiplied into each input
     * @param training how the network was trained (seed, steps, loss), for files and cards
     */
    public MlpNetwork(String name, int[] sizes, Activation hidden, Activation output, float[][] weights,
                      float[][] biases, float[] inputMean, float[] inputScale, TrainingSummary training) {
        this.name = Objects.requireNonNull(name, "name");
        this.sizes = sizes.clone();
        this.hidden = Objects.requireNonNull(hidden, "hidden");
        this.output = Objects.requireNonNull(output, "output");
        this.training = Objects.requireNonNull(training, "training");
        if (sizes.length < 2) {
            throw new IllegalArgumentException(name + ": a network needs at least an input and an output layer");
        }
        int layers = sizes.length - 1;
        if (weights.length != layers || biases.length != layers) {
            throw new IllegalArgumentException(name + ": expected " + layers + " weight matrices and bias vectors");
        }
        this.weights = new float[layers][];
        this.biases = new float[layers][];
        int widest = 0;
        for (int l = 0; l < layers; l++) {
            if (weights[l].length != sizes[l + 1] * sizes[l] || biases[l].length != sizes[l + 1]) {
                throw new IllegalArgumentException(name + ": layer " + l + " expected " + sizes[l + 1] + "x"
                        + sizes[l] + " weights and " + sizes[l + 1] + " biases");
            }
            this.weights[l] = weights[l].clone();
            this.biases[l] = biases[l].clone();
        }
        for (int size : sizes) {
            widest = Math.max(widest, size);
        }
        if (inputMean.length != sizes[0] || inputScale.length != sizes[0]) {
            throw new IllegalArgumentException(name + ": expected " + sizes[0] + " input means and scales");
        }
        this.inputMean = inputMean.clone();
        this.inputScale = inputScale.clone();
        this.rowA = new float[widest];
        this.rowB = new float[widest];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputCount() {
        return sizes[0];
    }

    @Override
    public int outputCount() {
        return sizes[sizes.length - 1];
    }

    @Override
    public void run(float[] inputs, float[] outputs) {
        float[] in = rowA;
        float[] out = rowB;
        for (int i = 0; i < sizes[0]; i++) {
            in[i] = (inputs[i] - inputMean[i]) * inputScale[i];
        }
        int last = sizes.length - 2;
        for (int l = 0; l <= last; l++) {
            layer(l, in, out, l == last ? output : hidden);
            float[] swap = in;
            in = out;
            out = swap;
        }
        System.arraycopy(in, 0, outputs, 0, outputCount());
    }

    private void layer(int l, float[] in, float[] out, Activation activation) {
        int inWidth = sizes[l];
        int outWidth = sizes[l + 1];
        float[] w = weights[l];
        float[] b = biases[l];
        for (int j = 0; j < outWidth; j++) {
            float sum = b[j];
            int row = j * inWidth;
            for (int i = 0; i < inWidth; i++) {
                sum += w[row + i] * in[i];
            }
            out[j] = activation.apply(sum);
        }
    }

    @Override
    public void close() {
        // plain Java: nothing outside the heap
    }

    /** Every layer's width, inputs first. */
    public int[] sizes() {
        return sizes.clone();
    }

    public Activation hiddenActivation() {
        return hidden;
    }

    public Activation outputActivation() {
        return output;
    }

    /** Layer {@code l}'s row-major weights (a copy). */
    public float[] weights(int l) {
        return weights[l].clone();
    }

    /** Layer {@code l}'s biases (a copy). */
    public float[] biases(int l) {
        return biases[l].clone();
    }

    public float[] inputMean() {
        return inputMean.clone();
    }

    public float[] inputScale() {
        return inputScale.clone();
    }

    public TrainingSummary training() {
        return training;
    }

    /** The number of trainable values: every weight and bias. */
    public int parameterCount() {
        int count = 0;
        for (int l = 0; l < weights.length; l++) {
            count += weights[l].length + biases[l].length;
        }
        return count;
    }

    /** Architecture in words, e.g. {@code MLP 8-16-16-3 tanh/linear}. */
    public String architecture() {
        StringBuilder text = new StringBuilder("MLP ");
        for (int l = 0; l < sizes.length; l++) {
            text.append(l == 0 ? "" : "-").append(sizes[l]);
        }
        return text.append(' ').append(hidden.jsonName()).append('/').append(output.jsonName()).toString();
    }

    /**
     * SHA-256 (hex) of what the network computes: architecture, activations, normalisation,
     * weights and biases, bit for bit. Two trainings with the same seed and examples give the same
     * digest; the name and training record do not enter it.
     */
    public String digest() {
        Digest digest = new Digest().text("mlp").text(architecture()).integers(sizes).floats(inputMean)
                .floats(inputScale);
        for (int l = 0; l < weights.length; l++) {
            digest.floats(weights[l]).floats(biases[l]);
        }
        return digest.hex();
    }

    @Override
    public String toString() {
        return "MlpNetwork[" + name + ": " + architecture() + ", " + parameterCount() + " parameters]";
    }
}
