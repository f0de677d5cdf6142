package org.vernissage.sensors.tuio;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.net.SocketAddress;
import org.vernissage.osc.OscMessageView;
import org.vernissage.osc.OscRejection;
import org.vernissage.sensors.FirstOccurrenceLog;

/**
 * Counts every refused or dropped TUIO message into {@link TuioStats} and logs the first of each
 * reason with the address, the sender and what was expected; after that a reason is only
 * counted, so a misconfigured tracker sending 60 bad frames a second costs no log and no String.
 * Every text is built only inside the first-occurrence branch.
 *
 * <p>Sources appearing and falling silent are logged too, but only the first
 * {@value #SOURCE_CHANGES_LOGGED} changes at INFO: under churn (trackers, or a visitor's spoofed
 * sources, coming and going all day) one line per change would be hundreds of thousands of lines.
 * After those, one line says so, and later changes are only counted (sources seen and forgotten,
 * in {@link TuioStats}) and logged at DEBUG.
 *
 * <p>Owned by one {@link TuioDecoder}; receiving thread only.
 */
final class TuioInputLog {

    private final String name;
    private final TuioStats stats;
    private final Logger logger;
    private final FirstOccurrenceLog firstRejections;
    private final FirstOccurrenceLog firstDrops;
    private int sourceChangesLogged;

    /** Source changes logged at INFO before they are only counted (and logged at DEBUG). */
    static final int SOURCE_CHANGES_LOGGED = 10;

    TuioInputLog(TuioStats stats, Logger logger) {
        this.name = stats.source();
        this.stats = stats;
        this.logger = logger;
        this.firstRejections = new FirstOccurrenceLog(logger, TuioRejection.values().length);
        this.firstDrops = new FirstOccurrenceLog(logger, TuioDropReason.values().length);
    }

    /** One malformed message, while its view is valid. */
    void reject(TuioRejection reason, OscMessageView view, SocketAddress sender, String expected) {
        stats.rejected(reason, 1);
        if (firstRejections.first(reason)) {
            firstRejections.warn(name + ": rejected " + TuioArguments.describe(view) + " from " + sender
                    + ": " + reason + ", expected " + expected + further(reason));
        }
    }

    /** A datagram that is not valid OSC: {@code why} at byte {@code offset}. */
    void rejectMalformed(SocketAddress sender, OscRejection why, int offset) {
        stats.rejected(TuioRejection.MALFORMED_OSC, 1);
        if (firstRejections.first(TuioRejection.MALFORMED_OSC)) {
            firstRejections.warn(name + ": rejected a datagram from " + sender + ": MALFORMED_OSC (" + why
                    + " at byte " + offset + "), expected an OSC bundle of TUIO messages"
                    + further(TuioRejection.MALFORMED_OSC));
        }
    }

    /** A datagram the receive buffer cut to {@code length} bytes. */
    void rejectTruncated(SocketAddress sender, int length) {
        stats.rejected(TuioRejection.TRUNCATED_DATAGRAM, 1);
        if (firstRejections.first(TuioRejection.TRUNCATED_DATAGRAM)) {
            firstRejections.warn(name + ": rejected a datagram from " + sender + ": TRUNCATED_DATAGRAM (at least "
                    + length + " bytes), expected TUIO bundles that fit one datagram"
                    + further(TuioRejection.TRUNCATED_DATAGRAM));
        }
    }

    /** Every message of a frame that cannot be applied as a whole. */
    void rejectFrame(TuioRejection reason, StagedFrame frame, SocketAddress sender, String expected) {
        stats.rejected(reason, frame.messages());
        if (firstRejections.first(reason)) {
            firstRejections.warn(name + ": rejected a " + frame.label + " frame of " + frame.messages()
                    + " messages from " + sender + ": " + reason + ", expected " + expected + further(reason));
        }
    }

    /** The messages that set {@code session}, which the frame's alive list does not hold. */
    void rejectNotAlive(int messages, StagedFrame frame, SocketAddress sender, long session) {
        stats.rejected(TuioRejection.NOT_ALIVE, messages);
        if (firstRejections.first(TuioRejection.NOT_ALIVE)) {
            firstRejections.warn(name + ": rejected a " + frame.label + " set for session " + session
                    + " from " + sender + ": NOT_ALIVE, expected every set session in the frame's alive list"
                    + further(TuioRejection.NOT_ALIVE));
        }
    }

    /** Well-formed messages not applied; {@code what} says which frame or session. */
    void drop(TuioDropReason reason, int messages, String label, SocketAddress sender, long number) {
        stats.dropped(reason, messages);
        if (firstDrops.first(reason)) {
            firstDrops.warn(name + ": dropped " + messages + " " + label + " message(s) from " + sender
                    + " (frame or session " + number + "): " + reason + explain(reason)
                    + "; further " + reason + " drops are only counted");
        }
    }

    /** A keepalive batch the ring refused. */
    void keepaliveRefused() {
        stats.keepaliveRefused();
        if (firstDrops.first(TuioDropReason.RING_FULL)) {
            firstDrops.warn(name + ": the input ring refused a keepalive batch: RING_FULL"
                    + explain(TuioDropReason.RING_FULL) + "; further RING_FULL drops are only counted");
        }
    }

    /** A source appeared or fell silent: one INFO line for the first few, then DEBUG only. */
    void info(String message) {
        if (sourceChangesLogged < SOURCE_CHANGES_LOGGED) {
            sourceChangesLogged++;
            String further = sourceChangesLogged < SOURCE_CHANGES_LOGGED ? ""
                    : "; further TUIO source changes are only counted (sources seen and forgotten)";
            logger.log(Level.INFO, name + ": " + message + further);
        } else {
            logger.log(Level.DEBUG, name + ": " + message);
        }
    }

    private static String further(TuioRejection reason) {
        return "; further " + reason + " messages are only counted";
    }

    private static String explain(TuioDropReason reason) {
        return switch (reason) {
            case LATE_FRAME -> " (older than the last frame applied from that source: UDP reordered it)";
            case DUPLICATE_FRAME -> " (already applied: a repeated datagram)";
            case RING_FULL -> " (the engine is not keeping up)";
            case SESSION_OVERFLOW -> " (more touch points than maxSessionsPerSource)";
            case SOURCE_OVERFLOW -> " (more active TUIO sources than maxSources)";
            case IGNORED -> " (a TUIO 2 message that does not describe a pointer, token or bounds)";
        };
    }
}
