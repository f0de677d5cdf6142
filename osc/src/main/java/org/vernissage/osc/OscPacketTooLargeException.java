package org.vernissage.osc;

/**
 * An {@link OscWriter} ran out of room in the buffer it was given: the packet being written was
 * abandoned whole (the writer reports no length for it and refuses to go on until it is given a
 * buffer again), so a half-written packet can never be sent.
 *
 * <p>Thrown on the writing thread; the message names the element that did not fit, how many
 * bytes the packet needed and how many the buffer had.
 */
public final class OscPacketTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int needed;
    private final int available;

    OscPacketTooLargeException(String what, int needed, int available) {
        super("OSC packet does not fit its buffer: " + what + " needs the packet to have " + needed
                + " bytes, the buffer has room for " + available);
        this.needed = needed;
        this.available = available;
    }

    /** The packet's length, in bytes, had the element fitted. */
    public int needed() {
        return needed;
    }

    /** The room the buffer had for the packet, in bytes. */
    public int available() {
        return available;
    }
}
