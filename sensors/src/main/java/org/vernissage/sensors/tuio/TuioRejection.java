package org.vernissage.sensors.tuio;

/**
 * Why the TUIO adapter refused a message as malformed. Each reason points at a different fix: a
 * sender that is not speaking TUIO (MALFORMED_OSC, UNKNOWN_PROFILE), one that speaks a dialect
 * (UNKNOWN_COMMAND, BAD_ARGUMENTS), a broken tracker (NOT_FINITE, NOT_ALIVE), or a damaged
 * network (INCOMPLETE_FRAME, TRUNCATED_DATAGRAM).
 *
 * <p>Immutable; used by the receiving thread and read by whoever reports statistics.
 */
public enum TuioRejection {
    /** The datagram is not valid OSC (the OSC reader says why); counts as one message. */
    MALFORMED_OSC,
    /** The datagram filled the receive buffer, so the OS cut it; counts as one message. */
    TRUNCATED_DATAGRAM,
    /** An address that is no TUIO profile we read: not /tuio/2Dcur, 2Dobj, 2Dblb or /tuio2/... */
    UNKNOWN_PROFILE,
    /** A TUIO 1.1 message whose first argument is not set, alive, fseq or source. */
    UNKNOWN_COMMAND,
    /** Wrong number or types of arguments for the message. */
    BAD_ARGUMENTS,
    /** A position, angle or velocity that is NaN or infinite. */
    NOT_FINITE,
    /** A set (or TUIO 2 component) for a session that the frame's alive list does not hold. */
    NOT_ALIVE,
    /** A TUIO 1.1 frame (fseq) without an alive message. */
    NO_ALIVE,
    /** A TUIO 2 component or alive message outside a /tuio2/frm ... /tuio2/alv frame. */
    NO_FRAME,
    /** The datagram ended before the frame did (no fseq, no alv): every message of it is refused. */
    INCOMPLETE_FRAME
}
