package org.vernissage.sensors.osc;

import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscRejection;
import org.vernissage.osc.OscStreamFraming;
import org.vernissage.sensors.OpaqueCounters;
import org.vernissage.sensors.SourceCounters;

/**
 * Counters of one OSC stream input (an {@link OscTcpServer}): packets framed, packets rejected per
 * {@link OscRejection}, stream faults per {@link OscStreamFault}, and connections.
 *
 * <p>As {@link SourceCounters}, with the same meaning as for UDP ({@link OscStats}):
 * {@code received} counts the frames that were well formed (delivered packets, and the ones over
 * the size limit, which are also {@code dropped}); {@code rejected} the malformed ones, which are
 * not in {@code received} (content refused by {@link OscPacketReader}, SLIP escape errors,
 * negative length prefixes, packets cut off or never completed).
 *
 * <p>Single writer: only the server's thread counts, with package-private methods, so a plain
 * read-add-write is exact and opaque access is all a reader needs (no lock, CAS or allocation).
 * Any thread reads; counters are read one at a time, not as an atomic snapshot. Owned by the
 * server, which names it after the address it is bound to.
 */
public final class OscStreamStats implements SourceCounters {


    private static final int RECEIVED = 0;
    private static final int DROPPED = 1;
    private static final int REJECTED = 2;
    private static final int LAST_SEEN = 3;
    private static final int CONNECTIONS_ACCEPTED = 4;
    private static final int CONNECTIONS_OPEN = 5;
    private static final int FIRST_FRAMING = 6;
    private static final int FIRST_REJECTION = FIRST_FRAMING + OscStreamFraming.values().length;
    private static final int FIRST_FAULT = FIRST_REJECTION + OscRejection.values().length;
    private static final int COUNTERS = FIRST_FAULT + OscStreamFault.values().length;

    private final String protocol;
    private final String host;
    private final OpaqueCounters counters = new OpaqueCounters(COUNTERS);
    private volatile String source;

    /** @param protocol e.g. "tcp"; with the host and port it names the source for people */
    OscStreamStats(String protocol, String host, int port) {
        this.protocol = protocol;
        this.host = host;
        counters.set(LAST_SEEN, NEVER);
        boundTo(port);
    }

    // ---- readers: any thread ----------------------------------------------------------------

    /** E.g. {@code "OSC tcp 0.0.0.0:9001"}, with the bound port once the server has started. */
    @Override
    public String source() {
        return source;
    }

    @Override
    public long received() {
        return get(RECEIVED);
    }

    @Override
    public long dropped() {
        return get(DROPPED);
    }

    @Override
    public long rejected() {
        return get(REJECTED);
    }

    @Override
    public long lastSeenNanos() {
        return get(LAST_SEEN);
    }

    /** Packets whose content {@link OscPacketReader} refused for {@code reason}. */
    public long rejected(OscRejection reason) {
        return get(FIRST_REJECTION + reason.ordinal());
    }

    /** How often {@code fault} happened. */
    public long faults(OscStreamFault fault) {
        return get(FIRST_FAULT + fault.ordinal());
    }

    /** Connections accepted since start (refused ones not included). */
    public long connectionsAccepted() {
        return get(CONNECTIONS_ACCEPTED);
    }

    /** Connections open now. */
    public long connectionsOpen() {
        return get(CONNECTIONS_OPEN);
    }

    /**
     * Connections that sent data in {@code framing} (chosen from their first byte, or forced);
     * tells the operator what the peers speak. Always 0 for {@link OscStreamFraming#AUTO}.
     */
    public long connectionsFramed(OscStreamFraming framing) {
        return get(FIRST_FRAMING + framing.ordinal());
    }

    /** Connections refused because the connection limit was reached. */
    public long connectionsRefused() {
        return faults(OscStreamFault.CONNECTION_REFUSED);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source()).append(": received ").append(received())
                .append(", dropped ").append(dropped()).append(", rejected ").append(rejected())
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
        source = "OSC " + protocol + " " + host + ":" + port;
    }

    /** Bytes arrived at {@code nanos} (engine clock). */
    void heardAt(long nanos) {
        counters.set(LAST_SEEN, nanos);
    }

    /** A well-formed packet was delivered. */
    void frameReceived() {
        increment(RECEIVED);
    }

    void packetRejected(OscRejection reason) {
        increment(REJECTED);
        increment(FIRST_REJECTION + reason.ordinal());
    }

    void fault(OscStreamFault fault) {
        increment(FIRST_FAULT + fault.ordinal());
        switch (fault.total()) {
            case DROPPED -> {
                increment(RECEIVED); // well formed, not applied: in received, as for UDP
                increment(DROPPED);
            }
            case REJECTED -> increment(REJECTED);
            case NONE -> { }
        }
    }

    void framingChosen(OscStreamFraming framing) {
        increment(FIRST_FRAMING + framing.ordinal());
    }

    void connectionOpened() {
        increment(CONNECTIONS_ACCEPTED);
        increment(CONNECTIONS_OPEN);
    }

    void connectionClosed() {
        counters.add(CONNECTIONS_OPEN, -1);
    }

    private void increment(int index) {
        counters.add(index, 1);
    }

    private long get(int index) {
        return counters.get(index);
    }
}
