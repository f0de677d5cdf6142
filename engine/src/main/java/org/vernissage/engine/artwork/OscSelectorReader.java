package org.vernissage.engine.artwork;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.vernissage.engine.binding.InputSelector;
import org.vernissage.engine.binding.OscSelector;

/**
 * An OSC binding's selector: {@code "address"} (a literal path or an OSC 1.0 pattern) and
 * {@code "argument"} (which argument carries the value, 0 by default).
 *
 * <p>Used on the loading thread only; stateless.
 */
final class OscSelectorReader implements SelectorReader {

    /** OSC's own limit is the packet; this keeps a typo from reading far past any real message. */
    private static final int MAX_ARGUMENT = 127;

    @Override
    public String arrayName() {
        return "osc";
    }

    @Override
    public String example() {
        return "{\"address\": \"/piece/energy\", \"parameter\": \"energy\"}";
    }

    @Override
    public List<String> fields() {
        return List.of("address", "argument");
    }

    @Override
    public InputSelector read(ManifestFields f) throws ManifestException {
        String expected = "an OSC address like \"/vernissage/piece/energy\" or a pattern like \"/piece/*/x\"";
        JsonNode value = f.required("address", expected);
        if (!value.isTextual()) {
            throw f.error("address", expected, Found.json(value));
        }
        String problem = OscAddresses.problemWith(value.textValue());
        if (problem != null) {
            throw f.error("address", expected, Found.json(value) + " (" + problem + ")");
        }
        int argument = f.optionalInt("argument", 0, MAX_ARGUMENT, 0,
                "an argument index from 0 to " + MAX_ARGUMENT);
        return new OscSelector(value.textValue(), argument);
    }
}
