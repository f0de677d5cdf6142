package org.vernissage.app;

import java.util.Map;
import java.util.StringJoiner;

/**
 * Counts per kind of failure as a statistics line shows them: {@code "IOException 3,
 * IllegalStateException 1"}, class names without their package (the log line of the first of
 * each kind has the full name and the message).
 *
 * <p>Stateless; any thread.
 */
final class CountsByKind {

    private CountsByKind() {
    }

    /** {@code counts} (exception class name to count, in the order first seen), joined by ", ". */
    static String describe(Map<String, Long> counts) {
        StringJoiner text = new StringJoiner(", ");
        counts.forEach((kind, count) -> text.add(kind.substring(kind.lastIndexOf('.') + 1) + " " + count));
        return text.toString();
    }
}
