package org.vernissage.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One JSON object of a configuration file (an artwork manifest, a venue file) at its field path,
 * read field by field as typed values with ranges. Every problem becomes one exception of the
 * file's own kind {@code E}, naming the file, the field's full path (for example
 * {@code parameters[1].max} or {@code outputs[1].blend.gamma}), what was expected and what was
 * found; unknown fields are refused, so a typo never falls back to a default unnoticed.
 *
 * <p>Each file's reader subclasses this once ({@code F} is that subclass, so nested objects keep
 * its type) and says how its errors are made; the reading and checking live here only.
 *
 * <p>Used on the loading thread only. Holds no shared state: each instance reads one object of one
 * load and is dropped with it.
 *
 * @param <E> the file's error type
 * @param <F> the subclass itself
 */
public abstract class JsonFields<E extends Exception, F extends JsonFields<E, F>> {

    /** What an error shows for a field that is not there. */
    public static final String MISSING = "nothing (the field is missing)";
    private static final int MAX_SHOWN = 60;

    private final Path file;
    private final String path;
    private final JsonNode node;

    /** Wraps {@code node} unchecked; a subclass's factory checks it with {@link #requireObject}. */
    protected JsonFields(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Reads one object of an array into a value; see {@link #optionalObjects}. */
    @FunctionalInterface
    public interface ObjectReader<T, F, E extends Exception> {
        T read(F object) throws E;
    }

    /** The value as the user wrote it, as JSON text on one line, cut after 60 characters. */
    public static String found(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return MISSING;
        }
        String text = value.toString();
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }

    /** True for a JSON number with an exactly integral value. */
    public static boolean isIntegral(JsonNode value) {
        return value != null && value.isNumber() && value.canConvertToExactIntegral();
    }

    /** True for a JSON number that is finite as a float. */
    public static boolean isFiniteNumber(JsonNode value) {
        return value != null && value.isNumber() && Float.isFinite((float) value.doubleValue());
    }

    /** The error for the field at {@code fieldPath} (empty for the root): expected this, found that. */
    protected abstract E fieldError(String fieldPath, String expected, String found);

    /** The error for a field {@code name} at {@code fieldPath} that is not one of {@code allowed}. */
    protected abstract E unknownFieldError(String fieldPath, String name, List<String> allowed);

    /**
     * The hint appended to what was found when {@code name} is not among {@code candidates}, e.g.
     * a "did you mean"; none unless the file's reader gives one.
     */
    protected String suggestion(String name, List<String> candidates) {
        return "";
    }

    /** A reader of {@code node} at {@code path} in the same file, of the subclass's type. */
    protected abstract F child(String path, JsonNode node);

    /** The file being read. */
    protected final Path file() {
        return file;
    }

    /** Refuses anything but a JSON object here; {@code what} describes the object for the error. */
    protected final void requireObject(String what) throws E {
        if (node == null || !node.isObject()) {
            throw fieldError(path, what, found(node));
        }
    }

    /** This object's own path, e.g. {@code osc[2]}; empty for the root. */
    public final String path() {
        return path;
    }

    /** The full path of one of this object's fields. */
    public final String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The raw value of {@code field}, or null when absent. */
    public final JsonNode get(String field) {
        return node.get(field);
    }

    public final boolean has(String field) {
        return node.has(field);
    }

    /** An error about {@code field}: expected {@code expected}, found {@code found}. */
    public final E error(String field, String expected, String found) {
        return fieldError(pathOf(field), expected, found);
    }

    /** An error about {@code field}: expected {@code expected}, found the field's value. */
    public final E error(String field, String expected) {
        return error(field, expected, found(node.get(field)));
    }

    /** Refuses any field not in {@code allowed}: a typo must not silently fall back to a default. */
    public final void allowOnly(List<String> allowed) throws E {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw unknownFieldError(pathOf(name), name, allowed);
            }
        }
    }

    /** The field's value, or an error saying it is required and what it should be. */
    public final JsonNode required(String field, String expected) throws E {
        JsonNode value = node.get(field);
        if (value == null) {
            throw error(field, expected, MISSING);
        }
        return value;
    }

    public final String requiredText(String field) throws E {
        String expected = "a non-blank string";
        return nonBlank(required(field, expected), field, expected);
    }

    /** The field as a non-blank string, or {@code fallback} when absent. */
    public final String optionalNonBlankText(String field, String fallback, String expected) throws E {
        JsonNode value = node.get(field);
        return value == null ? fallback : nonBlank(value, field, expected);
    }

    /** The field as a string (blank allowed), or empty when absent. */
    public final String optionalText(String field) throws E {
        JsonNode value = node.get(field);
        if (value == null) {
            return "";
        }
        if (!value.isTextual()) {
            throw error(field, "a string", found(value));
        }
        return value.textValue();
    }

    public final int requiredInt(String field, int min, int max) throws E {
        return requiredInt(field, min, max, "an integer from " + min + " to " + max);
    }

    /** The field as an integer in {@code min..max}; {@code expected} describes that range. */
    public final int requiredInt(String field, int min, int max, String expected) throws E {
        return integerIn(required(field, expected), field, min, max, expected);
    }

    /** The field as an integer in {@code min..max}, or {@code fallback} when absent. */
    public final int optionalInt(String field, int min, int max, int fallback, String expected) throws E {
        JsonNode value = node.get(field);
        return value == null ? fallback : integerIn(value, field, min, max, expected);
    }

    /** The field as a boolean, or {@code fallback} when absent. */
    public final boolean optionalBoolean(String field, boolean fallback) throws E {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw error(field, "true or false", found(value));
        }
        return value.booleanValue();
    }

    /** The field as a finite number in {@code min..max}; {@code expected} describes that range. */
    public final double requiredNumber(String field, double min, double max, String expected) throws E {
        return numberIn(required(field, expected), field, min, max, expected);
    }

    /** The field as a finite number in {@code min..max}, or {@code fallback} when absent. */
    public final double optionalNumber(String field, double min, double max, double fallback, String expected)
            throws E {
        JsonNode value = node.get(field);
        return value == null ? fallback : numberIn(value, field, min, max, expected);
    }

    /** The field as a nested object, which must be there; {@code expected} describes it. */
    public final F requiredObject(String field, String expected) throws E {
        return object(pathOf(field), node.get(field), expected);
    }

    /** The field as a nested object, or null when absent; {@code expected} describes it. */
    public final F optionalObject(String field, String expected) throws E {
        JsonNode value = node.get(field);
        return value == null ? null : object(pathOf(field), value, expected);
    }

    /**
     * The field's index among {@code names} (it must be one of those strings), or
     * {@code fallback} when the field is absent; a fallback of -1 makes the field required.
     * A near miss gets the {@link #suggestion} for it.
     */
    public final int choice(String field, List<String> names, int fallback) throws E {
        String expected = "one of " + String.join(", ", names);
        JsonNode value = fallback < 0 ? required(field, expected) : node.get(field);
        if (value == null) {
            return fallback;
        }
        int index = value.isTextual() ? names.indexOf(value.textValue()) : -1;
        if (index < 0) {
            String hint = value.isTextual() ? suggestion(value.textValue(), names) : "";
            throw error(field, expected, found(value) + hint);
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
    public final <T> List<T> optionalObjects(String field, String expectedArray, String expectedItem,
                                             ObjectReader<T, ? super F, E> reader) throws E {
        JsonNode array = node.get(field);
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw error(field, expectedArray, found(array));
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            items.add(reader.read(object(pathOf(field) + "[" + i + "]", array.get(i), expectedItem)));
        }
        return items;
    }

    private F object(String objectPath, JsonNode value, String expected) throws E {
        F object = child(objectPath, value);
        JsonFields<E, F> fields = object;
        fields.requireObject(expected);
        return object;
    }

    private String nonBlank(JsonNode value, String field, String expected) throws E {
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw error(field, expected, found(value));
        }
        return value.textValue();
    }

    private double numberIn(JsonNode value, String field, double min, double max, String expected) throws E {
        if (!isFiniteNumber(value) || value.doubleValue() < min || value.doubleValue() > max) {
            throw error(field, expected, found(value));
        }
        return value.doubleValue();
    }

    private int integerIn(JsonNode value, String field, int min, int max, String expected) throws E {
        if (!isIntegral(value) || value.doubleValue() < min || value.doubleValue() > max) {
            throw error(field, expected, found(value));
        }
        return value.intValue();
    }
}
