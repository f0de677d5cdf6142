package org.vernissage.engine.render.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * One JSON object of a venue file at its field path, read field by field; every problem becomes a
 * {@link VenueException} naming the file, the full path ({@code outputs[1].blend.gamma}) and what
 * was expected, as the artwork manifest's reader does.
 *
 * <p>Loading thread only; one instance per object of one load.
 */
final class VenueFields {

    private static final int MAX_SHOWN = 60;

    private final Path file;
    private final String path;
    private final JsonNode node;

    private VenueFields(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    static VenueFields of(Path file, String path, JsonNode node, String what) throws VenueException {
        if (node == null || !node.isObject()) {
            throw VenueException.field(file, path, what, found(node));
        }
        return new VenueFields(file, path, node);
    }

    /** The value as the user wrote it, short and on one line. */
    static String found(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing (the field is missing)";
        }
        String text = value.toString();
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }

    String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    JsonNode get(String field) {
        return node.get(field);
    }

    boolean has(String field) {
        return node.has(field);
    }

    VenueException error(String field, String expected) {
        return VenueException.field(file, pathOf(field), expected, found(node.get(field)));
    }

    VenueException error(String field, String expected, String found) {
        return VenueException.field(file, pathOf(field), expected, found);
    }

    /** Refuses a field not in {@code allowed}: a typo must not fall back to a default unnoticed. */
    void allowOnly(List<String> allowed) throws VenueException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw VenueException.file(file, pathOf(name) + ": unknown field; allowed here: "
                        + String.join(", ", allowed), null);
            }
        }
    }

    VenueFields object(String field, String what) throws VenueException {
        return of(file, pathOf(field), node.get(field), what);
    }

    String text(String field, String fallback) throws VenueException {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error(field, "a non-empty string");
        }
        return value.asText();
    }

    int integer(String field, int min, int max) throws VenueException {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || !value.canConvertToExactIntegral()
                || value.asLong() < min || value.asLong() > max) {
            throw error(field, "a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    double number(String field, double min, double max, double fallback) throws VenueException {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber() || !(value.asDouble() >= min && value.asDouble() <= max)) {
            throw error(field, "a number from " + min + " to " + max);
        }
        return value.asDouble();
    }

    boolean bool(String field, boolean fallback) throws VenueException {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw error(field, "true or false");
        }
        return value.asBoolean();
    }

    /**
     * A list of {@code count} points {@code [x, y]} (any count when {@code count} is 0), each
     * coordinate from {@code min} to {@code max}, flattened into x, y pairs.
     */
    double[] points(String field, int count, double min, double max, String what) throws VenueException {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray() || (count > 0 && value.size() != count)) {
            throw error(field, what);
        }
        double[] xy = new double[value.size() * 2];
        for (int i = 0; i < value.size(); i++) {
            JsonNode point = value.get(i);
            String at = pathOf(field) + "[" + i + "]";
            if (!point.isArray() || point.size() != 2 || !point.get(0).isNumber() || !point.get(1).isNumber()) {
                throw VenueException.field(file, at, "a point [x, y] of two numbers", found(point));
            }
            for (int axis = 0; axis < 2; axis++) {
                double v = point.get(axis).asDouble();
                if (!(v >= min && v <= max)) {
                    throw VenueException.field(file, at, "coordinates from " + min + " to " + max
                            + " (fractions of the output, origin top left)", found(point));
                }
                xy[i * 2 + axis] = v;
            }
        }
        return xy;
    }
}
