package org.vernissage.sensors.tuio;

/**
 * Why a well-formed TUIO message (or a whole frame of them) was not applied. LATE and DUPLICATE
 * are the network's doing (UDP reorders and repeats) and are expected in small numbers; the
 * OVERFLOW reasons mean the settings are too small for the installation; RING_FULL means the
 * engine cannot keep up.
 *
 * <p>Immutable; used by the receiving thread and read by whoever reports statistics.
 */
public enum TuioDropReason {
    /** The frame's number is older than the last one applied from its source. */
    LATE_FRAME,
    /** The frame (or one session's data in it) was already applied: a repeated datagram. */
    DUPLICATE_FRAME,
    /** The input ring refused the frame's batch. */
    RING_FULL,
    /** The source already has as many sessions as {@link TuioSettings#maxSessionsPerSource()}. */
    SESSION_OVERFLOW,
    /** {@link TuioSettings#maxSources()} other sources are active. */
    SOURCE_OVERFLOW,
    /** A valid TUIO 2 message this adapter does not map to touches (symbols, geometry, links). */
    IGNORED
}
