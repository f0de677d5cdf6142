package org.vernissage.sensors.osc;

import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscStreamFraming;
import org.vernissage.sensors.AbstractSourceStats;
import org.vernissage.sensors.EnumCounters;
import org.vernissage.sensors.SourceCounters;

/**
 * Counters of one OSC stream input (an {@link OscTcpServer}) as a stream: frames, stream faults
 * per {@link OscStreamFault}, and connections. What the frames hold is the messages' business: a
 * frame whose content {@link OscPacketReader} refuses is counted once, as a rejected packet of the
 * endpoint's {@link OscStats} (the same line as a UDP port's), not here too, so that a run's totals
 * count each refused packet once.
 *
 * <p>As {@link SourceCounters}: {@code received} counts the frames the stream delivered whole
 * (whatever their content, and the ones over the size limit, which are also {@code dropped});
 * {@code rejected} the frames the stream itself broke (SLIP escape errors, negative or too large
 * length prefixes, packets cut off or never completed), which are not in {@code received}.
 *
 * <p>Single writer: only the server's thread counts, with package-private methods; any thread
 * reads, each counter on its own (see {@link EnumCounters}). Owned by the server, which names it
 * after the address it is bound to.
 */
public final class OscStreamStats extends AbstractSourceStats {

    /** Connection counts beside the {@link SourceCounters} totals. */
    private enum Count { CONNECTIONS_ACCEPTED, CONNECTIONS_OPEN }

    private final String protocol;
    private final String host;
    private final EnumCounters<Count> counts = new EnumCounters<>(Count.class);
    private final EnumCounters<OscStreamFraming> framings = new EnumCounters<>(OscStreamFraming.class);
    private final EnumCounters<OscStreamFault> faultCounts = new EnumCounters<>(OscStreamFault.class);

    /** @param protocol e.g. "tcp"; with the host and port it names the source for people */
    OscStreamStats(String protocol, String host, int port) {
        super(name(protocol, host, port));
        this.protocol = protocol;
        this.host = host;
    }

    // ---- readers: any thread ----------------------------------------------------------------

    /** How often {@code fault} happened. */
    public long faults(OscStreamFault fault) {
        return faultCounts.get(fault);
    }

    /** Connections accepted since start (refused ones not included). */
    public long connectionsAccepted() {
        return counts.get(Count.CONNECTIONS_ACCEPTED);
    }

    /** Connections open now. */
    public long connectionsOpen() {
        return counts.get(Count.CONNECTIONS_OPEN);
    }

    /**
     * Connections that sent data in {@code framing} (chosen from their first byte, or forced);
     * tells the operator what the peers speak. Always 0 for {@link OscStreamFraming#AUTO}.
     */
    public long connectionsFramed(OscStreamFraming framing) {
        return framings.get(framing);
    }

    /** Connections refused because the connection limit was reached. */
    public long connectionsRefused() {
        return faults(OscStreamFault.CONNECTION_REFUSED);
    }

    /** E.g. {@code "OSC tcp 0.0.0.0:9001: received ..."}, with the bound port once started. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(super.toString())
                .append(", connections open ").append(connectionsOpen())
                .append(", accepted ").append(connectionsAccepted())
                .append(" (SLIP ").append(connectionsFramed(OscStreamFraming.SLIP))
                .append(", length-prefixed ").append(connectionsFramed(OscStreamFraming.LENGTH_PREFIX))
                .append(')');
        for (OscStreamFault fault : OscStreamFault.values()) {
            long count = faults(fault);
            if (count > 0) {
                text.append(", ").append(fault).append(' ').append(count);
            }
        }
        return text.toString();
    }

    // ---- writers: the server's thread only (boundTo: the starting thread, before it runs) ---

    void boundTo(int port) {
        renameSource(name(protocol, host, port));
    }

    /** Bytes arrived at {@code nanos} (engine clock). */
    void heardAt(long nanos) {
        seenAt(nanos);
    }

    /** A whole frame was delivered to the reader (which may still refuse its content). */
    void frameReceived() {
        addReceived(1);
    }

    void fault(OscStreamFault fault) {
        faultCounts.increment(fault);
        switch (fault.total()) {
            case DROPPED -> {
                addReceived(1); // well formed, not applied: in received, as for UDP
                addDropped(1);
            }
            case REJECTED -> addRejected(1);
            case NONE -> { }
        }
    }

    void framingChosen(OscStreamFraming framing) {
        framings.increment(framing);
    }

    void connectionOpened() {
        counts.increment(Count.CONNECTIONS_ACCEPTED);
        counts.increment(Count.CONNECTIONS_OPEN);
    }

    void connectionClosed() {
        counts.add(Count.CONNECTIONS_OPEN, -1);
    }

    /** E.g. {@code "OSC tcp 0.0.0.0:9001"}. */
    private static String name(String protocol, String host, int port) {
        return "OSC " + protocol + " " + host + ":" + port;
    }
}
