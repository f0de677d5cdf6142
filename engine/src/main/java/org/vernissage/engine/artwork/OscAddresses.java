package org.vernissage.engine.artwork;

/**
 * The rule for an OSC address a manifest may bind: an OSC path, literal or an OSC 1.0 pattern
 * ({@code * ? [abc] [a-z] [!abc] {foo,bar}}) with its brackets and braces closed within one part.
 *
 * <p>Used on the loading thread; stateless (static methods only), so it holds no shared state.
 */
final class OscAddresses {

    private OscAddresses() {
    }

    /** Why {@code address} is not a bindable OSC address or pattern, or null when it is one. */
    static String problemWith(String address) {
        if (!address.startsWith("/")) {
            return "it must start with '/'";
        }
        if (address.contains("//")) {
            return "'//' is OSC 1.1's path wildcard, which is not supported; spell out each part";
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (Character.isWhitespace(c) || c < 0x20 || c > 0x7e) {
                return "it must not contain spaces or non-ASCII characters";
            }
            if (c == '#' || c == ',') {
                return "'" + c + "' may not appear in an OSC address";
            }
            if (c == ']' || c == '}') {
                return "'" + c + "' at " + i + " closes nothing";
            }
            if (c == '[' || c == '{') {
                char close = c == '[' ? ']' : '}';
                int end = closing(address, i + 1, close);
                if (end < 0) {
                    return "'" + c + "' at " + i + " is not closed by '" + close + "' within the same part";
                }
                i = end;
            }
        }
        return null;
    }

    /** The index of {@code close} before the next '/', an opening bracket or the end, or -1. */
    private static int closing(String address, int from, char close) {
        for (int i = from; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == close) {
                return i;
            }
            if (c == '/' || c == '[' || c == '{') {
                return -1;
            }
        }
        return -1;
    }
}
