package org.vernissage.engine.artwork;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.vernissage.engine.config.JsonFields;

/**
 * One JSON object of a manifest at its field path, read field by field as typed values (the
 * reading is {@link JsonFields}'). Every problem becomes a {@link ManifestException} naming the
 * manifest file and the field's full path, for example {@code parameters[1].max}; a misspelt field
 * or choice gets a "did you mean" hint.
 *
 * <p>Used on the loading thread only. Holds no shared state: each instance reads one object of one
 * load and is dropped with it.
 */
final class ManifestFields extends JsonFields<ManifestException, ManifestFields> {

    private ManifestFields(Path file, String path, JsonNode node) {
        super(file, path, node);
    }

    /** The object at {@code path}; {@code what} describes the object for the error. */
    static ManifestFields of(Path file, String path, JsonNode node, String what) throws ManifestException {
        ManifestFields fields = new ManifestFields(file, path, node);
        fields.requireObject(what);
        return fields;
    }

    @Override
    protected ManifestException fieldError(String fieldPath, String expected, String found) {
        return ManifestException.field(file(), fieldPath, expected, found);
    }

    @Override
    protected ManifestException unknownFieldError(String fieldPath, String name, List<String> allowed) {
        return ManifestException.unknownField(file(), fieldPath, Suggestion.of(name, allowed),
                String.join(", ", allowed));
    }

    @Override
    protected String suggestion(String name, List<String> candidates) {
        return Suggestion.of(name, candidates);
    }

    @Override
    protected ManifestFields child(String path, JsonNode node) {
        return new ManifestFields(file(), path, node);
    }
}
