package org.vernissage.osc;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Decodes the OSC 1.0 stream form: each packet is preceded by its length as a big-endian int32
 * (what liblo 0.31 sends over TCP). The prefix may arrive split over reads like any other byte.
 *
 * <p>A length of zero carries nothing and is skipped. A negative length, or one larger than the
 * packet buffer's capacity (the size limit), is fatal: nothing in the stream says where the next
 * packet would start, so the decoder reports it, keeps reporting it and consumes nothing more;
 * the caller closes the connection. Unlike SLIP, nothing is discarded silently: a packet either
 * fits or ends the connection.
 *
 * <p>Confined to the connection's reading thread; owned by its connection slot. The packet buffer
 * is written with absolute bulk puts only, so its position and limit never change.
 */
public final class LengthPrefixDecoder implements OscStreamDecoder {

    private final ByteBuffer packet;
    private final int maxPacketBytes;
    private int prefixBytes;   // 0..4 bytes of the current prefix read
    private int declared;      // the prefix, as far as read
    private int bodyBytes;     // bytes of the current packet copied
    private OscStreamEvent fatal;
    private int packetLength;

    /** @param packet where packets are assembled; its capacity is the largest packet accepted */
    public LengthPrefixDecoder(ByteBuffer packet) {
        this.packet = Objects.requireNonNull(packet, "packet");
        this.maxPacketBytes = packet.capacity();
    }

    @Override
    public OscStreamEvent decode(ByteBuffer input) {
        if (fatal != null) {
            return fatal;
        }
        while (input.hasRemaining()) {
            if (prefixBytes < Integer.BYTES) {
                OscStreamEvent refused = readPrefixByte(input.get());
                if (refused != null) {
                    return refused;
                }
            } else if (copyBody(input)) {
                return OscStreamEvent.PACKET;
            }
        }
        return OscStreamEvent.NEED_MORE;
    }

    /** Adds one prefix byte; returns the fatal event if the completed prefix is refused. */
    private OscStreamEvent readPrefixByte(byte b) {
        declared = (declared << 8) | (b & 0xFF);
        prefixBytes++;
        if (prefixBytes < Integer.BYTES) {
            return null;
        }
        if (declared < 0) {
            fatal = OscStreamEvent.LENGTH_NEGATIVE;
        } else if (declared > maxPacketBytes) {
            fatal = OscStreamEvent.LENGTH_TOO_LARGE;
        } else if (declared == 0) {
            startPacket(); // nothing to deliver; a keep-alive at most
        }
        return fatal;
    }

    /** Copies what the input holds of the current packet; true once the packet is complete. */
    private boolean copyBody(ByteBuffer input) {
        int count = Math.min(input.remaining(), declared - bodyBytes);
        packet.put(bodyBytes, input, input.position(), count);
        input.position(input.position() + count);
        bodyBytes += count;
        if (bodyBytes < declared) {
            return false;
        }
        packetLength = declared;
        startPacket();
        return true;
    }

    private void startPacket() {
        prefixBytes = 0;
        declared = 0;
        bodyBytes = 0;
    }

    @Override
    public ByteBuffer packet() {
        return packet;
    }

    @Override
    public int packetLength() {
        return packetLength;
    }

    /** The refused length prefix (as a signed int32) after a fatal event. */
    @Override
    public long faultSize() {
        return fatal == null ? 0 : declared;
    }

    @Override
    public boolean midPacket() {
        return prefixBytes > 0 || bodyBytes > 0;
    }

    @Override
    public void reset() {
        startPacket();
        fatal = null;
        packetLength = 0;
    }
}
