package org.vernissage.engine.artwork;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of one kind (parameter names, OSC addresses) was first used in a manifest, so
 * that a second use is refused with the path of the first.
 *
 * <p>Used on the loading thread only. Holds no shared state: one instance per kind per load.
 */
final class FirstUses {

    private final Map<String, String> pathByValue = new HashMap<>();

    /**
     * Records that the object {@code f} uses {@code value} in {@code field}, or refuses it when an
     * earlier object already did.
     *
     * @param expected what the field should hold, e.g. {@code a name no other parameter uses}
     * @param shown    the value as written, for the message
     * @param taken    the words before the earlier path, e.g. {@code already bound by}
     */
    void claim(ManifestFields f, String field, String value, String expected, String shown, String taken)
            throws ManifestException {
        String earlier = pathByValue.putIfAbsent(value, f.path());
        if (earlier != null) {
            throw f.error(field, expected, shown + " (" + taken + " " + earlier + ")");
        }
    }
}
