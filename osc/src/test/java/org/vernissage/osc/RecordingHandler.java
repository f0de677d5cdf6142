package org.vernissage.osc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A test handler that decodes every delivered message through the {@link OscMessageView}'s typed
 * reads into plain values (allocating freely, as tests may), in the notation of
 * {@link OscTestEncoder.Message#expected()}.
 */
public final class RecordingHandler implements OscMessageHandler {

    public record Received(String address, long timeTag, long arrivalNanos, List<String> arguments) {
    }

    public final List<Received> received = new ArrayList<>();

    @Override
    public void onMessage(OscMessageView message, long timeTag, long arrivalNanos) {
        received.add(new Received(address(message), timeTag, arrivalNanos, arguments(message)));
    }

    public static String address(OscMessageView message) {
        byte[] bytes = new byte[message.addressLength()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = message.addressByte(i);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static List<String> arguments(OscMessageView message) {
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < message.argumentCount(); i++) {
            arguments.add(argument(message, i));
        }
        return arguments;
    }

    private static String argument(OscMessageView m, int i) {
        char tag = m.typeTag(i);
        return switch (tag) {
            case 'i', 'c', 'r', 'm' -> tag + ":" + m.intArgument(i);
            case 'f' -> "f:" + m.floatArgument(i);
            case 'h', 't' -> tag + ":" + m.longArgument(i);
            case 'd' -> "d:" + m.doubleArgument(i);
            case 's', 'S' -> tag + ":" + string(m, i);
            case 'b' -> "b:" + HexFormat.of().formatHex(blob(m, i));
            case 'T', 'F' -> m.booleanArgument(i) ? "T" : "F";
            default -> String.valueOf(tag);
        };
    }

    private static String string(OscMessageView m, int i) {
        byte[] bytes = new byte[m.stringLength(i)];
        for (int j = 0; j < bytes.length; j++) {
            bytes[j] = m.stringByte(i, j);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] blob(OscMessageView m, int i) {
        byte[] bytes = new byte[m.blobLength(i)];
        for (int j = 0; j < bytes.length; j++) {
            bytes[j] = m.blobByte(i, j);
        }
        return bytes;
    }
}
