package org.vernissage.sensors.osc;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscMessageView;

/**
 * A test handler that copies the address and the first argument of every message it is given,
 * with the arrival stamp and the calling thread's name. It is written by the server's thread and
 * read by the test's, so it synchronises (a real handler would not need to: it is confined).
 */
final class OscStreamRecordingHandler implements OscMessageHandler {

    /** One message; {@code firstArgument} as "tag:value", or "" when there is none. */
    record Received(String address, String firstArgument, long arrivalNanos, String thread) {
        /** Address and first argument only, for comparisons. */
        String text() {
            return address + " " + firstArgument;
        }
    }

    private final List<Received> received = new ArrayList<>();

    @Override
    public synchronized void onMessage(OscMessageView message, long timeTag, long arrivalNanos) {
        received.add(new Received(address(message), firstArgument(message),
                arrivalNanos, Thread.currentThread().getName()));
    }

    synchronized List<Received> snapshot() {
        return List.copyOf(received);
    }

    synchronized int count() {
        return received.size();
    }

    /** Address and first argument of every message so far, in arrival order. */
    synchronized List<String> texts() {
        return received.stream().map(Received::text).toList();
    }

    private static String address(OscMessageView m) {
        byte[] bytes = new byte[m.addressLength()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = m.addressByte(i);
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String firstArgument(OscMessageView m) {
        if (m.argumentCount() == 0) {
            return "";
        }
        char tag = m.typeTag(0);
        return switch (tag) {
            case 'i' -> "i:" + m.intArgument(0);
            case 'f' -> "f:" + m.floatArgument(0);
            case 'h' -> "h:" + m.longArgument(0);
            case 'd' -> "d:" + m.doubleArgument(0);
            case 's', 'S' -> tag + ":" + string(m);
            case 'b' -> "b:" + HexFormat.of().formatHex(blob(m));
            default -> String.valueOf(tag);
        };
    }

    private static String string(OscMessageView m) {
        byte[] bytes = new byte[m.stringLength(0)];
        for (int j = 0; j < bytes.length; j++) {
            bytes[j] = m.stringByte(0, j);
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] blob(OscMessageView m) {
        byte[] bytes = new byte[m.blobLength(0)];
        for (int j = 0; j < bytes.length; j++) {
            bytes[j] = m.blobByte(0, j);
        }
        return bytes;
    }
}
