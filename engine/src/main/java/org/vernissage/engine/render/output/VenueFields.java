package org.vernissage.engine.render.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.vernissage.engine.config.JsonFields;

/**
 * One JSON object of a venue file at its field path, read field by field (the reading is
 * {@link JsonFields}', shared with the artwork manifest); every problem becomes a
 * {@link VenueException} naming the file, the full path ({@code outputs[1].blend.gamma}) and what
 * was expected. Adds the venue's own wording of ranges and its lists of points.
 *
 * <p>Loading thread only; one instance per object of one load.
 */
final class VenueFields extends JsonFields<VenueException, VenueFields> {

    private VenueFields(Path file, String path, JsonNode node) {
        super(file, path, node);
    }

    static VenueFields of(Path file, String path, JsonNode node, String what) throws VenueException {
        VenueFields fields = new VenueFields(file, path, node);
        fields.requireObject(what);
        return fields;
    }

    @Override
    protected VenueException fieldError(String fieldPath, String expected, String found) {
        return VenueException.field(file(), fieldPath, expected, found);
    }

    @Override
    protected VenueException unknownFieldError(String fieldPath, String name, List<String> allowed) {
        return VenueException.unknownField(file(), fieldPath, String.join(", ", allowed));
    }

    @Override
    protected VenueFields child(String path, JsonNode node) {
        return new VenueFields(file(), path, node);
    }

    /** The field as a non-empty string, or {@code fallback} when absent. */
    String text(String field, String fallback) throws VenueException {
        return optionalNonBlankText(field, fallback, "a non-empty string");
    }

    /** The field, required, as a whole number in {@code min..max}. */
    int integer(String field, int min, int max) throws VenueException {
        return requiredInt(field, min, max, "a whole number from " + min + " to " + max);
    }

    /** The field as a number in {@code min..max}, or {@code fallback} when absent. */
    double number(String field, double min, double max, double fallback) throws VenueException {
        return optionalNumber(field, min, max, fallback, "a number from " + min + " to " + max);
    }

    /**
     * A list of {@code count} points {@code [x, y]} (any count when {@code count} is 0), each
     * coordinate from {@code min} to {@code max}, flattened into x, y pairs.
     */
    double[] points(String field, int count, double min, double max, String what) throws VenueException {
        JsonNode value = get(field);
        if (value == null || !value.isArray() || (count > 0 && value.size() != count)) {
            throw error(field, what);
        }
        double[] xy = new double[value.size() * 2];
        for (int i = 0; i < value.size(); i++) {
            JsonNode point = value.get(i);
            String at = pathOf(field) + "[" + i + "]";
            if (!point.isArray() || point.size() != 2 || !point.get(0).isNumber() || !point.get(1).isNumber()) {
                throw fieldError(at, "a point [x, y] of two numbers", found(point));
            }
            for (int axis = 0; axis < 2; axis++) {
                double v = point.get(axis).asDouble();
                if (!(v >= min && v <= max)) {
                    throw fieldError(at, "coordinates from " + min + " to " + max
                            + " (fractions of the output, origin top left)", found(point));
                }
                xy[i * 2 + axis] = v;
            }
        }
        return xy;
    }
}
