package org.vernissage.models.learn;

import java.util.List;

/**
 * The function a layer of an {@link MlpNetwork} applies to each of its sums. Hidden layers use
 * {@link #TANH} or {@link #RELU}; the output layer {@link #LINEAR} or {@link #SIGMOID} (outputs
 * trained in 0..1, as Wekinator does).
 *
 * <p>Immutable; shared by all threads.
 */
public enum Activation {
    TANH("tanh"),
    RELU("relu"),
    LINEAR("linear"),
    SIGMOID("sigmoid");

    private final String jsonName;

    Activation(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name model files and manifests use, e.g. {@code tanh}. */
    public String jsonName() {
        return jsonName;
    }

    /** Every JSON name, in declaration order: for "expected one of" messages. */
    public static List<String> jsonNames() {
        return List.of("tanh", "relu", "linear", "sigmoid");
    }

    /** The activation called {@code name} in files, or null when none is. */
    public static Activation ofJsonName(String name) {
        for (Activation activation : values()) {
            if (activation.jsonName.equals(name)) {
                return activation;
            }
        }
        return null;
    }

    /** The activation of the sum {@code z}. */
    public float apply(float z) {
        return switch (this) {
            case TANH -> (float) Math.tanh(z);
            case RELU -> z > 0f ? z : 0f;
            case LINEAR -> z;
            case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-z)));
        };
    }

    /** The derivative with respect to the sum, written from the activation's output {@code a}. */
    public float slopeFromOutput(float a) {
        return switch (this) {
            case TANH -> 1f - a * a;
            case RELU -> a > 0f ? 1f : 0f;
            case LINEAR -> 1f;
            case SIGMOID -> a * (1f - a);
        };
    }
}
