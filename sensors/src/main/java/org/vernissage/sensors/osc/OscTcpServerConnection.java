package org.vernissage.sensors.osc;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.vernissage.osc.LengthPrefixDecoder;
import org.vernissage.osc.OscStreamDecoder;
import org.vernissage.osc.OscStreamFraming;
import org.vernissage.osc.SlipDecoder;

/**
 * One connection slot of an {@link OscTcpServer}: the socket while a peer is connected, and the
 * buffers and decoders that outlive it. Slots are created with the server and reused for every
 * connection they carry, so a connection costs no buffer allocation and a packet none at all.
 *
 * <p>The framing is chosen on the connection's first byte (see {@link OscStreamFraming#AUTO})
 * unless the server forces one. Both decoders share the slot's packet buffer: a connection only
 * ever uses one of them.
 *
 * <p>It also keeps the times (on {@link System#nanoTime()}, wall time: timeouts are about the
 * network, not the show's clock) that the server's timeouts and eviction go by: when the peer
 * last sent anything, and when the packet it is in the middle of began.
 *
 * <p>Confined to the server's thread; owned by the server.
 */
final class OscTcpServerConnection {

    /** Per read: big enough for a burst of small messages, small next to the packet limit. */
    static final int READ_BUFFER_BYTES = 16 * 1024;

    private final OscStreamFraming framing;
    // Direct: the kernel copies straight into it, with no hidden temporary heap buffer.
    private final ByteBuffer input = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final SlipDecoder slip;
    private final LengthPrefixDecoder lengthPrefixed;
    private OscStreamDecoder decoder;
    private SocketChannel channel;
    private SocketAddress peer;
    private long lastHeardNanos;
    private long packetStartNanos;
    private boolean packetStarted;

    OscTcpServerConnection(OscStreamFraming framing, int maxPacketBytes) {
        this.framing = framing;
        ByteBuffer packet = ByteBuffer.allocateDirect(maxPacketBytes);
        this.slip = new SlipDecoder(packet);
        this.lengthPrefixed = new LengthPrefixDecoder(packet);
    }

    boolean inUse() {
        return channel != null;
    }

    /** Takes a freshly accepted connection; the decoder is chosen when its first byte arrives. */
    void open(SocketChannel accepted, SocketAddress remote, long nowNanos) {
        this.channel = accepted;
        this.peer = remote;
        this.lastHeardNanos = nowNanos;
        this.packetStarted = false;
    }

    /**
     * Bytes arrived at {@code nowNanos}; called after decoding them, to see if a packet is open.
     * {@code completedOne}: they completed a frame, so an open packet is a new one.
     */
    void heard(long nowNanos, boolean completedOne) {
        lastHeardNanos = nowNanos;
        boolean mid = midPacket();
        if (mid && (!packetStarted || completedOne)) {
            packetStartNanos = nowNanos;
        }
        packetStarted = mid;
    }

    /** When the peer last sent anything (or connected). */
    long lastHeardNanos() {
        return lastHeardNanos;
    }

    /** Whether a packet has been started and not completed, and since when. */
    boolean packetOpenSince(long nowNanos, long atLeastNanos) {
        return packetStarted && nowNanos - packetStartNanos >= atLeastNanos;
    }

    SocketChannel channel() {
        return channel;
    }

    SocketAddress peer() {
        return peer;
    }

    /** The read buffer, cleared for the next read. */
    ByteBuffer clearedInput() {
        return input.clear();
    }

    /** Whether the framing is chosen yet (the connection has sent a byte). */
    boolean framed() {
        return decoder != null;
    }

    /**
     * Chooses the connection's framing from its first byte, unless the server forces one: a length
     * prefix below 16 MiB starts with 0x00, an OSC packet never does ('/' or '#'), and SLIP
     * normally starts with END.
     *
     * @return the framing chosen, never {@link OscStreamFraming#AUTO}
     */
    OscStreamFraming chooseFraming(byte firstByte) {
        OscStreamFraming chosen = framing != OscStreamFraming.AUTO ? framing
                : firstByte == 0 ? OscStreamFraming.LENGTH_PREFIX : OscStreamFraming.SLIP;
        decoder = chosen == OscStreamFraming.SLIP ? slip : lengthPrefixed;
        return chosen;
    }

    /** The connection's decoder, once {@link #framed()}. */
    OscStreamDecoder decoder() {
        return decoder;
    }

    /** Whether the connection ending now would cut a packet off. */
    boolean midPacket() {
        return decoder != null && decoder.midPacket();
    }

    /** Closes the socket and makes the slot free again. */
    void release() throws IOException {
        SocketChannel closing = channel;
        channel = null;
        peer = null;
        decoder = null;
        packetStarted = false;
        slip.reset();
        lengthPrefixed.reset();
        if (closing != null) {
            closing.close();
        }
    }
}
