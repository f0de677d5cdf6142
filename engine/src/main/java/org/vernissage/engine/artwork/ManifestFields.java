package org.vernissage.engine.artwork;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One JSON object of a manifest at its field path, read field by field as typed values. Every
 * problem becomes a {@link ManifestException} naming the manifest file and the field's full path,
 * for example {@code parameters[1].max}.
 *
 * <p>Used on the loading thread only. Holds no shared state: each instance reads one object of one
 * load and is dropped with it.
 */
final class ManifestFields {

    private final Path file;
    private final String path;
    private final JsonNode node;

    private ManifestFields(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Reads one object of an array into a value; see {@link #optionalObjects}. */
    @FunctionalInterface
    interface ObjectReader<T> {
        T read(ManifestFields object) throws ManifestException;
    }

    /** The object at {@code path}; {@code what} describes the object for the error. */
    static ManifestFields of(Path file, String path, JsonNode node, String what) throws ManifestException {
        if (node == null || !node.isObject()) {
            throw ManifestException.field(file, path, what, Found.json(node));
        }
        return new ManifestFields(file, path, node);
    }

    /** True for a JSON number with an exactly integral value. */
    static boolean isIntegral(JsonNode value) {
        return value != null && value.isNumber() && value.canConvertToExactIntegral();
    }

    /** True for a JSON number that is finite as a float. */
    static boolean isFiniteNumber(JsonNode value) {
        return value != null && value.isNumber() && Float.isFinite((float) value.doubleValue());
    }

    /** This object's own path, e.g. {@code osc[2]}; empty for the root. */
    String path() {
        return path;
    }

    /** The full path of one of this object's fields. */
    String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The raw value of {@code field}, or null when absent. */
    JsonNode get(String field) {
        return node.get(field);
    }

    boolean has(String field) {
        return node.has(field);
    }

    /** An error about {@code field}: expected {@code expected}, found {@code found}. */
    ManifestException error(String field, String expected, String found) {
        return ManifestException.field(file, pathOf(field), expected, found);
    }

    /** Refuses any field not in {@code allowed}: a typo must not silently fall back to a default. */
    void allowOnly(List<String> allowed) throws ManifestException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ManifestException.unknownField(file, pathOf(name), Suggestion.of(name, allowed),
                        String.join(", ", allowed));
            }
        }
    }

    /** The field's value, or an error saying it is required and what it should be. */
    JsonNode required(String field, String expected) throws ManifestException {
        JsonNode value = node.get(field);
        if (value == null) {
            throw error(field, expected, Found.MISSING);
        }
        return value;
    }

    String requiredText(String field) throws ManifestException {
        String expected = "a non-blank string";
        JsonNode value = required(field, expected);
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw error(field, expected, Found.json(value));
        }
        return value.textValue();
    }

    /** The field as a string, or empty when absent. */
    String optionalText(String field) throws ManifestException {
        JsonNode value = node.get(field);
        if (value == null) {
            return "";
        }
        if (!value.isTextual()) {
            throw error(field, "a string", Found.json(value));
        }
        return value.textValue();
    }

    int requiredInt(String field, int min, int max) throws ManifestException {
        String expected = "an integer from " + min + " to " + max;
        return integerIn(required(field, expected), field, min, max, expected);
    }

    /** The field as an integer in {@code min..max}, or {@code fallback} when absent. */
    int optionalInt(String field, int min, int max, int fallback, String expected) throws ManifestException {
        JsonNode value = node.get(field);
        return value == null ? fallback : integerIn(value, field, min, max, expected);
    }

    /** The field as a boolean, or {@code fallback} when absent. */
    boolean optionalBoolean(String field, boolean fallback) throws ManifestException {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw error(field, "true or false", Found.json(value));
        }
        return value.booleanValue();
    }

    /** The field as a finite number in {@code min..max}; {@code expected} describes that range. */
    double requiredNumber(String field, double min, double max, String expected) throws ManifestException {
        return numberIn(required(field, expected), field, min, max, expected);
    }

    /** The field as a finite number in {@code min..max}, or {@code fallback} when absent. */
    double optionalNumber(String field, double min, double max, double fallback, String expected)
            throws ManifestException {
        JsonNode value = node.get(field);
        return value == null ? fallback : numberIn(value, field, min, max, expected);
    }

    /** The field as a nested object, or null when absent; {@code expected} describes it. */
    ManifestFields optionalObject(String field, String expected) throws ManifestException {
        JsonNode value = node.get(field);
        return value == null ? null : of(file, pathOf(field), value, expected);
    }

    private double numberIn(JsonNode value, String field, double min, double max, String expected)
            throws ManifestException {
        if (!isFiniteNumber(value) || value.doubleValue() < min || value.doubleValue() > max) {
            throw error(field, expected, Found.json(value));
        }
        return value.doubleValue();
    }

    /**
     * The field's index among {@code names} (it must be one of those strings), or
     * {@code fallback} when the field is absent; a fallback of -1 makes the field required.
     * A near miss gets a "did you mean" hint.
     */
    int choice(String field, List<String> names, int fallback) throws ManifestException {
        String expected = "one of " + String.join(", ", names);
        JsonNode value = fallback < 0 ? required(field, expected) : node.get(field);
        if (value == null) {
            return fallback;
        }
        int index = value.isTextual() ? names.indexOf(value.textValue()) : -1;
        if (index < 0) {
            String hint = value.isTextual() ? Suggestion.of(value.textValue(), names) : "";
            throw error(field, expected, Found.json(value) + hint);
        }
        return index;
    }

    /**
     * The field as an array of objects, each read by {@code reader} at its own path
     * ({@code field[i]}); an empty list when absent.
     *
     * @param expectedArray what the field should be, for the error when it is not an array
     * @param expectedItem what each element should be, for the error when one is not an object
     */
    <T> List<T> optionalObjects(String field, String expectedArray, String expectedItem, ObjectReader<T> reader)
            throws ManifestException {
        JsonNode array = node.get(field);
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw error(field, expectedArray, Found.json(array));
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            items.add(reader.read(of(file, pathOf(field) + "[" + i + "]", array.get(i), expectedItem)));
        }
        return items;
    }

    private int integerIn(JsonNode value, String field, int min, int max, String expected)
            throws ManifestException {
        if (!isIntegral(value) || value.doubleValue() < min || value.doubleValue() > max) {
            throw error(field, expected, Found.json(value));
        }
        return value.intValue();
    }
}
