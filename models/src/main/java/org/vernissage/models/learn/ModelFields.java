package org.vernissage.models.learn;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.vernissage.engine.config.JsonFields;
import org.vernissage.models.ModelException;

/**
 * One JSON object of a models file (a model, its examples, its card, the manifest's
 * {@code "models"} section) at its field path, read field by field as typed values (the reading is
 * engine's {@link JsonFields}). Every problem becomes a {@link ModelException}
 * {@code file: field.path: expected E, found F}, the house style of manifest errors.
 *
 * <p>Used on the loading thread only; each instance reads one object of one load.
 */
public final class ModelFields extends JsonFields<ModelException, ModelFields> {

    private ModelFields(Path file, String path, JsonNode node) {
        super(file, path, node);
    }

    /** The object at {@code path} of {@code file}; {@code what} describes the object for the error. */
    public static ModelFields of(Path file, String path, JsonNode node, String what) throws ModelException {
        ModelFields fields = new ModelFields(file, path, node);
        fields.requireObject(what);
        return fields;
    }

    /** The error {@code file: path: expected E, found F}, for checks made outside this class. */
    public static ModelException error(Path file, String fieldPath, String expected, String found) {
        String where = fieldPath.isEmpty() ? file + ": " : file + ": " + fieldPath + ": ";
        return new ModelException(where + "expected " + expected + ", found " + found);
    }

    @Override
    protected ModelException fieldError(String fieldPath, String expected, String found) {
        return error(file(), fieldPath, expected, found);
    }

    @Override
    protected ModelException unknownFieldError(String fieldPath, String name, List<String> allowed) {
        return new ModelException(file() + ": " + fieldPath + ": unknown field; allowed here: "
                + String.join(", ", allowed));
    }

    @Override
    protected ModelFields child(String path, JsonNode node) {
        return new ModelFields(file(), path, node);
    }

    /** The file this object was read from. */
    public Path source() {
        return file();
    }

    /**
     * The field as an array of finite floats of length {@code length} (any length when negative);
     * a NaN, infinity or non-number is refused naming its index, e.g. {@code examples[3].in[1]}.
     */
    public float[] requiredFloats(String field, int length) throws ModelException {
        String expected = length < 0 ? "an array of finite numbers" : "an array of " + length + " finite numbers";
        return floatsOf(pathOf(field), required(field, expected), length, expected);
    }

    /** The field as an array of integers each in {@code min..max}. */
    public int[] requiredInts(String field, int min, int max) throws ModelException {
        String expected = "an array of integers from " + min + " to " + max;
        JsonNode array = required(field, expected);
        if (!array.isArray()) {
            throw error(field, expected, found(array));
        }
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = array.get(i);
            if (!isIntegral(value) || value.doubleValue() < min || value.doubleValue() > max) {
                throw error(pathOf(field) + "[" + i + "]", "an integer from " + min + " to " + max, found(value));
            }
            values[i] = value.intValue();
        }
        return values;
    }

    /** The field as an array of non-blank strings. */
    public List<String> requiredTexts(String field) throws ModelException {
        String expected = "an array of non-blank strings";
        JsonNode array = required(field, expected);
        if (!array.isArray()) {
            throw error(field, expected, found(array));
        }
        String[] values = new String[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = array.get(i);
            if (value == null || !value.isTextual() || value.textValue().isBlank()) {
                throw error(pathOf(field) + "[" + i + "]", "a non-blank string", found(value));
            }
            values[i] = value.textValue();
        }
        return List.of(values);
    }

    /** The field as a long (a seed), or {@code fallback} when absent. */
    public long optionalLong(String field, long fallback) throws ModelException {
        JsonNode value = get(field);
        if (value == null) {
            return fallback;
        }
        if (!isIntegral(value) || !value.canConvertToLong()) {
            throw error(field, "an integer", found(value));
        }
        return value.longValue();
    }

    /** The field as an array of arrays of floats, each of {@code width} (rows of a matrix). */
    public float[][] requiredRows(String field, int width) throws ModelException {
        String expected = "an array of arrays of " + width + " finite numbers";
        JsonNode array = required(field, expected);
        if (!array.isArray()) {
            throw error(field, expected, found(array));
        }
        float[][] rows = new float[array.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = floatsOf(pathOf(field) + "[" + i + "]", array.get(i), width,
                    "an array of " + width + " finite numbers");
        }
        return rows;
    }

    private float[] floatsOf(String fieldPath, JsonNode array, int length, String expected) throws ModelException {
        if (array == null || !array.isArray() || (length >= 0 && array.size() != length)) {
            throw error(source(), fieldPath, expected, found(array)
                    + (array != null && array.isArray() ? " (" + array.size() + " numbers)" : ""));
        }
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = array.get(i);
            if (!isFiniteNumber(value)) {
                throw error(source(), fieldPath + "[" + i + "]", "a finite number", found(value));
            }
            values[i] = value.floatValue();
        }
        return values;
    }
}
