package org.vernissage.models.learn;

import java.util.Arrays;
import java.util.Objects;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;

/**
 * Recognises gestures in a stream of input frames by dynamic time warping against recorded
 * templates (each a sequence of frames with a class). Frames arrive one at a time ({@link #run} or
 * {@link #feed}); for every template it keeps one column of the subsequence-DTW cost matrix (the
 * SPRING formulation: a match may start at any frame), so each frame costs
 * O(total template frames x inputs) and nothing is kept of the past beyond that column. A band
 * ({@code window}) refuses warping paths whose length strays more than {@code window} frames from
 * the template's at any cell (Sakoe-Chiba, measured from the path's start).
 *
 * <p>After each frame the best template is the one whose match ending now has the smallest mean
 * distance per cell of its warping path (so a slow and a fast performance compare fairly); {@link #run} writes its class when that distance is below the
 * threshold, else 0. Allocation-free per frame (columns are swapped, not made); single-threaded:
 * owned by one model worker.
 */
public final class DtwRecognizer implements Model {

    private static final float NONE = Float.POSITIVE_INFINITY;

    private final String name;
    private final int inputs;
    private final float[][][] templates;
    private final int[] labels;
    private final int window;
    private final float threshold;
    private float[][] cost;
    private float[][] nextCost;
    private int[][] start;
    private int[][] nextStart;
    private int[][] steps;
    private int[][] nextSteps;
    private int frame;
    private int bestLabel;
    private float bestDistance = NONE;

    /**
     * @param templates per template its frames (each of the same width)
     * @param labels per template its class 1..n
     * @param window the band in frames; 0 for none
     * @param threshold the largest mean distance per path cell reported as a match
     */
    public DtwRecognizer(String name, float[][][] templates, int[] labels, int window, float threshold) {
        this.name = Objects.requireNonNull(name, "name");
        if (templates.length == 0 || templates.length != labels.length) {
            throw new IllegalArgumentException(name + ": expected at least one template, each with a class");
        }
        this.inputs = templates[0][0].length;
        this.templates = new float[templates.length][][];
        for (int t = 0; t < templates.length; t++) {
            if (templates[t].length == 0 || labels[t] < 1) {
                throw new IllegalArgumentException(name + ": template " + t + " needs frames and a class 1..n");
            }
            this.templates[t] = new float[templates[t].length][];
            for (int f = 0; f < templates[t].length; f++) {
                if (templates[t][f].length != inputs) {
                    throw new IllegalArgumentException(name + ": template " + t + " frame " + f + " has "
                            + templates[t][f].length + " values, expected " + inputs);
                }
                this.templates[t][f] = templates[t][f].clone();
            }
        }
        this.labels = labels.clone();
        this.window = window;
        this.threshold = threshold;
        cost = new float[templates.length][];
        nextCost = new float[templates.length][];
        start = new int[templates.length][];
        nextStart = new int[templates.length][];
        steps = new int[templates.length][];
        nextSteps = new int[templates.length][];
        for (int t = 0; t < templates.length; t++) {
            int length = templates[t].length + 1;
            cost[t] = new float[length];
            nextCost[t] = new float[length];
            start[t] = new int[length];
            nextStart[t] = new int[length];
            steps[t] = new int[length];
            nextSteps[t] = new int[length];
        }
        reset();
    }

    /** A recogniser of every gesture of {@code examples}. */
    public static DtwRecognizer fit(String name, ExampleSet examples, int window, float threshold)
            throws ModelException {
        if (examples.count() < 1) {
            throw new ModelException(name + ": too few examples to train: 0, expected at least 1 recorded gesture");
        }
        float[][][] templates = new float[examples.count()][][];
        int[] labels = new int[examples.count()];
        for (int e = 0; e < examples.count(); e++) {
            Example example = examples.get(e);
            if (!example.isGesture()) {
                throw new ModelException(name + ": example " + e + " is an input vector, expected a gesture"
                        + " (a sequence of frames with a class) for DTW");
            }
            templates[e] = example.sequence();
            labels[e] = example.label();
        }
        return new DtwRecognizer(name, templates, labels, window, threshold);
    }

    /** Forgets every frame fed so far: the next match starts from the next frame. */
    public void reset() {
        for (int t = 0; t < templates.length; t++) {
            Arrays.fill(cost[t], NONE);
            cost[t][0] = 0f;
        }
        frame = 0;
        bestLabel = 0;
        bestDistance = NONE;
    }

