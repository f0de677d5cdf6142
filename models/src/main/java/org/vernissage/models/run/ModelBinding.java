package org.vernissage.models.run;

import java.util.Arrays;

/**
 * How one model of the show meets the parameters: its index (the number its events carry), its
 * name, whether it is a regression (outputs 0..1 of each output parameter's range, as Wekinator
 * does) or a classifier (one output: the class number, written as it is), the snapshot slots of
 * its inputs (empty: its inputs come as {@code MODEL_INPUT} events, as Wekinator's
 * {@code /wek/inputs} do) and of its outputs, with their ranges.
 *
 * <p>Immutable; built once at load, shared by the threads of a run.
 */
public record ModelBinding(int index, String name, Kind kind, int[] inputSlots, int maxInputs,
                           int[] outputSlots, float[] outputMin, float[] outputMax) {

    /** The most outputs a model result carries. */
    public static final int MAX_OUTPUTS = org.vernissage.engine.pipeline.event.ModelResultFlyweight.MAX_OUTPUTS;

    /** How outputs become parameter values. */
    public enum Kind {
        /** Outputs 0..1 mapped onto each output parameter's min..max. */
        REGRESSION,
        /** One output: the class number 1..n, written as it is. */
        CLASSIFIER
    }

    public ModelBinding {
        inputSlots = inputSlots.clone();
        outputSlots = outputSlots.clone();
        outputMin = outputMin.clone();
        outputMax = outputMax.clone();
        if (outputSlots.length > MAX_OUTPUTS || outputMin.length != outputSlots.length
                || outputMax.length != outputSlots.length) {
            throw new IllegalArgumentException(name + ": " + outputSlots.length + " outputs (at most " + MAX_OUTPUTS
                    + "), " + outputMin.length + " minimums, " + outputMax.length + " maximums");
        }
        if (inputSlots.length > 0 && maxInputs != inputSlots.length) {
            throw new IllegalArgumentException(name + ": " + inputSlots.length + " input slots but maxInputs " + maxInputs);
        }
    }

    /** Whether its inputs come as events rather than parameters. */
    public boolean externalInputs() {
        return inputSlots.length == 0;
    }

    @Override
    public int[] inputSlots() {
        return inputSlots.clone();
    }

    @Override
    public int[] outputSlots() {
        return outputSlots.clone();
    }

    @Override
    public float[] outputMin() {
        return outputMin.clone();
    }

    @Override
    public float[] outputMax() {
        return outputMax.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelBinding b && index == b.index && name.equals(b.name) && kind == b.kind
                && Arrays.equals(inputSlots, b.inputSlots) && maxInputs == b.maxInputs
                && Arrays.equals(outputSlots, b.outputSlots) && Arrays.equals(outputMin, b.outputMin)
                && Arrays.equals(outputMax, b.outputMax);
    }

    @Override
    public int hashCode() {
        return 31 * index + name.hashCode();
    }

    @Override
    public String toString() {
        return "ModelBinding[" + index + " " + name + " " + kind + " inputs " + Arrays.toString(inputSlots)
                + " outputs " + Arrays.toString(outputSlots) + "]";
    }
}
