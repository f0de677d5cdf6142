package org.vernissage.engine.artwork;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a found value is shown in a manifest error message: as the artist wrote it, short and on one
 * line.
 *
 * <p>Used on the loading thread; stateless (constants and static methods only), so it holds no
 * shared state.
 */
final class Found {

    static final String MISSING = "nothing (the field is missing)";
    private static final int MAX_SHOWN = 60;
    private static final Pattern JACKSON_SOURCE =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private Found() {
    }

    /** The value as JSON text, cut after {@value #MAX_SHOWN} characters; {@link #MISSING} for null. */
    static String json(JsonNode value) {
        if (value == null) {
            return MISSING;
        }
        String text = value.toString();
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }

    /** Jackson's message on one line, its source descriptions shortened to line:column. */
    static String oneLine(String message) {
        String text = message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        Matcher source = JACKSON_SOURCE.matcher(text);
        return source.replaceAll("line $1, column $2");
    }
}
