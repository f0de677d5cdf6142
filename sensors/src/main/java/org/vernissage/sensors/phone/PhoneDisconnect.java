package org.vernissage.sensors.phone;

/**
 * Why the server closed a connection (or refused a place) on its own, to protect the show from a
 * client that holds resources without playing: each is counted in {@link PhoneStats} and, but for
 * {@link #IDLE}, logged once per kind with the limit that did it, never with the address.
 *
 * <p>Immutable; used on the phones' event loop and read by whoever reports statistics.
 */
public enum PhoneDisconnect {
    /**
     * The client stopped reading what the server sends (pongs, greetings) until its queue reached
     * {@link PhoneServerSettings#maxPendingOutboundBytes()}: it is closed, so the queue cannot grow
     * without bound (a ping flood from a client that never reads).
     */
    SLOW_READER("it stopped reading what the server sends (more than %s bytes queued for it)"),
    /**
     * Pings or pongs beyond the connection's share of
     * {@link PhoneServerSettings#maxMessagesPerSecond()} (control frames take from the same
     * bucket as messages): closed with 1008 (policy violation). A browser's page cannot send
     * pings at all, so this is never a phone.
     */
    CONTROL_FLOOD("it sent pings or pongs beyond %s frames per second"),
    /**
     * No whole HTTP request (the page or the WebSocket upgrade) within
     * {@link PhoneServerSettings#requestTimeout()} of the connection's start, however many bytes
     * it trickled.
     */
    REQUEST_TIMEOUT("its request was not complete within %s"),
    /**
     * The client's address already held twice
     * {@link PhoneServerSettings#maxParticipantsPerAddress()} connections: the new one is closed
     * unanswered.
     */
    ADDRESS_CONNECTIONS("its address already had %s connections open"),
    /**
     * The phone's address already held {@link PhoneServerSettings#maxParticipantsPerAddress()}
     * participant places: told "full" (close 1013), as when the room is full.
     */
    ADDRESS_PLACES("its address already had %s participant places"),
    /** A participant sent no message for {@link PhoneServerSettings#idleTimeout()}: everyday, only counted. */
    IDLE("it sent no message for %s");

    private final String because;

    PhoneDisconnect(String because) {
        this.because = because;
    }

    /** Why, for the log line, with the limit in place of {@code %s}. */
    String because(String limit) {
        return because.replace("%s", limit);
    }
}
