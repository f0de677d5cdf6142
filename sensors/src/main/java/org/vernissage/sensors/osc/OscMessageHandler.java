package org.vernissage.sensors.osc;

/**
 * Receives each message of a validated OSC packet, in packet order, from
 * {@link OscPacketReader#read}. Implementations must not allocate or block: they run on the
 * receiving thread, once per message, between two reads of the socket.
 *
 * <p>Called only on the thread that calls the reader; the implementation is owned by whoever
 * wires that reader (for UDP, {@link OscUdpReceiver}).
 */
@FunctionalInterface
public interface OscMessageHandler {

    /**
     * @param message the message, valid only until this call returns
     * @param timeTag the 64-bit NTP time tag of the innermost enclosing bundle (seconds since
     *     1900 in the high 32 bits, fraction in the low 32); {@link OscPacketReader#IMMEDIATELY}
     *     for a message that is not in a bundle
     * @param arrivalNanos when the packet was read, on the engine's clock, as given to the reader
     */
    void onMessage(OscMessageView message, long timeTag, long arrivalNanos);
}
