package org.vernissage.showcontrol.hours;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.vernissage.engine.config.JsonFields;

/**
 * One JSON object of the {@code hours} of a venue file, read through the engine's shared
 * {@link JsonFields}; every problem becomes an {@link OpeningHoursException}. Loading thread only.
 */
final class HoursFields extends JsonFields<OpeningHoursException, HoursFields> {

    private HoursFields(Path file, String path, JsonNode node) {
        super(file, path, node);
    }

    static HoursFields of(Path file, String path, JsonNode node, String what) throws OpeningHoursException {
        HoursFields fields = new HoursFields(file, path, node);
        fields.requireObject(what);
        return fields;
    }

    @Override
    protected OpeningHoursException fieldError(String fieldPath, String expected, String found) {
        return new OpeningHoursException(file(), fieldPath, expected, found);
    }

    @Override
    protected OpeningHoursException unknownFieldError(String fieldPath, String name, List<String> allowed) {
        return new OpeningHoursException(file(), fieldPath, "one of " + String.join(", ", allowed)
                + suggestion(name, allowed), "'" + name + "'");
    }

    @Override
    protected HoursFields child(String path, JsonNode node) {
        return new HoursFields(file(), path, node);
    }
}
