package org.vernissage.sensors.tuio;

import java.nio.charset.StandardCharsets;
import org.vernissage.osc.OscMessageView;

/**
 * Typed reads of TUIO arguments from an {@link OscMessageView}, in place: no String, no boxing.
 *
 * <p>A message's expected arguments are written as a signature, one letter per argument:
 * <pre>
 *   c  a command string (s or S): set, alive, fseq, source
 *   S  a string (s or S)
 *   I  a session id: int32 (i, read as unsigned 32 bits) or int64 (h)
 *   N  an int32 (i): class ids, frame numbers, type/user ids, dimensions
 *   F  a number: float32 (f) or float64 (d, narrowed)
 *   T  an OSC time tag (t)
 * </pre>
 * Ints are accepted where TUIO says int and floats where it says float, nothing looser: a sender
 * that sends "0" as an int for a position is sending something else than TUIO, and is told so.
 *
 * <p>Stateless; called on the receiving thread while the view is valid.
 */
final class TuioArguments {

    private TuioArguments() {
    }

    /** Whether the message has exactly the arguments of {@code signature}. */
    static boolean matches(OscMessageView view, String signature) {
        int count = signature.length();
        if (view.argumentCount() != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (!accepts(signature.charAt(i), view.typeTag(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether every argument from {@code from} on is a session id (I). */
    static boolean allIds(OscMessageView view, int from) {
        for (int i = from; i < view.argumentCount(); i++) {
            if (!accepts('I', view.typeTag(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean accepts(char expected, char tag) {
        return switch (expected) {
            case 'c', 'S' -> tag == 's' || tag == 'S';
            case 'I' -> tag == 'i' || tag == 'h';
            case 'N' -> tag == 'i';
            case 'F' -> tag == 'f' || tag == 'd';
            case 'T' -> tag == 't';
            default -> false;
        };
    }

    /** An I argument: int32 as unsigned (TUIO session ids are never negative), int64 as is. */
    static long sessionId(OscMessageView view, int index) {
        return view.typeTag(index) == 'i'
                ? Integer.toUnsignedLong(view.intArgument(index))
                : view.longArgument(index);
    }

    /** An F argument as a float (a double is narrowed; one too large becomes infinite). */
    static float real(OscMessageView view, int index) {
        return view.typeTag(index) == 'f' ? view.floatArgument(index) : (float) view.doubleArgument(index);
    }

    /** Whether string argument {@code index} is exactly the ASCII bytes of {@code word}. */
    static boolean stringEquals(OscMessageView view, int index, byte[] word) {
        if (view.stringLength(index) != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (view.stringByte(index, i) != word[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the address starts with {@code prefix}. */
    static boolean addressStartsWith(OscMessageView view, byte[] prefix) {
        if (view.addressLength() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (view.addressByte(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The message as people read it, e.g. {@code /tuio/2Dcur ,sifffff}: for the first log line of
     * a rejection only (it allocates).
     */
    static String describe(OscMessageView view) {
        StringBuilder text = new StringBuilder(view.addressLength() + view.argumentCount() + 2);
        for (int i = 0; i < view.addressLength(); i++) {
            text.append((char) (view.addressByte(i) & 0xFF));
        }
        text.append(" ,");
        for (int i = 0; i < view.argumentCount(); i++) {
            text.append(view.typeTag(i));
        }
        if (view.argumentCount() > 0 && (view.typeTag(0) == 's' || view.typeTag(0) == 'S')) {
            text.append(" \"");
            int length = Math.min(view.stringLength(0), 32);
            for (int i = 0; i < length; i++) {
                text.append((char) (view.stringByte(0, i) & 0xFF));
            }
            text.append('"');
        }
        return text.toString();
    }
}
