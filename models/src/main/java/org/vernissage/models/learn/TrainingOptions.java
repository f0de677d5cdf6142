package org.vernissage.models.learn;

import java.util.Arrays;
import java.util.Objects;

/**
 * How to train one model: the manifest's {@code "training"} object, with defaults for what it does
 * not say. The same options and the same examples give the same model, bit for bit.
 *
 * <p>Immutable; shared by all threads.
 *
 * @param seed seeds the initial weights and the order of the mini-batches
 * @param hidden the widths of the hidden layers of an MLP, e.g. {@code [16, 16]}
 * @param steps how many Adam steps an MLP makes
 * @param learningRate Adam's step size
 * @param batchSize examples per step; 0 means the whole set every step (full batch)
 * @param hiddenActivation tanh or relu
 * @param outputActivation linear or sigmoid
 * @param k neighbours a k-NN model asks
 * @param window a DTW recogniser's band: how many frames a match may be longer or shorter than its
 *        template (0: any length)
 * @param threshold a DTW recogniser reports a class only when its mean distance per path cell is
 *        below this
 */
public record TrainingOptions(long seed, int[] hidden, int steps, float learningRate, int batchSize,
                              Activation hiddenActivation, Activation outputActivation, int k,
                              int window, float threshold) {

    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_STEPS = 600;
    public static final float DEFAULT_LEARNING_RATE = 0.01f;
    public static final int DEFAULT_BATCH = 64;
    public static final int DEFAULT_K = 3;
    /** Most widths and layers a network may have: keeps a typo from asking for gigabytes. */
    public static final int MAX_WIDTH = 4096;
    public static final int MAX_LAYERS = 16;

    public TrainingOptions {
        Objects.requireNonNull(hidden, "hidden");
        Objects.requireNonNull(hiddenActivation, "hiddenActivation");
        Objects.requireNonNull(outputActivation, "outputActivation");
        hidden = hidden.clone();
        if (hidden.length > MAX_LAYERS) {
            throw new IllegalArgumentException("at most " + MAX_LAYERS + " hidden layers, got " + hidden.length);
        }
        for (int width : hidden) {
            if (width < 1 || width > MAX_WIDTH) {
                throw new IllegalArgumentException("hidden widths must be 1.." + MAX_WIDTH + ", got "
                        + Arrays.toString(hidden));
            }
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (!(learningRate > 0f) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a positive number, got " + learningRate);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize must be 0 (full batch) or more, got " + batchSize);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (window < 0) {
            throw new IllegalArgumentException("window must be 0 (any length) or more, got " + window);
        }
        if (!(threshold > 0f)) {
            throw new IllegalArgumentException("threshold must be positive, got " + threshold);
        }
    }

    /** Seed 1, two hidden layers of 16 (tanh), 600 steps at 0.01, batches of 64, linear out, k 3. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(DEFAULT_SEED, new int[] {16, 16}, DEFAULT_STEPS, DEFAULT_LEARNING_RATE,
                DEFAULT_BATCH, Activation.TANH, Activation.LINEAR, DEFAULT_K, 0, Float.MAX_VALUE);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(newSeed, hidden, steps, learningRate, batchSize, hiddenActivation,
                outputActivation, k, window, threshold);
    }

    public TrainingOptions withHidden(int... newHidden) {
        return new TrainingOptions(seed, newHidden, steps, learningRate, batchSize, hiddenActivation,
                outputActivation, k, window, threshold);
    }

    public TrainingOptions withSteps(int newSteps) {
        return new TrainingOptions(seed, hidden, newSteps, learningRate, batchSize, hiddenActivation,
                outputActivation, k, window, threshold);
    }

    public TrainingOptions withLearningRate(float newRate) {
        return new TrainingOptions(seed, hidden, steps, newRate, batchSize, hiddenActivation,
                outputActivation, k, window, threshold);
    }

    public TrainingOptions withBatchSize(int newBatch) {
        return new TrainingOptions(seed, hidden, steps, learningRate, newBatch, hiddenActivation,
                outputActivation, k, window, threshold);
    }

    public TrainingOptions withActivations(Activation hiddenAct, Activation outputAct) {
        return new TrainingOptions(seed, hidden, steps, learningRate, batchSize, hiddenAct, outputAct,
                k, window, threshold);
    }

    public TrainingOptions withK(int newK) {
        return new TrainingOptions(seed, hidden, steps, learningRate, batchSize, hiddenActivation,
                outputActivation, newK, window, threshold);
    }

    public TrainingOptions withWindow(int newWindow) {
        return new TrainingOptions(seed, hidden, steps, learningRate, batchSize, hiddenActivation,
                outputActivation, k, newWindow, threshold);
    }

    public TrainingOptions withThreshold(float newThreshold) {
        return new TrainingOptions(seed, hidden, steps, learningRate, batchSize, hiddenActivation,
                outputActivation, k, window, newThreshold);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingOptions that && seed == that.seed && Arrays.equals(hidden, that.hidden)
                && steps == that.steps && Float.compare(learningRate, that.learningRate) == 0
                && batchSize == that.batchSize && hiddenActivation == that.hiddenActivation
                && outputActivation == that.outputActivation && k == that.k && window == that.window
                && Float.compare(threshold, that.threshold) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, Arrays.hashCode(hidden), steps, learningRate, batchSize, hiddenActivation,
                outputActivation, k, window, threshold);
    }

    @Override
    public String toString() {
        return "TrainingOptions[seed " + seed + ", hidden " + Arrays.toString(hidden) + ", steps " + steps
                + ", learningRate " + learningRate + ", batch " + batchSize + ", " + hiddenActivation.jsonName()
                + "/" + outputActivation.jsonName() + ", k " + k + ", window " + window + ", threshold "
                + threshold + "]";
    }
}
