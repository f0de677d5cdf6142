package org.vernissage.models.wekinator;

import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.models.run.ModelBinding;

/**
 * Which parameters Wekinator's outputs are, and their ranges: the target model's outputs at load,
 * replaced by {@code setOutputNames}. A regression's outputs are 0..1 on the wire (Wekinator's
 * default range), mapped onto each parameter's min..max; a classifier's class number is sent as it is.
 *
 * <p>Written by the Wekinator endpoint's thread ({@link #set}), read by it and by the model
 * worker's thread (the {@code /wek/outputs} sender): each change publishes a new immutable
 * mapping through one volatile field, so a reader sees an old or a new one whole.
 */
public final class WekinatorOutputMap {

    private record Mapping(int[] slots, float[] min, float[] max) {
    }

    private final boolean classifier;
    private final int[] inputSlots;
    private volatile Mapping mapping;

    public WekinatorOutputMap(ModelBinding target) {
        this.classifier = target.kind() == ModelBinding.Kind.CLASSIFIER;
        this.inputSlots = target.inputSlots();
        this.mapping = new Mapping(target.outputSlots(), target.outputMin(), target.outputMax());
    }

    /** The target's input parameters' slots (empty when its inputs are not parameters). */
    int[] inputSlots() {
        return inputSlots;
    }

    /** How many outputs. */
    public int count() {
        return mapping.slots.length;
    }

    /** The snapshot slot of output {@code i}. */
    public int slot(int i) {
        return mapping.slots[i];
    }

    /** Output {@code i}'s wire value (0..1, or a class) as a parameter value. */
    public float toParameter(int i, float wire) {
        Mapping m = mapping;
        return classifier ? wire : m.min[i] + wire * (m.max[i] - m.min[i]);
    }

    /** Endpoint thread: the outputs are now these slots. */
    void set(int[] slots, ParameterLayout layout) {
        float[] min = new float[slots.length];
        float[] max = new float[slots.length];
        for (int i = 0; i < slots.length; i++) {
            min[i] = layout.slotMin(slots[i]);
            max[i] = layout.slotMax(slots[i]);
        }
        mapping = new Mapping(slots.clone(), min, max);
    }
}
