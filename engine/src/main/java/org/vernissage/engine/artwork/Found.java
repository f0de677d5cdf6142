package org.vernissage.engine.artwork;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vernissage.engine.config.JsonFields;

/**
 * How a found value is shown in a manifest error message: as the artist wrote it, short and on one
 * line.
 *
 * <p>Used on the loading thread; stateless (constants and static methods only), so it holds no
 * shared state.
 */
final class Found {

    static final String MISSING = JsonFields.MISSING;
    private static final Pattern JACKSON_SOURCE =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private Found() {
    }

    /** The value as JSON text, cut after 60 characters; {@link #MISSING} for null. */
    static String json(JsonNode value) {
        return JsonFields.found(value);
    }

    /** Jackson's message on one line, its source descriptions shortened to line:column. */
    static String oneLine(String message) {
        String text = message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        Matcher source = JACKSON_SOURCE.matcher(text);
        return source.replaceAll("line $1, column $2");
    }
}
