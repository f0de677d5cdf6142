package org.vernissage.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the OSC packets the benchmarks decode, by hand from the OSC 1.0 specification, so
 * neither decoder under test also wrote its own input. Big-endian, 4-byte aligned, NUL padded.
 *
 * <p>Stateless; used once per trial, off the measured path.
 */
final class OscPackets {

    /** The address of Tidewater's "energy" binding, as the artwork's manifest declares it. */
    static final String ENERGY_ADDRESS = "/vernissage/tidewater/energy";
    /** The float argument every benchmark message carries. */
    static final float ENERGY_VALUE = 0.5f;
    /**
     * Where the float argument of {@link #energyMessage()} starts: after the address (28 bytes
     * and its NUL, padded to 32) and the type tags {@code ,f} (padded to 4).
     */
    static final int ENERGY_ARGUMENT_OFFSET = 36;
    /** The time tag OSC reserves for "immediately". */
    static final long IMMEDIATELY = 1L;

    private OscPackets() {
    }

    /** {@code /vernissage/tidewater/energy ,f 0.5}: 40 bytes. */
    static byte[] energyMessage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePaddedString(out, ENERGY_ADDRESS);
        writePaddedString(out, ",f");
        writeInt(out, Float.floatToIntBits(ENERGY_VALUE));
        return out.toByteArray();
    }

    /** A bundle (time tag "immediately") holding {@code count} copies of {@code element}. */
    static byte[] bundleOf(int count, byte[] element) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("#bundle\0".getBytes(StandardCharsets.US_ASCII));
        writeInt(out, (int) (IMMEDIATELY >>> 32));
        writeInt(out, (int) IMMEDIATELY);
        for (int i = 0; i < count; i++) {
            writeInt(out, element.length);
            out.writeBytes(element);
        }
        return out.toByteArray();
    }

    /**
     * The packet in a direct buffer of exactly its size, position 0, limit its length: the kind of
     * buffer the UDP receiver reads datagrams into.
     */
    static ByteBuffer direct(byte[] packet) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(packet.length);
        buffer.put(packet).flip();
        return buffer;
    }

    private static void writePaddedString(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(bytes);
        int padded = (bytes.length + 4) & ~3; // at least one NUL, then to a multiple of 4
        for (int i = bytes.length; i < padded; i++) {
            out.write(0);
        }
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
