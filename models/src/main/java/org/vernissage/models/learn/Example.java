package org.vernissage.models.learn;

import java.util.Arrays;
import java.util.Objects;

/**
 * One recorded example: an input vector with the outputs it should give (a regression), or with a
 * class label 1..n (a classifier), or a sequence of input frames with a class label (a gesture for
 * DTW). Arrays are copied in and out, so an example never changes once made.
 *
 * <p>Immutable; shared by all threads.
 *
 * @param inputs the input vector; empty for a sequence
 * @param outputs what the outputs should be (regression; in 0..1 of each output parameter's range)
 * @param label the class 1..n; 0 when the example has none
 * @param sequence the frames of a gesture, each of the input count; empty when not a gesture
 */
public record Example(float[] inputs, float[] outputs, int label, float[][] sequence) {

    private static final float[][] NO_FRAMES = new float[0][];

    public Example {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(sequence, "sequence");
        if (label < 0) {
            throw new IllegalArgumentException("label must be 0 (none) or a class 1..n, got " + label);
        }
        inputs = inputs.clone();
        outputs = outputs.clone();
        sequence = copy(sequence);
    }

    /** A regression example: {@code inputs} should give {@code outputs}. */
    public static Example regression(float[] inputs, float[] outputs) {
        return new Example(inputs, outputs, 0, NO_FRAMES);
    }

    /** A classification example: {@code inputs} belong to class {@code label} (1..n). */
    public static Example labelled(float[] inputs, int label) {
        if (label < 1) {
            throw new IllegalArgumentException("a class label is 1..n, got " + label);
        }
        return new Example(inputs, new float[0], label, NO_FRAMES);
    }

    /** A gesture: the frames (oldest first) of class {@code label} (1..n). */
    public static Example gesture(float[][] frames, int label) {
        if (label < 1) {
            throw new IllegalArgumentException("a class label is 1..n, got " + label);
        }
        if (frames.length == 0) {
            throw new IllegalArgumentException("a gesture needs at least one frame");
        }
        return new Example(new float[0], new float[0], label, frames);
    }

    public boolean isGesture() {
        return sequence.length > 0;
    }

    /** The number of input values per vector (per frame for a gesture). */
    public int inputWidth() {
        return isGesture() ? sequence[0].length : inputs.length;
    }

    @Override
    public float[] inputs() {
        return inputs.clone();
    }

    @Override
    public float[] outputs() {
        return outputs.clone();
    }

    @Override
    public float[][] sequence() {
        return copy(sequence);
    }

    /** Input {@code i}, without copying. */
    public float input(int i) {
        return inputs[i];
    }

    /** Output {@code i}, without copying. */
    public float output(int i) {
        return outputs[i];
    }

    /** The number of frames of a gesture (0 when not one). */
    public int frameCount() {
        return sequence.length;
    }

    /** Value {@code i} of frame {@code frame}, without copying. */
    public float frameValue(int frame, int i) {
        return sequence[frame][i];
    }

    private static float[][] copy(float[][] frames) {
        float[][] copy = new float[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            copy[i] = frames[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Example that && label == that.label && Arrays.equals(inputs, that.inputs)
                && Arrays.equals(outputs, that.outputs) && Arrays.deepEquals(sequence, that.sequence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(inputs), Arrays.hashCode(outputs), label, Arrays.deepHashCode(sequence));
    }

    @Override
    public String toString() {
        return isGesture() ? "Example[gesture of " + sequence.length + " frames, class " + label + "]"
                : "Example[" + Arrays.toString(inputs) + " -> "
                + (label > 0 ? "class " + label : Arrays.toString(outputs)) + "]";
    }
}
