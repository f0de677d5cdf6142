package org.vernissage.sensors.phone;

import org.vernissage.sensors.OpaqueCounters;
import org.vernissage.sensors.SourceCounters;

/**
 * The counters of the audience phones' server: the common {@link SourceCounters} (a received
 * message is one WebSocket frame from a phone; dropped: over a limit or refused by a full ring;
 * rejected: malformed) with a count per reason, and the audience itself: participants connected
 * now, joined so far, refused because the room was full; connections open now and those the server
 * closed on its own, per {@link PhoneDisconnect} reason; the most bytes ever queued for one client.
 * Counts only: nothing that could tell who a participant is.
 *
 * <p>Single writer: the phones' event loop thread (and the wiring thread before start, for the
 * source name). Plain read-add-write with opaque stores, as {@code SourceStats} does; any thread
 * reads, each counter on its own. Owned by the {@link PhoneServer}.
 */
public final class PhoneStats implements SourceCounters {

    private static final int RECEIVED = 0;
    private static final int DROPPED = 1;
    private static final int REJECTED = 2;
    private static final int LAST_SEEN = 3;
    private static final int PARTICIPANTS = 4;
    private static final int JOINED = 5;
    private static final int REFUSED = 6;
    private static final int CONNECTIONS_REFUSED = 7;
    private static final int PAGES_SERVED = 8;
    private static final int NOT_FOUND = 9;
    private static final int TOUCHES_IGNORED = 10;
    private static final int CONNECTIONS_OPEN = 11;
    private static final int PENDING_OUTBOUND_PEAK = 12;
    private static final int PER_DROP = 13;
    private static final int PER_REJECTION = PER_DROP + PhoneDrop.values().length;
    private static final int PER_DISCONNECT = PER_REJECTION + PhoneRejection.values().length;
    private static final int SIZE = PER_DISCONNECT + PhoneDisconnect.values().length;

    private final OpaqueCounters counters = new OpaqueCounters(SIZE);
    private volatile String source;

    public PhoneStats(String source) {
        this.source = source;
        counters.set(LAST_SEEN, NEVER);
    }

    @Override
    public String source() {
        return source;
    }

    /** Renames the source once the bound port is known. Wiring thread, in {@code start()}. */
    void rename(String newSource) {
        this.source = newSource;
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

    /** Messages dropped for {@code reason}. */
    public long dropped(PhoneDrop reason) {
        return get(PER_DROP + reason.ordinal());
    }

    /** Messages rejected for {@code reason}. */
    public long rejected(PhoneRejection reason) {
        return get(PER_REJECTION + reason.ordinal());
    }

    /** Phones connected now. */
    public long participantsConnected() {
        return get(PARTICIPANTS);
    }

    /** Phones that joined since start. */
    public long participantsJoined() {
        return get(JOINED);
    }

    /** Phones told "full" and closed because {@link PhoneServerSettings#maxParticipants()} were in. */
    public long participantsRefused() {
        return get(REFUSED);
    }

    /** TCP connections closed unanswered because {@link PhoneServerSettings#maxConnections()} were open. */
    public long connectionsRefused() {
        return get(CONNECTIONS_REFUSED);
    }

    /** Times the page was served. */
    public long pagesServed() {
        return get(PAGES_SERVED);
    }

    /** HTTP requests refused: another path (404), another method (405), an unreadable request (400). */
    public long notFound() {
        return get(NOT_FOUND);
    }

    /** Fingers beyond {@link PhoneServerSettings#maxTouchesPerPhone()}, counted once per message. */
    public long touchesIgnored() {
        return get(TOUCHES_IGNORED);
    }

    /** Connections the server closed (or places it refused) on its own for {@code reason}. */
    public long disconnected(PhoneDisconnect reason) {
        return get(PER_DISCONNECT + reason.ordinal());
    }

    /** TCP connections open now: participants, page loads, handshakes in progress. */
    public long connectionsOpen() {
        return get(CONNECTIONS_OPEN);
    }

    /**
     * The most bytes the server ever had queued for one client and not yet handed to the socket,
     * seen at each write: at most {@link PhoneServerSettings#maxPendingOutboundBytes()} plus one
     * write, since a client that lets it pass that is closed.
     */
    public long pendingOutboundPeakBytes() {
        return get(PENDING_OUTBOUND_PEAK);
    }

    @Override
    public String toString() {
        return source + ": received " + received() + ", dropped " + dropped() + ", rejected " + rejected()
                + ", participants " + participantsConnected() + " (refused " + participantsRefused() + ")";
    }

    // ---- writers: the phones' event loop only ---------------------------------------------------

    void countReceived(long nanos) {
        add(RECEIVED, 1);
        counters.set(LAST_SEEN, nanos);
    }

    void countDropped(PhoneDrop reason) {
        add(DROPPED, 1);
        add(PER_DROP + reason.ordinal(), 1);
    }

    void countRejected(PhoneRejection reason) {
        add(REJECTED, 1);
        add(PER_REJECTION + reason.ordinal(), 1);
    }

    void countJoined() {
        add(JOINED, 1);
        add(PARTICIPANTS, 1);
    }

    void countLeft() {
        add(PARTICIPANTS, -1);
    }

    void countRefused() {
        add(REFUSED, 1);
    }

    void countConnectionRefused() {
        add(CONNECTIONS_REFUSED, 1);
    }

    void countPageServed() {
        add(PAGES_SERVED, 1);
    }

    void countNotFound() {
        add(NOT_FOUND, 1);
    }

    void countTouchesIgnored(int touches) {
        add(TOUCHES_IGNORED, touches);
    }

    void countDisconnect(PhoneDisconnect reason) {
        add(PER_DISCONNECT + reason.ordinal(), 1);
    }

    void countConnectionOpened() {
        add(CONNECTIONS_OPEN, 1);
    }

    void countConnectionClosed() {
        add(CONNECTIONS_OPEN, -1);
    }

    void notePendingOutbound(long bytes) {
        if (bytes > get(PENDING_OUTBOUND_PEAK)) {
            counters.set(PENDING_OUTBOUND_PEAK, bytes);
        }
    }

    private void add(int index, long n) {
        counters.add(index, n);
    }

    private long get(int index) {
        return counters.get(index);
    }
}
