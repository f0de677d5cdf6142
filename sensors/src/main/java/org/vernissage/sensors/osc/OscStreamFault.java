package org.vernissage.sensors.osc;

import org.vernissage.osc.OscRejection;

/**
 * What went wrong on an OSC stream input, below the level of a packet's content (for that, see
 * {@link OscRejection}). Each is counted in {@link OscStreamStats} and logged the first time; each
 * says which {@link org.vernissage.sensors.SourceCounters} total it adds to.
 *
 * <p>Immutable; used by the receiving thread and read by whoever reports statistics.
 */
public enum OscStreamFault {
    /** A SLIP frame grew past the packet size limit; it was discarded. A dropped packet. */
    OVERSIZE_FRAME(Total.DROPPED),
    /** A length prefix over the packet size limit; the connection was closed. A dropped packet. */
    LENGTH_TOO_LARGE(Total.DROPPED),
    /** A negative length prefix; the connection was closed. A framing error. */
    LENGTH_NEGATIVE(Total.REJECTED),
    /** A SLIP ESC followed by neither ESC_END nor ESC_ESC; the frame was discarded. */
    BAD_ESCAPE(Total.REJECTED),
    /** The connection ended (closed or reset by the peer) in the middle of a packet. */
    CUT_OFF(Total.REJECTED),
    /**
     * A connection arrived while the connection limit was reached and was closed at once. The
     * server now evicts the quietest connection instead ({@link #EVICTED}), so this stays 0.
     */
    CONNECTION_REFUSED(Total.NONE),
    /** Accepting or reading a connection failed with an I/O error other than a reset. */
    IO_ERROR(Total.NONE),
    /** The message handler threw (a bug, caught so the server carries on). */
    HANDLER_FAILED(Total.NONE),
    /** The server itself failed unexpectedly (a bug, caught so it carries on). */
    UNEXPECTED_ERROR(Total.NONE),
    /** A connection sent nothing for the idle timeout; it was closed to free its slot. */
    IDLE_TIMEOUT(Total.NONE),
    /** A connection started a packet and did not complete it within the packet timeout; closed. */
    INCOMPLETE_TIMEOUT(Total.REJECTED),
    /** Every slot was taken when a connection arrived: the one idle the longest was closed for it. */
    EVICTED(Total.NONE);

    /** Which {@link org.vernissage.sensors.SourceCounters} total a fault adds one to. */
    enum Total { DROPPED, REJECTED, NONE }

    private final Total total;

    OscStreamFault(Total total) {
        this.total = total;
    }

    Total total() {
        return total;
    }
}
