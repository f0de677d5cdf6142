package org.vernissage.engine.artwork;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;

/**
 * Reads the manifest's {@code parameters} array into {@link ParameterSpec}s, checking each one's
 * type, range ({@code min}/{@code max}) and default; names are checked by {@link ParameterNames}.
 * An {@code "event"} (a trigger) needs none of the three: its value is a trigger count from 0.
 *
 * <p>Used on the loading thread only. Holds no shared state: one instance per load.
 */
final class ParameterReader {

    private static final List<String> FIELDS =
            List.of("name", "type", "min", "max", "default", "unit", "description", "shader");

    private final ParameterNames names = new ParameterNames();

    /** The parameters declared in the top-level object {@code top}; empty when there are none. */
    List<ParameterSpec> readAll(ManifestFields top) throws ManifestException {
        // A piece driven only by time needs no parameters.
        return top.optionalObjects("parameters", "an array of parameter objects [ {\"name\": ...} ]",
                "a parameter object {\"name\": ...}", this::read);
    }

    private ParameterSpec read(ManifestFields f) throws ManifestException {
        f.allowOnly(FIELDS);
        String name = names.read(f);
        ParameterType type = type(f);
        Range range = range(f, type);
        float[] defaultValue = defaultValue(f, type, range);
        return new ParameterSpec(name, type, range.min, range.max, defaultValue,
                f.optionalText("unit"), f.optionalText("description"),
                // "shader": false: a control-only parameter (a model's input fed by a sensor) no shader declares
                f.optionalBoolean("shader", true));
    }

    private static ParameterType type(ManifestFields f) throws ManifestException {
        String expected = "one of " + ParameterType.manifestNames();
        JsonNode value = f.required("type", expected);
        Optional<ParameterType> type = value.isTextual()
                ? ParameterType.fromManifestName(value.textValue()) : Optional.empty();
        if (type.isEmpty()) {
            throw f.error("type", expected, Found.json(value));
        }
        return type.get();
    }

    private static Range range(ManifestFields f, ParameterType type) throws ManifestException {
        // A bool is a switch and a colour a 0..1 RGBA value: their range goes without saying.
        boolean implicit = type == ParameterType.BOOL || type == ParameterType.COLOR
                || type == ParameterType.EVENT;
        String noun = type == ParameterType.INT ? "an integer" : "a number";
        float min = bound(f, "min", type, implicit, 0f, noun);
        String atLeastMin = noun + " >= min (" + show(min, type) + ")";
        float max = bound(f, "max", type, implicit, 1f, atLeastMin);
        if (max < min) {
            throw f.error("max", atLeastMin, Found.json(f.get("max")));
        }
        return new Range(min, max);
    }

    private static float bound(ManifestFields f, String field, ParameterType type, boolean implicit,
                               float fallback, String expected) throws ManifestException {
        if (implicit && !f.has(field)) {
            return fallback;
        }
        return number(f, field, f.required(field, expected), type, expected);
    }

    private static float[] defaultValue(ManifestFields f, ParameterType type, Range range)
            throws ManifestException {
        if (type == ParameterType.EVENT && !f.has("default")) {
            return new float[] {0f}; // a trigger count starts at none
        }
        int components = type.components();
        if (components == 1) {
            JsonNode value = f.required("default", scalarExpectation(type, range));
            return new float[] {scalarDefault(f, "default", value, type, range)};
        }
        String expected = "an array of " + components + " numbers " + shapeOf(type);
        JsonNode value = f.required("default", expected);
        if (!value.isArray() || value.size() != components) {
            throw f.error("default", expected, Found.json(value));
        }
        float[] result = new float[components];
        for (int c = 0; c < components; c++) {
            result[c] = scalarDefault(f, "default[" + c + "]", value.get(c), type, range);
        }
        return result;
    }

    private static float scalarDefault(ManifestFields f, String field, JsonNode value, ParameterType type,
                                       Range range) throws ManifestException {
        String expected = scalarExpectation(type, range);
        float v;
        if (type == ParameterType.BOOL && value.isBoolean()) {
            v = value.booleanValue() ? 1f : 0f;
        } else if (type == ParameterType.BOOL && !(ManifestFields.isIntegral(value) && isZeroOrOne(value))) {
            throw f.error(field, expected, Found.json(value));
        } else {
            v = number(f, field, value, type, expected);
        }
        if (v < range.min || v > range.max) {
            throw f.error(field, expected, Found.json(value));
        }
        return v;
    }

    private static boolean isZeroOrOne(JsonNode value) {
        return value.doubleValue() == 0.0 || value.doubleValue() == 1.0;
    }

    private static String scalarExpectation(ParameterType type, Range range) {
        String within = " within [" + show(range.min, type) + ", " + show(range.max, type) + "]";
        return switch (type) {
            case BOOL -> "true, false, 0 or 1" + within;
            case INT -> "an integer" + within;
            default -> "a number" + within;
        };
    }

    private static String shapeOf(ParameterType type) {
        return switch (type) {
            case VEC2 -> "[x, y]";
            case VEC3 -> "[x, y, z]";
            case COLOR -> "[r, g, b, a]";
            default -> "";
        };
    }

    /** A JSON number as a float; int parameters also require an integral value. */
    private static float number(ManifestFields f, String field, JsonNode value, ParameterType type,
                                String expected) throws ManifestException {
        boolean ok = ManifestFields.isFiniteNumber(value)
                && (type != ParameterType.INT || ManifestFields.isIntegral(value));
        if (!ok) {
            throw f.error(field, expected, Found.json(value));
        }
        return (float) value.doubleValue();
    }

    private static String show(float value, ParameterType type) {
        return type == ParameterType.INT || type == ParameterType.BOOL
                ? Long.toString((long) value) : Float.toString(value);
    }

    /** A parameter's checked {@code min..max}. */
    private record Range(float min, float max) {
    }
}
