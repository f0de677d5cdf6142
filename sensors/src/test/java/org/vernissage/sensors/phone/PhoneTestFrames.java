package org.vernissage.sensors.phone;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Builds frames in the phones' wire format, as the page's script does, for tests. */
public final class PhoneTestFrames {

    private final ByteBuffer out = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);

    private PhoneTestFrames(int version) {
        out.put((byte) version);
    }

    /** A frame of the current version. */
    public static PhoneTestFrames frame() {
        return new PhoneTestFrames(PhoneFrameDecoder.VERSION);
    }

    public static PhoneTestFrames frameOfVersion(int version) {
        return new PhoneTestFrames(version);
    }

    /** A touch record; {@code slotXY} holds slot, x, y triples. */
    public PhoneTestFrames touches(float... slotXY) {
        if (slotXY.length % 3 != 0) {
            throw new IllegalArgumentException("slot, x, y triples");
        }
        out.put(PhoneFrameDecoder.TOUCHES).put((byte) (slotXY.length / 3));
        for (int i = 0; i < slotXY.length; i += 3) {
            out.put((byte) slotXY[i]).putFloat(slotXY[i + 1]).putFloat(slotXY[i + 2]);
        }
        return this;
    }

    public PhoneTestFrames orientation(float alpha, float beta, float gamma) {
        out.put(PhoneFrameDecoder.ORIENTATION).putFloat(alpha).putFloat(beta).putFloat(gamma);
        return this;
    }

    public PhoneTestFrames motion(float x, float y, float z) {
        out.put(PhoneFrameDecoder.MOTION).putFloat(x).putFloat(y).putFloat(z);
        return this;
    }

    public PhoneTestFrames raw(int... bytes) {
        for (int b : bytes) {
            out.put((byte) b);
        }
        return this;
    }

    public byte[] bytes() {
        return Arrays.copyOf(out.array(), out.position());
    }

    ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes());
    }

    ByteBuf byteBuf() {
        return Unpooled.wrappedBuffer(bytes());
    }
}
