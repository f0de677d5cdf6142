package org.vernissage.shaders.isf;

import java.util.List;
import java.util.Objects;

/**
 * One entry of an ISF header's {@code INPUTS}: a uniform the host feeds. Numeric fields hold the
 * header's values as floats, one per component (a float has one, a point2D two, a color four);
 * an absent one is an empty array.
 *
 * <p>Immutable; made by {@link IsfParser}, read by any thread.
 *
 * @param name the uniform's name ({@code NAME})
 * @param type its {@code TYPE}
 * @param label the {@code LABEL} shown to people, or the name
 * @param defaultValue {@code DEFAULT}, empty when absent
 * @param min {@code MIN}, empty when absent
 * @param max {@code MAX}, empty when absent (for audio inputs: the number of samples wanted)
 * @param identity {@code IDENTITY}, empty when absent
 * @param values a long's {@code VALUES}, empty when absent
 * @param labels a long's {@code LABELS}, empty when absent
 */
public record IsfInput(String name, IsfInputType type, String label, float[] defaultValue, float[] min,
                       float[] max, float[] identity, List<Integer> values, List<String> labels) {

    public IsfInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        defaultValue = defaultValue.clone();
        min = min.clone();
        max = max.clone();
        identity = identity.clone();
        values = List.copyOf(values);
        labels = List.copyOf(labels);
    }

    @Override
    public float[] defaultValue() {
        return defaultValue.clone();
    }

    @Override
    public float[] min() {
        return min.clone();
    }

    @Override
    public float[] max() {
        return max.clone();
    }

    @Override
    public float[] identity() {
        return identity.clone();
    }
}
