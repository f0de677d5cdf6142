package org.vernissage.osc;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Decodes OSC 1.1 SLIP framing (RFC 1055): a frame ends at END (0xC0); inside a frame END is sent
 * as ESC ESC_END (0xDB 0xDC) and ESC as ESC ESC_ESC (0xDB 0xDD). osc.js puts an END before and
 * after every packet ("double-END" bookends), so empty frames are normal and ignored; a sender
 * that only ends frames works too.
 *
 * <p>Bad input costs one frame, never the stream: a frame that grows past the packet buffer's
 * capacity, or holds an ESC followed by anything but ESC_END or ESC_ESC, is discarded up to its END
 * and reported once at that END; the next frame decodes normally.
 *
 * <p>Confined to the connection's reading thread; owned by its connection slot. The packet buffer
 * (whose capacity is the size limit) is written with absolute puts only, so its position and
 * limit never change.
 */
public final class SlipDecoder implements OscStreamDecoder {

    public static final byte END = (byte) 0xC0;
    public static final byte ESC = (byte) 0xDB;
    public static final byte ESC_END = (byte) 0xDC;
    public static final byte ESC_ESC = (byte) 0xDD;

    private final ByteBuffer packet;
    private final int maxPacketBytes;
    private int length;          // decoded bytes of the current frame
    private boolean escaping;    // the previous byte was ESC
    private OscStreamEvent discarding; // non-null: skip to END, then report this
    private long frameBytes;     // bytes seen in a frame being discarded
    private int packetLength;
    private long faultSize;

    /** @param packet where frames are assembled; its capacity is the largest packet accepted */
    public SlipDecoder(ByteBuffer packet) {
        this.packet = Objects.requireNonNull(packet, "packet");
        this.maxPacketBytes = packet.capacity();
    }

    @Override
    public OscStreamEvent decode(ByteBuffer input) {
        while (input.hasRemaining()) {
            byte b = input.get();
            if (b == END) {
                OscStreamEvent ended = endFrame();
                if (ended != null) {
                    return ended;
                }
            } else if (discarding != null) {
                if (b != ESC) {
                    frameBytes++; // counts decoded bytes: an escape pair is one
                }
            } else {
                take(b);
            }
        }
        return OscStreamEvent.NEED_MORE;
    }

    /** The event an END completes, or null for an empty frame (bookends), which is skipped. */
    private OscStreamEvent endFrame() {
        if (escaping) {
            // "ESC END" escapes nothing: the sender is broken, and the frame is untrustworthy.
            discard(OscStreamEvent.BAD_ESCAPE_DISCARDED, length);
        }
        if (discarding != null) {
            OscStreamEvent fault = discarding;
            faultSize = frameBytes;
            startFrame();
            return fault;
        }
        if (length == 0) {
            return null;
        }
        packetLength = length;
        startFrame();
        return OscStreamEvent.PACKET;
    }

    private void take(byte b) {
        if (escaping) {
            escaping = false;
            if (b == ESC_END) {
                append(END);
            } else if (b == ESC_ESC) {
                append(ESC);
            } else {
                discard(OscStreamEvent.BAD_ESCAPE_DISCARDED, length + 1);
            }
        } else if (b == ESC) {
            escaping = true;
        } else {
            append(b);
        }
    }

    private void append(byte b) {
        if (length == maxPacketBytes) {
            discard(OscStreamEvent.OVERSIZE_DISCARDED, length + 1);
            return;
        }
        packet.put(length++, b);
    }

    /**
     * Skips the rest of the frame; {@code frameBytes} keeps counting its decoded bytes for the
     * report, starting from {@code decodedSoFar}.
     */
    private void discard(OscStreamEvent reason, long decodedSoFar) {
        discarding = reason;
        frameBytes = decodedSoFar;
        escaping = false;
        length = 0;
    }

    private void startFrame() {
        length = 0;
        escaping = false;
        discarding = null;
        frameBytes = 0;
    }

    @Override
    public ByteBuffer packet() {
        return packet;
    }

    @Override
    public int packetLength() {
        return packetLength;
    }

    @Override
    public long faultSize() {
        return faultSize;
    }

    @Override
    public boolean midPacket() {
        return length > 0 || escaping || discarding != null;
    }

    @Override
    public void reset() {
        startFrame();
        packetLength = 0;
        faultSize = 0;
    }
}
