package org.vernissage.sensors.phone;

/**
 * Why a message (or what it meant) was not applied although it may have been well formed: one of
 * the limits that protect the show from a crowd, or the engine's ring being full.
 *
 * <p>Immutable; used on the phones' event loop and read by whoever reports statistics.
 */
public enum PhoneDrop {
    /**
     * A WebSocket frame longer than {@link PhoneServerSettings#maxMessageBytes()}. Netty's frame
     * decoder refuses it from its header, before buffering the payload, and closes the connection
     * with status 1009 (message too big); the page never sends one.
     */
    OVERSIZE,
    /** More than {@link PhoneServerSettings#maxMessagesPerSecond()} messages from one phone. */
    RATE_LIMIT,
    /** The engine's input ring had no room for a touch batch or a channel value. */
    RING_FULL
}
