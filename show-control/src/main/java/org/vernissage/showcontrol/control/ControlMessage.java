package org.vernissage.showcontrol.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vernissage.osc.OscMessageView;

/**
 * One OSC message a console sent, decoded into Java values. The control port runs at a person's
 * pace (a GO, a fade), so decoding into Strings here, off the conductor and the render thread, is
 * the simple and safe choice; the per-frame paths allocate nothing.
 *
 * <p>Immutable; made and used on the control endpoint's thread.
 *
 * @param address the OSC address (a pattern, possibly)
 * @param arguments Integer, Long, Float, Double, String, Boolean or null (nil), in order; other
 *     types are kept as their type tag (a Character) so a command can say what it found
 */
public record ControlMessage(String address, List<Object> arguments) {

    public ControlMessage {
        arguments = java.util.Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    public static ControlMessage of(String address, Object... arguments) {
        return new ControlMessage(address, java.util.Arrays.asList(arguments));
    }

    /** Decodes {@code view} (valid only during the reader's call). */
    public static ControlMessage of(OscMessageView view) {
        byte[] address = new byte[view.addressLength()];
        for (int i = 0; i < address.length; i++) {
            address[i] = view.addressByte(i);
        }
        List<Object> args = new ArrayList<>(view.argumentCount());
        for (int i = 0; i < view.argumentCount(); i++) {
            char tag = view.typeTag(i);
            args.add(switch (tag) {
                case 'i' -> view.intArgument(i);
                case 'h' -> view.longArgument(i);
                case 'f' -> view.floatArgument(i);
                case 'd' -> view.doubleArgument(i);
                case 's', 'S' -> text(view, i);
                case 'T' -> Boolean.TRUE;
                case 'F' -> Boolean.FALSE;
                case 'N' -> null;
                default -> tag;
            });
        }
        return new ControlMessage(new String(address, StandardCharsets.UTF_8), args);
    }

    private static String text(OscMessageView view, int index) {
        byte[] bytes = new byte[view.stringLength(index)];
        for (int b = 0; b < bytes.length; b++) {
            bytes[b] = view.stringByte(index, b);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Argument {@code i} as a number (an int, float, double, a number in a string, T/F as 1/0). */
    public Optional<Double> number(int i) {
        if (i >= arguments.size()) {
            return Optional.empty();
        }
        Object a = arguments.get(i);
        if (a instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        if (a instanceof Boolean b) {
            return Optional.of(b ? 1.0 : 0.0);
        }
        if (a instanceof String s) {
            try {
                return Optional.of(Double.parseDouble(s.trim())); // QLab consoles often send numbers as strings
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Argument {@code i} as text (a string, or a number written out). */
    public Optional<String> text(int i) {
        if (i >= arguments.size() || arguments.get(i) == null || arguments.get(i) instanceof Character) {
            return Optional.empty();
        }
        Object a = arguments.get(i);
        if (a instanceof Float f && f == Math.rint(f)) {
            return Optional.of(Integer.toString(f.intValue()));
        }
        return Optional.of(a.toString());
    }
}
