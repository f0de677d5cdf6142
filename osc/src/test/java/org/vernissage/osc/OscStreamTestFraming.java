package org.vernissage.osc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Test-only stream framing, written from OSC 1.0 (int32 size prefix) and OSC 1.1 / RFC 1055 (SLIP)
 * independently of the decoders, to build the byte streams tests send.
 */
public final class OscStreamTestFraming {

    public static final int END = 0xC0;
    public static final int ESC = 0xDB;
    public static final int ESC_END = 0xDC;
    public static final int ESC_ESC = 0xDD;

    private OscStreamTestFraming() {
    }

    /** SLIP with an END before and after, as osc.js sends. */
    public static byte[] slip(byte[] packet) {
        return slip(packet, true);
    }

    /** SLIP; without {@code leadingEnd} only the frame's end is marked (RFC 1055 allows both). */
    public static byte[] slip(byte[] packet, boolean leadingEnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (leadingEnd) {
            out.write(END);
        }
        for (byte b : packet) {
            int value = b & 0xFF;
            if (value == END) {
                out.write(ESC);
                out.write(ESC_END);
            } else if (value == ESC) {
                out.write(ESC);
                out.write(ESC_ESC);
            } else {
                out.write(value);
            }
        }
        out.write(END);
        return out.toByteArray();
    }

    /** OSC 1.0 stream form: the size as a big-endian int32, then the packet. */
    public static byte[] lengthPrefixed(byte[] packet) {
        return ByteBuffer.allocate(4 + packet.length).putInt(packet.length).put(packet).array();
    }

    public static byte[] concat(byte[]... parts) {
        return OscTestEncoder.concat(parts);
    }
}
