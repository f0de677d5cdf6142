package org.vernissage.engine.param;

import java.util.Arrays;
import java.util.Objects;

/**
 * One declared parameter of an artwork: what the artist promised the shader and the consoles.
 * {@code min} and {@code max} bound every component; {@code defaultValue} has one entry per
 * component. {@code shader} is false for a control-only parameter ({@code "shader": false} in the
 * manifest): a full parameter (snapshot slot, OSC address, bindings, cues, a model's input or
 * output) that no shader need declare, so a sensor can feed a model without a uniform.
 *
 * <p>Immutable; built once at load by the manifest loader and shared by all threads.
 */
public record ParameterSpec(String name, ParameterType type, float min, float max,
                            float[] defaultValue, String unit, String description, boolean shader) {

    /** A parameter the shader declares (the usual kind). */
    public ParameterSpec(String name, ParameterType type, float min, float max,
                         float[] defaultValue, String unit, String description) {
        this(name, type, min, max, defaultValue, unit, description, true);
    }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if (!(min <= max)) {
            throw new IllegalArgumentException(name + ": min " + min + " is greater than max " + max);
        }
        if (defaultValue.length != type.components()) {
            throw new IllegalArgumentException(name + ": default has " + defaultValue.length
                    + " components, a " + type.manifestName() + " has " + type.components());
        }
        defaultValue = defaultValue.clone();
    }

    @Override
    public float[] defaultValue() {
        return defaultValue.clone();
    }

    /** The default of component {@code component}, without copying the array. */
    public float defaultComponent(int component) {
        return defaultValue[component];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterSpec that
                && name.equals(that.name) && type == that.type
                && Float.compare(min, that.min) == 0 && Float.compare(max, that.max) == 0
                && Arrays.equals(defaultValue, that.defaultValue)
                && unit.equals(that.unit) && description.equals(that.description) && shader == that.shader;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, min, max, Arrays.hashCode(defaultValue), unit, description, shader);
    }

    @Override
    public String toString() {
        return "ParameterSpec[" + name + ": " + type.manifestName() + " " + min + ".." + max
                + " default " + Arrays.toString(defaultValue) + (unit.isEmpty() ? "" : " " + unit)
                + (shader ? "" : " control-only") + "]";
    }
}
