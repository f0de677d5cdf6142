package org.vernissage.engine.artwork;

/**
 * The rule for an OSC address a manifest may bind: a literal OSC path, since pattern bindings are
 * not supported yet.
 *
 * <p>Used on the loading thread; stateless (static methods only), so it holds no shared state.
 */
final class OscAddresses {

    /** OSC 1.0 pattern characters, plus '#' (reserved for bundles) and ',' (type tags). */
    private static final String PATTERN_CHARACTERS = "#*,?[]{}";

    private OscAddresses() {
    }

    /** Why {@code address} is not a literal OSC address, or null when it is one. */
    static String problemWith(String address) {
        if (!address.startsWith("/")) {
            return "it must start with '/'";
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (Character.isWhitespace(c) || c < 0x20 || c > 0x7e) {
                return "it must not contain spaces or non-ASCII characters";
            }
            if (PATTERN_CHARACTERS.indexOf(c) >= 0) {
                return "'" + c + "' is an OSC pattern character; pattern bindings are not supported yet";
            }
        }
        if (address.contains("//")) {
            return "'//' is an OSC 1.1 path wildcard; pattern bindings are not supported yet";
        }
        return null;
    }
}
