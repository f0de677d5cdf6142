package org.vernissage.models.learn;

import java.util.Arrays;
import java.util.Objects;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;

/**
 * k nearest neighbours over stored examples, with the inputs normalised as an {@link MlpNetwork}'s
 * are (mean and scale per input, from the examples). As a classifier (examples with labels) its
 * one output is the class number 1..n most common among the k nearest (a tie goes to the class
 * whose tied neighbours are nearer in total); as a regression (examples with outputs) each output
 * is the mean of the k nearest examples' outputs.
 *
 * <p>{@link #run} allocates nothing: distances, the k best and the votes live in scratch arrays
 * made once, which makes {@code run} single-threaded: owned by one model worker. Costs
 * O(examples x inputs) per run.
 */
public final class NearestNeighbours implements Model {

    /** What the model answers. */
    public enum Mode {
        CLASSIFY("classify"),
        REGRESS("regress");

        private final String jsonName;

        Mode(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    private final String name;
    private final Mode mode;
    private final int k;
    private final int inputs;
    private final int outputs;
    private final float[][] points;
    private final float[][] rawPoints;
    private final int[] labels;
    private final float[][] targets;
    private final float[] mean;
    private final float[] scale;
    private final int classes;
    private final int[] nearest;
    private final float[] nearestDistance;
    private final float[] votes;
    private final int[] voteCounts;
    private final float[] normalised;

    /**
     * @param points the examples' raw inputs
     * @param labels per example its class 1..n (classify), or null (regress)
     * @param targets per example its outputs (regress), or null (classify)
     */
    public NearestNeighbours(String name, Mode mode, int k, float[][] points, int[] labels, float[][] targets,
                             float[] mean, float[] scale) {
        this.name = Objects.requireNonNull(name, "name");
        this.mode = Objects.requireNonNull(mode, "mode");
        if (points.length == 0) {
            throw new IllegalArgumentException(name + ": k-NN needs at least one example");
        }
        if (k < 1) {
            throw new IllegalArgumentException(name + ": k must be at least 1, got " + k);
        }
        this.k = Math.min(k, points.length);
        this.inputs = points[0].length;
        this.points = deepCopy(points);
        this.rawPoints = deepCopy(points);
        this.mean = mean.clone();
        this.scale = scale.clone();
        if (mode == Mode.CLASSIFY) {
            this.labels = Objects.requireNonNull(labels, "labels").clone();
            this.targets = null;
            this.outputs = 1;
            this.classes = Arrays.stream(this.labels).max().orElse(0);
            if (this.labels.length != points.length || Arrays.stream(this.labels).anyMatch(l -> l < 1)) {
                throw new IllegalArgumentException(name + ": expected a class 1..n for each of " + points.length
                        + " examples");
            }
        } else {
            this.labels = null;
            this.targets = deepCopy(Objects.requireNonNull(targets, "targets"));
            this.outputs = targets[0].length;
            this.classes = 0;
        }
        for (float[] point : this.points) {
            for (int i = 0; i < inputs; i++) {
                point[i] = (point[i] - this.mean[i]) * this.scale[i];
            }
        }
        this.nearest = new int[this.k];
        this.nearestDistance = new float[this.k];
        this.votes = new float[classes + 1];
        this.voteCounts = new int[classes + 1];
        this.normalised = new float[inputs];
    }

    /**
     * A model of every example of {@code examples}: a classifier when they carry labels, else a
     * regression.
     *
     * @throws ModelException when there are no examples, or labels and outputs are mixed, or there
     *         are gestures among them
     */
    public static NearestNeighbours fit(String name, ExampleSet examples, int k) throws ModelException {
        int count = examples.count();
        if (count < 1) {
            throw new ModelException(name + ": too few examples to train: 0, expected at least 1 (record examples"
                    + " first)");
        }
        boolean classify = examples.get(0).label() > 0;
        float[][] points = new float[count][];
        int[] labels = new int[count];
        float[][] targets = new float[count][];
        for (int e = 0; e < count; e++) {
            Example example = examples.get(e);
            if (example.isGesture()) {
                throw new ModelException(name + ": example " + e + " is a gesture, expected an input vector (k-NN)");
            }
            if ((example.label() > 0) != classify) {
                throw new ModelException(name + ": example " + e + (classify ? " has outputs but no class"
                        : " has a class but example 0 has outputs") + ": expected all classes or all outputs");
            }
            points[e] = example.inputs();
            labels[e] = example.label();
            targets[e] = example.outputs();
        }
        float[][] normalisation = Normalisation.of(points);
        return new NearestNeighbours(name, classify ? Mode.CLASSIFY : Mode.REGRESS, k, points,
                classify ? labels : null, classify ? null : targets, normalisation[0], normalisation[1]);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputCount() {
        return inputs;
    }

    @Override
    public int outputCount() {
        return outputs;
    }

    @Override
    public void run(float[] in, float[] out) {
        for (int i = 0; i < inputs; i++) {
            normalised[i] = (in[i] - mean[i]) * scale[i];
        }
        int found = findNearest();
        if (mode == Mode.CLASSIFY) {
            out[0] = vote(found);
        } else {
            for (int j = 0; j < outputs; j++) {
                float sum = 0f;
                for (int n = 0; n < found; n++) {
                    sum += targets[nearest[n]][j];
                }
                out[j] = sum / found;
            }
        }
    }

    /** Keeps the k nearest in ascending distance by insertion; ties keep the older example. */
    private int findNearest() {
        int found = 0;
        for (int p = 0; p < points.length; p++) {
            float distance = squaredDistance(points[p]);
            if (found < k) {
                found++;
            } else if (distance >= nearestDistance[k - 1]) {
                continue;
            }
            int at = found - 1;
            while (at > 0 && nearestDistance[at - 1] > distance) {
                nearestDistance[at] = nearestDistance[at - 1];
                nearest[at] = nearest[at - 1];
                at--;
            }
            nearestDistance[at] = distance;
            nearest[at] = p;
        }
        return found;
    }

    private float squaredDistance(float[] point) {
        float sum = 0f;
        for (int i = 0; i < inputs; i++) {
            float d = point[i] - normalised[i];
            sum += d * d;
        }
        return sum;
    }

    private float vote(int found) {
        Arrays.fill(voteCounts, 0);
        Arrays.fill(votes, 0f);
        for (int n = 0; n < found; n++) {
            int label = labels[nearest[n]];
            voteCounts[label]++;
            votes[label] += (float) Math.sqrt(nearestDistance[n]);
        }
        int best = labels[nearest[0]];
        for (int c = 1; c <= classes; c++) {
            if (voteCounts[c] > voteCounts[best] || (voteCounts[c] == voteCounts[best] && votes[c] < votes[best])) {
                best = c;
            }
        }
        return best;
    }

    @Override
    public void close() {
        // plain Java: nothing outside the heap
    }

    public Mode mode() {
        return mode;
    }

    /** The k asked (at most the number of examples). */
    public int k() {
        return k;
    }

    /** How many examples it keeps. */
    public int exampleCount() {
        return points.length;
    }

    /** The highest class number (0 for a regression). */
    public int classCount() {
        return classes;
    }

    /** Example {@code e}'s raw inputs (as recorded, before normalisation). */
    public float[] point(int e) {
        return rawPoints[e].clone();
    }

    /** Example {@code e}'s class (classify only). */
    public int label(int e) {
        return labels[e];
    }

    /** Example {@code e}'s outputs (regress only). */
    public float[] target(int e) {
        return targets[e].clone();
    }

    public float[] inputMean() {
        return mean.clone();
    }

    public float[] inputScale() {
        return scale.clone();
    }

    /** The values it stores: every example's inputs and outputs (or label). */
    public int parameterCount() {
        return points.length * (inputs + outputs);
    }

    /** SHA-256 (hex) of what the model computes: mode, k, normalisation, examples. */
    public String digest() {
        Digest digest = new Digest().text("knn").text(mode.jsonName()).integer(k).floats(mean).floats(scale);
        for (int e = 0; e < points.length; e++) {
            digest.floats(rawPoints[e]);
            if (mode == Mode.CLASSIFY) {
                digest.integer(labels[e]);
            } else {
                digest.floats(targets[e]);
            }
        }
        return digest.hex();
    }

    private static float[][] deepCopy(float[][] rows) {
        float[][] copy = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    @Override
    public String toString() {
        return "NearestNeighbours[" + name + ": " + mode.jsonName() + ", k " + k + ", " + points.length + " examples]";
    }
}
