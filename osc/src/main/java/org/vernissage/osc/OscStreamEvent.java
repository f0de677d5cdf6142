package org.vernissage.osc;

/**
 * What one call of {@link OscStreamDecoder#decode} found in the bytes it consumed.
 *
 * <p>Immutable; returned to the thread that calls the decoder.
 */
public enum OscStreamEvent {
    /** Every input byte was consumed and no frame ended: read more. */
    NEED_MORE,
    /** A whole packet lies in the decoder's packet buffer, {@code [0, packetLength())}. */
    PACKET,
    /** A SLIP frame grew past the size limit; it was discarded up to its END. Decoding goes on. */
    OVERSIZE_DISCARDED,
    /**
     * A SLIP frame held an ESC followed by neither ESC_END nor ESC_ESC; it was discarded up to its
     * END. Decoding goes on.
     */
    BAD_ESCAPE_DISCARDED,
    /**
     * A length prefix larger than the size limit. Fatal: the stream cannot be resynchronised, the
     * connection must be closed (the decoder consumes nothing more until {@code reset()}).
     */
    LENGTH_TOO_LARGE,
    /** A negative length prefix. Fatal, like {@link #LENGTH_TOO_LARGE}. */
    LENGTH_NEGATIVE;

    /** Whether the stream cannot go on after this event. */
    public boolean isFatal() {
        return this == LENGTH_TOO_LARGE || this == LENGTH_NEGATIVE;
    }
}
