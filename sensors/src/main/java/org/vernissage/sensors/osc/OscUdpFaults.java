package org.vernissage.sensors.osc;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.vernissage.engine.agent.DatagramReads;
import org.vernissage.osc.OscRejection;
import org.vernissage.sensors.FirstOccurrenceLog;

/**
 * What went wrong with a datagram on an OSC UDP port, counted every time in {@link OscStats} and
 * logged once per kind: packets the reader rejected (per reason), and a handler that threw (with
 * its stack trace). The UDP counterpart of {@link OscTcpFaults}. Each first message names the
 * source and the sender, decoded only then: counting allocates nothing.
 *
 * <p>Owned by the {@link OscUdpReceiver}; called on its agent's thread only.
 */
final class OscUdpFaults {

    private final OscStats stats;
    private final Logger logger;
    private final FirstOccurrenceLog firstRejections;
    private boolean handlerFailureLogged;

    OscUdpFaults(OscStats stats, Logger logger) {
        this.stats = stats;
        this.logger = logger;
        this.firstRejections = new FirstOccurrenceLog(logger, OscRejection.values().length);
    }

    /** The reader (or the kernel, cutting it) refused the datagram just read from {@code from}, at byte {@code offset}. */
    void rejected(OscRejection reason, int offset, DatagramReads from) {
        stats.packetRejected(reason);
        if (firstRejections.first(reason)) {
            firstRejections.warn(stats.source() + ": rejected a packet from " + from.sender()
                    + ": " + reason + " at byte " + offset
                    + "; further " + reason + " packets are only counted");
        }
    }

    /** The handler threw on the datagram just read from {@code from}: a bug, logged with its stack trace once. */
    void handlerFailed(DatagramReads from, RuntimeException bug) {
        stats.handlerFailure();
        if (!handlerFailureLogged) {
            handlerFailureLogged = true;
            logger.log(Level.ERROR, stats.source() + ": an OSC packet from " + from.sender() + " broke its handler"
                    + "; further failures are only counted", bug);
        }
    }
}