    /**
     * Feeds one frame; returns the class of the best match ending now when its distance is below
     * the threshold, else 0.
     */
    public int feed(float[] values) {
        bestLabel = 0;
        bestDistance = NONE;
        int bestTemplate = -1;
        for (int t = 0; t < templates.length; t++) {
            float distance = advance(t, values);
            if (distance < bestDistance) {
                bestDistance = distance;
                bestTemplate = t;
            }
        }
        frame++;
        if (bestTemplate >= 0 && bestDistance < threshold) {
            bestLabel = labels[bestTemplate];
        }
        return bestLabel;
    }

    /** One column of template {@code t}; the mean cost per cell of the best path of the match ending now. */
    private float advance(int t, float[] values) {
        float[][] template = templates[t];
        float[] previous = cost[t];
        float[] current = nextCost[t];
        int[] previousStart = start[t];
        int[] currentStart = nextStart[t];
        int[] previousSteps = steps[t];
        int[] currentSteps = nextSteps[t];
        current[0] = 0f;
        currentStart[0] = frame;
        currentSteps[0] = 0;
        // a match may start at any frame: its first template frame costs only its own distance
        current[1] = distance(template[0], values);
        currentStart[1] = frame;
        currentSteps[1] = 1;
        for (int i = 2; i <= template.length; i++) {
            // three ways into cell (i, frame): template moves on, stream moves on, or both
            float best = NONE;
            int from = 0;
            int length = 0;
            if (allowed(currentStart[i - 1], i) && current[i - 1] < best) {
                best = current[i - 1];
                from = currentStart[i - 1];
                length = currentSteps[i - 1];
            }
            if (allowed(previousStart[i], i) && previous[i] < best) {
                best = previous[i];
                from = previousStart[i];
                length = previousSteps[i];
            }
            if (allowed(previousStart[i - 1], i) && previous[i - 1] <= best) {
                best = previous[i - 1];
                from = previousStart[i - 1];
                length = previousSteps[i - 1];
            }
            current[i] = best == NONE ? NONE : best + distance(template[i - 1], values);
            currentStart[i] = from;
            currentSteps[i] = length + 1;
        }
        cost[t] = current;
        nextCost[t] = previous;
        start[t] = currentStart;
        nextStart[t] = previousStart;
        steps[t] = currentSteps;
        nextSteps[t] = previousSteps;
        float total = current[template.length];
        return total == NONE ? NONE : total / currentSteps[template.length];
    }

    /** Within the band: the path from {@code pathStart} to (template frame i, this frame) warps at most {@code window}. */
    private boolean allowed(int pathStart, int i) {
        return window == 0 || Math.abs((frame - pathStart) - (i - 1)) <= window;
    }

    private float distance(float[] a, float[] b) {
        float sum = 0f;
        for (int i = 0; i < inputs; i++) {
            float d = a[i] - b[i];
            sum += d * d;
        }
        return (float) Math.sqrt(sum);
    }

    @Override
    public void run(float[] in, float[] out) {
        out[0] = feed(in);
    }

    /** The class of the last frame's match (0: none under the threshold). */
    public int lastClass() {
        return bestLabel;
    }

    /** The mean distance per path cell of the last frame's best match, whatever the threshold. */
    public float lastDistance() {
        return bestDistance;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputCount() {
        return inputs;
    }

    /** One output: the class number 1..n, or 0 when nothing matches. */
    @Override
    public int outputCount() {
        return 1;
    }

    @Override
    public void close() {
        // plain Java: nothing outside the heap
    }

    public int templateCount() {
        return templates.length;
    }

    /** Template {@code t}'s frames (a copy). */
    public float[][] template(int t) {
        float[][] copy = new float[templates[t].length][];
        for (int f = 0; f < copy.length; f++) {
            copy[f] = templates[t][f].clone();
        }
        return copy;
    }

    public int label(int t) {
        return labels[t];
    }

    public int window() {
        return window;
    }

    public float threshold() {
        return threshold;
    }

    /** The values it stores: every template frame's values. */
    public int parameterCount() {
        int count = 0;
        for (float[][] template : templates) {
            count += template.length * inputs;
        }
        return count;
    }

    /** SHA-256 (hex) of what the recogniser computes: band, threshold, templates and classes. */
    public String digest() {
        Digest digest = new Digest().text("dtw").integer(window).integer(Float.floatToRawIntBits(threshold))
                .integers(labels);
        for (float[][] template : templates) {
            digest.integer(template.length);
            for (float[] values : template) {
                digest.floats(values);
            }
        }
        return digest.hex();
    }

    @Override
    public String toString() {
        return "DtwRecognizer[" + name + ": " + templates.length + " templates, window " + window + ", threshold "
                + threshold + "]";
    }
}
