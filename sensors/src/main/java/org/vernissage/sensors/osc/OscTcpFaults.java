package org.vernissage.sensors.osc;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import org.vernissage.osc.OscRejection;
import org.vernissage.sensors.FirstOccurrenceLog;

/**
 * What went wrong on the OSC TCP server, counted every time and logged once per kind: stream
 * faults (a bad SLIP frame, a length prefix past the limit, timeouts, evictions, I/O errors),
 * packets the reader rejected, and a handler that threw. Each first message names the port, the
 * peer and the limit that was hit, so a technician can tell a misconfigured console (wrong framing)
 * from a flaky network; the message is built only then.
 *
 * <p>Owned by the {@link OscTcpServer}; called on its agent thread only, except {@link #port},
 * set by the wiring thread before that thread starts.
 */
final class OscTcpFaults {

    private final OscTcpServerConfig config;
    private final OscStreamStats stats;
    private final OscStats messages;
    private final Logger logger;
    private final FirstOccurrenceLog firstRejections;
    private final FirstOccurrenceLog firstFaults;
    private volatile int port;

    OscTcpFaults(OscTcpServerConfig config, OscStreamStats stats, OscStats messages, Logger logger) {
        this.config = config;
        this.stats = stats;
        this.messages = messages;
        this.logger = logger;
        this.firstRejections = new FirstOccurrenceLog(logger, OscRejection.values().length);
        this.firstFaults = new FirstOccurrenceLog(logger, OscStreamFault.values().length);
    }

    /** Wiring thread, once bound: the port the messages name. */
    void port(int bound) {
        this.port = bound;
    }

    /** A fault on the stream from {@code peer}; {@code size} is what the fault's message needs (bytes, ms). */
    void fault(OscStreamFault fault, SocketAddress peer, long size) {
        evicted(fault, peer, size, null);
    }

    /** As {@link #fault}; {@code newcomer} is who the slot was freed for ({@link OscStreamFault#EVICTED}). */
    void evicted(OscStreamFault fault, SocketAddress peer, long size, SocketAddress newcomer) {
        stats.fault(fault);
        if (firstFaults.first(fault)) {
            firstFaults.warn("OSC TCP port " + port + ": " + fault + " from " + peer + ": "
                    + describe(fault, size, newcomer) + "; further " + fault + " are only counted");
        }
    }

    /** The reader refused a packet from {@code peer} at byte {@code offset}. */
    void rejected(OscRejection reason, int offset, SocketAddress peer) {
        messages.packetRejected(reason); // on the messages' line only: the frame itself was whole
        if (firstRejections.first(reason)) {
            firstRejections.warn("OSC TCP port " + port + ": rejected a packet from " + peer
                    + ": " + reason + " at byte " + offset
                    + "; further " + reason + " packets are only counted");
        }
    }

    /** The handler threw on a packet from {@code peer}: a bug, logged with its stack trace once. */
    void handlerFailed(SocketAddress peer, RuntimeException bug) {
        stats.fault(OscStreamFault.HANDLER_FAILED);
        if (firstFaults.first(OscStreamFault.HANDLER_FAILED)) {
            logger.log(Level.ERROR, "OSC TCP port " + port + ": a packet from " + peer
                    + " broke its handler; further failures are only counted", bug);
        }
    }

    /** A socket operation failed ({@code doing}: "accepting a connection", ...). */
    void ioError(String doing, IOException e) {
        stats.fault(OscStreamFault.IO_ERROR);
        if (firstFaults.first(OscStreamFault.IO_ERROR)) {
            firstFaults.warn("OSC TCP port " + port + ": " + doing + " failed: " + e.getMessage()
                    + "; further I/O errors are only counted");
        }
    }

    private String describe(OscStreamFault fault, long size, SocketAddress newcomer) {
        return switch (fault) {
            case OVERSIZE_FRAME -> "a SLIP frame of at least " + size + " bytes, over the "
                    + config.maxPacketBytes() + "-byte limit, was discarded";
            case BAD_ESCAPE -> "a SLIP frame with ESC followed by neither ESC_END nor ESC_ESC"
                    + " was discarded";
            case CUT_OFF -> "the connection ended in the middle of a packet";
            case CONNECTION_REFUSED -> "already " + config.maxConnections() + " connections open, the limit";
            case LENGTH_TOO_LARGE, LENGTH_NEGATIVE -> "closed the connection: its length prefix says " + size
                    + " bytes, the limit is " + config.maxPacketBytes() + " (is the sender using another framing?)";
            case IDLE_TIMEOUT -> "closed the connection: nothing received for "
                    + config.idleTimeout().toMillis() + " ms (the idle timeout)";
            case INCOMPLETE_TIMEOUT -> "closed the connection: a packet was started and not completed within "
                    + config.packetTimeout().toMillis() + " ms (the packet timeout)";
            case EVICTED -> "closed the connection, quiet for " + size + " ms, to make room for " + newcomer
                    + " (all " + config.maxConnections() + " connection slots were taken)";
            default -> fault.name();
        };
    }
}
