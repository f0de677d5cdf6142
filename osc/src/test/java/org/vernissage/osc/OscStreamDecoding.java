package org.vernissage.osc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Drives an {@link OscStreamDecoder} over a byte stream cut into chunks the way a socket might
 * deliver it, and records every event with a copy of each packet, for decoder tests.
 */
final class OscStreamDecoding {

    /** One event; {@code packet} is a copy for PACKET, else null. */
    record Frame(OscStreamEvent event, byte[] packet, long faultSize) {
        static Frame packet(byte[] bytes) {
            return new Frame(OscStreamEvent.PACKET, bytes, 0);
        }

        @Override
        public String toString() {
            return event + (packet == null ? " size " + faultSize : " " + HexFormat.of().formatHex(packet));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Frame f && f.event == event && f.faultSize == faultSize
                    && java.util.Arrays.equals(f.packet, packet);
        }

        @Override
        public int hashCode() {
            return event.hashCode();
        }
    }

    private OscStreamDecoding() {
    }

    /** Feeds {@code stream} in one chunk. */
    static List<Frame> decode(OscStreamDecoder decoder, byte[] stream) {
        return decode(decoder, stream, () -> stream.length);
    }

    /**
     * Feeds {@code stream} in chunks whose sizes {@code chunkSizes} gives (at least 1 each), each
     * chunk in its own buffer that holds exactly that chunk, until the stream is used up or an
     * event is fatal. Checks on the way that every non-final call consumed the whole chunk.
     */
    static List<Frame> decode(OscStreamDecoder decoder, byte[] stream, IntSupplier chunkSizes) {
        List<Frame> frames = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int size = Math.min(Math.max(1, chunkSizes.getAsInt()), stream.length - at);
            ByteBuffer chunk = ByteBuffer.allocate(size).put(0, stream, at, size);
            at += size;
            if (feed(decoder, chunk, frames)) {
                break;
            }
        }
        return frames;
    }

    /** Decodes one chunk fully; true when a fatal event ended the stream. */
    static boolean feed(OscStreamDecoder decoder, ByteBuffer chunk, List<Frame> frames) {
        while (true) {
            OscStreamEvent event = decoder.decode(chunk);
            switch (event) {
                case NEED_MORE -> {
                    if (chunk.hasRemaining()) {
                        throw new AssertionError("NEED_MORE with " + chunk.remaining() + " bytes left");
                    }
                    return false;
                }
                case PACKET -> frames.add(Frame.packet(copy(decoder)));
                default -> frames.add(new Frame(event, null, decoder.faultSize()));
            }
            if (event.isFatal()) {
                return true;
            }
        }
    }

    static byte[] copy(OscStreamDecoder decoder) {
        byte[] bytes = new byte[decoder.packetLength()];
        decoder.packet().get(0, bytes);
        return bytes;
    }
}
