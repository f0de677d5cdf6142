package org.vernissage.osc;

import java.nio.ByteBuffer;

/**
 * Cuts one connection's byte stream into OSC packets, whatever the chunks the network delivers it
 * in: a packet may arrive split over many reads, several may arrive in one. Each packet is
 * assembled into a packet buffer the decoder was given and reuses; nothing is allocated per packet.
 *
 * <p>Pull style: the caller calls {@link #decode} with the bytes just read until it answers
 * {@link OscStreamEvent#NEED_MORE}, acting on each other event as it comes, before the next call
 * overwrites the packet buffer.
 *
 * <p>Confined to the thread that reads the connection (the sensors' {@code OscTcpServer} thread); one
 * instance per connection slot, reused via {@link #reset()}.
 */
public interface OscStreamDecoder {

    /**
     * Consumes bytes from {@code input} (position to limit, advancing the position) until a frame
     * event or the end of the input. Never throws on any input.
     */
    OscStreamEvent decode(ByteBuffer input);

    /** The buffer the last {@link OscStreamEvent#PACKET} lies in, from index 0. */
    ByteBuffer packet();

    /** The length of the last {@link OscStreamEvent#PACKET}; never more than the size limit. */
    int packetLength();

    /**
     * The size the last fault was about: the decoded length of a discarded SLIP frame, or the
     * declared length of a refused length prefix.
     */
    long faultSize();

    /** Whether part of a packet has been read: the stream ending now would cut that packet off. */
    boolean midPacket();

    /** Forgets all state, ready for a new connection. */
    void reset();
}
