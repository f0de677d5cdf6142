package org.vernissage.models.learn;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.vernissage.models.ModelException;

/**
 * Trains an {@link MlpNetwork} on an {@link ExampleSet} with Adam and a mean squared error: the
 * inputs normalised (mean 0, scale 1/std per input, stored with the weights), Xavier (tanh) or He
 * (relu) initial weights, mini-batches drawn from a shuffled order. Everything random comes from
 * one {@link SplittableRandom} seeded by {@link TrainingOptions#seed()} and the arithmetic runs in
 * one thread in a fixed order, so the same seed and examples give the same weights, bit for bit.
 *
 * <p>Called on a trainer thread (never the conductor's, never the render thread): a training
 * takes a fraction of a second to seconds. One trainer may train many times, one at a time; the
 * scratch of a training is made at its start and dropped at its end.
 */
public final class MlpTrainer {

    /** The fewest examples a regression learns from: one point defines no mapping. */
    public static final int MIN_EXAMPLES = 2;
    private static final int REPORTS = 100;
    private static final long MAX_QUIET_NANOS = 250_000_000L;
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final TrainingOptions options;

    public MlpTrainer(TrainingOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public TrainingOptions options() {
        return options;
    }

    /** Trains without progress reports or cancel. */
    public MlpNetwork train(String name, ExampleSet examples) throws ModelException {
        return train(name, examples, TrainingProgress.NONE, () -> false);
    }

    /**
     * Trains a new network called {@code name} on every example of {@code examples} (which must be
     * regression examples, at least {@link #MIN_EXAMPLES}).
     *
     * @param progress told at the first step, about a hundred times more, at the last step, and at
     *        least every 250 ms of a long training, on this thread
     * @param cancelled polled before every step; when it says true the training stops with a
     *        {@link TrainingCancelledException}
     * @throws ModelException when there are too few examples or one is not a regression example
     */
    public MlpNetwork train(String name, ExampleSet examples, TrainingProgress progress, BooleanSupplier cancelled)
            throws ModelException {
        checkExamples(name, examples);
        Run run = new Run(name, examples);
        int total = options.steps();
        int every = Math.max(1, total / REPORTS);
        long lastReport = System.nanoTime();
        for (int step = 1; step <= total; step++) {
            if (cancelled.getAsBoolean()) {
                throw new TrainingCancelledException(name, step - 1, total);
            }
            float loss = run.step(step);
            if (!Float.isFinite(loss)) {
                throw new ModelException(name + ": training diverged at step " + step + " (loss " + loss
                        + "); try a smaller learningRate than " + options.learningRate());
            }
            // the first step says it started; a long training still reports at least 4 times a second
            long now = System.nanoTime();
            if (step == 1 || step % every == 0 || step == total || now - lastReport >= MAX_QUIET_NANOS) {
                progress.step(step, total, loss);
                lastReport = now;
            }
        }
        return run.network(total);
    }

    private static void checkExamples(String name, ExampleSet examples) throws ModelException {
        if (examples.count() < MIN_EXAMPLES) {
            throw new ModelException(name + ": too few examples to train: " + examples.count() + ", expected at least "
                    + MIN_EXAMPLES + " (record more examples first)");
        }
        if (examples.outputCount() < 1) {
            throw new ModelException(name + ": the examples name no outputs, expected at least one");
        }
        for (int e = 0; e < examples.count(); e++) {
            Example example = examples.get(e);
            if (example.isGesture() || example.label() > 0) {
                throw new ModelException(name + ": example " + e + " is a " + (example.isGesture() ? "gesture" : "class label")
                        + ", expected inputs with outputs (an MLP is a regression)");
            }
            String problem = examples.problemWith(example);
            if (problem != null) {
                throw new ModelException(name + ": example " + e + ": " + problem);
            }
        }
    }

    /** The state of one training: data, weights, Adam moments and per-sample scratch. */
    private final class Run {
        private final String name;
        private final int[] sizes;
        private final int layers;
        private final int count;
        private final float[][] x;
        private final float[][] y;
        private final float[] mean;
        private final float[] scale;
        private final float[][] w;
        private final float[][] b;
        private final float[][] gw;
        private final float[][] gb;
        private final float[][] mw;
        private final float[][] vw;
        private final float[][] mb;
        private final float[][] vb;
        private final float[][] act;
        private final float[][] delta;
        private final int[] order;
        private final int batch;
        private final SplittableRandom random;
        private int cursor;

        Run(String name, ExampleSet examples) {
            this.name = name;
            int[] hidden = options.hidden();
            sizes = new int[hidden.length + 2];
            sizes[0] = examples.inputCount();
            System.arraycopy(hidden, 0, sizes, 1, hidden.length);
            sizes[sizes.length - 1] = examples.outputCount();
            layers = sizes.length - 1;
            count = examples.count();
            random = new SplittableRandom(options.seed());
            x = new float[count][];
            y = new float[count][];
            for (int e = 0; e < count; e++) {
                x[e] = examples.get(e).inputs();
                y[e] = examples.get(e).outputs();
            }
            mean = new float[sizes[0]];
            scale = new float[sizes[0]];
            normalise();
            w = new float[layers][];
            b = new float[layers][];
            gw = new float[layers][];
            gb = new float[layers][];
            mw = new float[layers][];
            vw = new float[layers][];
            mb = new float[layers][];
            vb = new float[layers][];
            for (int l = 0; l < layers; l++) {
                int n = sizes[l] * sizes[l + 1];
                w[l] = initialWeights(sizes[l], sizes[l + 1]);
                b[l] = new float[sizes[l + 1]];
                gw[l] = new float[n];
                gb[l] = new float[sizes[l + 1]];
                mw[l] = new float[n];
                vw[l] = new float[n];
                mb[l] = new float[sizes[l + 1]];
                vb[l] = new float[sizes[l + 1]];
            }
            act = new float[sizes.length][];
            delta = new float[sizes.length][];
            for (int l = 0; l < sizes.length; l++) {
                act[l] = new float[sizes[l]];
                delta[l] = new float[sizes[l]];
            }
            order = new int[count];
            for (int e = 0; e < count; e++) {
                order[e] = e;
            }
            batch = options.batchSize() == 0 ? count : Math.min(options.batchSize(), count);
            cursor = count; // shuffle before the first batch
        }

        private void normalise() {
            float[][] normalisation = Normalisation.of(x);
            System.arraycopy(normalisation[0], 0, mean, 0, mean.length);
            System.arraycopy(normalisation[1], 0, scale, 0, scale.length);
            for (float[] row : x) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = (row[i] - mean[i]) * scale[i];
                }
            }
        }

