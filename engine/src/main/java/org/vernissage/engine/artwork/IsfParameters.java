package org.vernissage.engine.artwork;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.shaders.isf.IsfDocument;
import org.vernissage.shaders.isf.IsfInput;

/**
 * An ISF shader's value inputs as the engine's parameters, so that the conductor, snapshots, OSC
 * and cues move them like any manifest parameter: float to FLOAT, bool to BOOL, long to INT (its
 * range from VALUES, else MIN/MAX), point2D to VEC2, color to COLOR, event to EVENT. Image and
 * audio inputs are textures, not parameters.
 *
 * <p>Ranges the header leaves out: float 0..1 (the ISF editors' default), point2D
 * {@value #UNBOUNDED_POINT} either way (points are often pixels of a size not known at load),
 * long 0..100 without VALUES or bounds. A default outside the range is clamped into it; without
 * a DEFAULT, IDENTITY then MIN stand in.
 *
 * <p>Stateless; any thread (the loading thread in practice).
 */
public final class IsfParameters {

    /** The bound of a point2D without MIN/MAX, either side of 0. */
    public static final float UNBOUNDED_POINT = 1.0e6f;

    private IsfParameters() {
    }

    /** One spec per value input, in the header's order. */
    public static List<ParameterSpec> specs(IsfDocument document) {
        List<ParameterSpec> specs = new ArrayList<>();
        for (IsfInput input : document.valueInputs()) {
            specs.add(spec(input));
        }
        return specs;
    }

    /** The parameter one value input becomes. */
    public static ParameterSpec spec(IsfInput input) {
        String description = input.label().equals(input.name()) ? "" : input.label();
        return switch (input.type()) {
            case FLOAT -> ranged(input, ParameterType.FLOAT, first(input.min(), 0f), first(input.max(), 1f), description);
            case LONG -> {
                float min = input.values().isEmpty() ? first(input.min(), 0f)
                        : input.values().stream().min(Integer::compare).orElseThrow();
                float max = input.values().isEmpty() ? first(input.max(), 100f)
                        : input.values().stream().max(Integer::compare).orElseThrow();
                yield ranged(input, ParameterType.INT, min, Math.max(min, max), description);
            }
            case POINT2D -> ranged(input, ParameterType.VEC2, least(input.min(), -UNBOUNDED_POINT),
                    most(input.max(), UNBOUNDED_POINT), description);
            case COLOR -> ranged(input, ParameterType.COLOR, 0f, 1f, description);
            case BOOL -> ranged(input, ParameterType.BOOL, 0f, 1f, description);
            case EVENT -> new ParameterSpec(input.name(), ParameterType.EVENT, 0f, 1f, new float[] {0f}, "",
                    description);
            default -> throw new IllegalArgumentException(input.name() + " is a " + input.type().isfName()
                    + " input: a texture, not a parameter");
        };
    }

    private static ParameterSpec ranged(IsfInput input, ParameterType type, float min, float max, String description) {
        float[] given = input.defaultValue().length > 0 ? input.defaultValue()
                : input.identity().length > 0 ? input.identity() : input.min();
        float[] value = new float[type.components()];
        if (type == ParameterType.COLOR) {
            value[3] = 1f;
        }
        for (int i = 0; i < value.length; i++) {
            float raw = i < given.length ? given[i] : value[i];
            value[i] = Math.min(max, Math.max(min, raw));
        }
        if (type == ParameterType.INT || type == ParameterType.BOOL) {
            value[0] = Math.round(value[0]);
        }
        return new ParameterSpec(input.name(), type, min, max, value, "", description);
    }

    private static float first(float[] values, float fallback) {
        return values.length > 0 ? values[0] : fallback;
    }

    private static float least(float[] values, float fallback) {
        float out = values.length > 0 ? Float.MAX_VALUE : fallback;
        for (float v : values) {
            out = Math.min(out, v);
        }
        return out;
    }

    private static float most(float[] values, float fallback) {
        float out = values.length > 0 ? -Float.MAX_VALUE : fallback;
        for (float v : values) {
            out = Math.max(out, v);
        }
        return out;
    }
}
