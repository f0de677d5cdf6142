package org.vernissage.sensors.phone;

import org.vernissage.sensors.AbstractSourceStats;
import org.vernissage.sensors.EnumCounters;
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
 * source name); any thread reads, each counter on its own (see {@link EnumCounters}). Owned by the
 * {@link PhoneServer}.
 */
public final class PhoneStats extends AbstractSourceStats {

    /** Counts and gauges of the audience beside the {@link SourceCounters} totals. */
    private enum Count {
        PARTICIPANTS, JOINED, REFUSED, CONNECTIONS_REFUSED, PAGES_SERVED, NOT_FOUND, TOUCHES_IGNORED,
        CONNECTIONS_OPEN, PENDING_OUTBOUND_PEAK
    }

    private final EnumCounters<Count> counts = new EnumCounters<>(Count.class);
    private final EnumCounters<PhoneDrop> drops = new EnumCounters<>(PhoneDrop.class);
    private final EnumCounters<PhoneRejection> rejections = new EnumCounters<>(PhoneRejection.class);
    private final EnumCounters<PhoneDisconnect> disconnects = new EnumCounters<>(PhoneDisconnect.class);

    public PhoneStats(String source) {
        super(source);
    }

    /** Messages dropped for {@code reason}. */
    public long dropped(PhoneDrop reason) {
        return drops.get(reason);
    }

    /** Messages rejected for {@code reason}. */
    public long rejected(PhoneRejection reason) {
        return rejections.get(reason);
    }

    /** Phones connected now. */
    public long participantsConnected() {
        return counts.get(Count.PARTICIPANTS);
    }

    /** Phones that joined since start. */
    public long participantsJoined() {
        return counts.get(Count.JOINED);
    }

    /** Phones told "full" and closed because {@link PhoneServerSettings#maxParticipants()} were in. */
    public long participantsRefused() {
        return counts.get(Count.REFUSED);
    }

    /** TCP connections closed unanswered because {@link PhoneServerSettings#maxConnections()} were open. */
    public long connectionsRefused() {
        return counts.get(Count.CONNECTIONS_REFUSED);
    }

    /** Times the page was served. */
    public long pagesServed() {
        return counts.get(Count.PAGES_SERVED);
    }

    /** HTTP requests refused: another path (404), another method (405), an unreadable request (400). */
    public long notFound() {
        return counts.get(Count.NOT_FOUND);
    }

    /** Fingers beyond {@link PhoneServerSettings#maxTouchesPerPhone()}, counted once per message. */
    public long touchesIgnored() {
        return counts.get(Count.TOUCHES_IGNORED);
    }

    /** Connections the server closed (or places it refused) on its own for {@code reason}. */
    public long disconnected(PhoneDisconnect reason) {
        return disconnects.get(reason);
    }

    /** TCP connections open now: participants, page loads, handshakes in progress. */
    public long connectionsOpen() {
        return counts.get(Count.CONNECTIONS_OPEN);
    }

    /**
     * The most bytes the server ever had queued for one client and not yet handed to the socket,
     * seen at each write: at most {@link PhoneServerSettings#maxPendingOutboundBytes()} plus one
     * write, since a client that lets it pass that is closed.
     */
    public long pendingOutboundPeakBytes() {
        return counts.get(Count.PENDING_OUTBOUND_PEAK);
    }

    @Override
    public String toString() {
        return super.toString() + ", participants " + participantsConnected() + " (refused "
                + participantsRefused() + ")";
    }

    // ---- writers: the phones' event loop only (rename: the wiring thread, in start()) -----------

    /** Renames the source once the bound port is known. Wiring thread, in {@code start()}. */
    void rename(String newSource) {
        renameSource(newSource);
    }

    void countReceived(long nanos) {
        addReceived(1);
        seenAt(nanos);
    }

    void countDropped(PhoneDrop reason) {
        addDropped(1);
        drops.increment(reason);
    }

    void countRejected(PhoneRejection reason) {
        addRejected(1);
        rejections.increment(reason);
    }

    void countJoined() {
        counts.increment(Count.JOINED);
        counts.increment(Count.PARTICIPANTS);
    }

    void countLeft() {
        counts.add(Count.PARTICIPANTS, -1);
    }

    void countRefused() {
        counts.increment(Count.REFUSED);
    }

    void countConnectionRefused() {
        counts.increment(Count.CONNECTIONS_REFUSED);
    }

    void countPageServed() {
        counts.increment(Count.PAGES_SERVED);
    }

    void countNotFound() {
        counts.increment(Count.NOT_FOUND);
    }

    void countTouchesIgnored(int touches) {
        counts.add(Count.TOUCHES_IGNORED, touches);
    }

    void countDisconnect(PhoneDisconnect reason) {
        disconnects.increment(reason);
    }

    void countConnectionOpened() {
        counts.increment(Count.CONNECTIONS_OPEN);
    }

    void countConnectionClosed() {
        counts.add(Count.CONNECTIONS_OPEN, -1);
    }

    void notePendingOutbound(long bytes) {
        if (bytes > counts.get(Count.PENDING_OUTBOUND_PEAK)) {
            counts.set(Count.PENDING_OUTBOUND_PEAK, bytes);
        }
    }
}