        private float[] initialWeights(int in, int out) {
            float[] weights = new float[in * out];
            boolean relu = options.hiddenActivation() == Activation.RELU;
            double limit = relu ? Math.sqrt(6.0 / in) : Math.sqrt(6.0 / (in + out));
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
            return weights;
        }

        /** One Adam step on the next mini-batch; the batch's mean squared error before the step. */
        float step(int step) {
            for (int l = 0; l < layers; l++) {
                java.util.Arrays.fill(gw[l], 0f);
                java.util.Arrays.fill(gb[l], 0f);
            }
            double loss = 0;
            int outputs = sizes[layers];
            float norm = 2f / (batch * outputs);
            for (int s = 0; s < batch; s++) {
                int e = next();
                forward(x[e]);
                float[] out = act[layers];
                float[] d = delta[layers];
                Activation outAct = options.outputActivation();
                for (int j = 0; j < outputs; j++) {
                    float error = out[j] - y[e][j];
                    loss += error * error;
                    d[j] = norm * error * outAct.slopeFromOutput(out[j]);
                }
                backward();
            }
            adam(step);
            return (float) (loss / (batch * outputs));
        }

        private int next() {
            if (cursor >= count) {
                for (int i = count - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int swap = order[i];
                    order[i] = order[j];
                    order[j] = swap;
                }
                cursor = 0;
            }
            return order[cursor++];
        }

        private void forward(float[] input) {
            System.arraycopy(input, 0, act[0], 0, sizes[0]);
            for (int l = 0; l < layers; l++) {
                Activation activation = l == layers - 1 ? options.outputActivation() : options.hiddenActivation();
                int in = sizes[l];
                float[] weights = w[l];
                float[] from = act[l];
                float[] to = act[l + 1];
                for (int j = 0; j < sizes[l + 1]; j++) {
                    float sum = b[l][j];
                    int row = j * in;
                    for (int i = 0; i < in; i++) {
                        sum += weights[row + i] * from[i];
                    }
                    to[j] = activation.apply(sum);
                }
            }
        }

        /** Accumulates the gradients of one sample, from delta[layers] (already times the slope). */
        private void backward() {
            for (int l = layers - 1; l >= 0; l--) {
                int in = sizes[l];
                float[] d = delta[l + 1];
                float[] from = act[l];
                float[] grad = gw[l];
                for (int j = 0; j < sizes[l + 1]; j++) {
                    float dj = d[j];
                    gb[l][j] += dj;
                    int row = j * in;
                    for (int i = 0; i < in; i++) {
                        grad[row + i] += dj * from[i];
                    }
                }
                if (l > 0) {
                    float[] below = delta[l];
                    float[] weights = w[l];
                    Activation activation = options.hiddenActivation();
                    for (int i = 0; i < in; i++) {
                        float sum = 0f;
                        for (int j = 0; j < sizes[l + 1]; j++) {
                            sum += weights[j * in + i] * d[j];
                        }
                        below[i] = sum * activation.slopeFromOutput(from[i]);
                    }
                }
            }
        }

        private void adam(int step) {
            float rate = options.learningRate();
            float correction1 = (float) (1 - Math.pow(BETA1, step));
            float correction2 = (float) (1 - Math.pow(BETA2, step));
            for (int l = 0; l < layers; l++) {
                update(w[l], gw[l], mw[l], vw[l], rate, correction1, correction2);
                update(b[l], gb[l], mb[l], vb[l], rate, correction1, correction2);
            }
        }

        private void update(float[] p, float[] g, float[] m, float[] v, float rate, float c1, float c2) {
            for (int i = 0; i < p.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
                p[i] -= rate * (m[i] / c1) / ((float) Math.sqrt(v[i] / c2) + EPSILON);
            }
        }

        /** The trained network, with the mean squared error over all examples. */
        MlpNetwork network(int steps) {
            double loss = 0;
            int outputs = sizes[layers];
            for (int e = 0; e < count; e++) {
                forward(x[e]);
                for (int j = 0; j < outputs; j++) {
                    float error = act[layers][j] - y[e][j];
                    loss += error * error;
                }
            }
            TrainingSummary summary = new TrainingSummary(options.seed(), steps, count, (float) (loss / (count * outputs)));
            return new MlpNetwork(name, sizes, options.hiddenActivation(), options.outputActivation(), w, b, mean, scale,
                    summary);
        }
    }
}
