package org.vernissage.sensors.tuio;

import org.vernissage.sensors.OpaqueCounters;
import org.vernissage.sensors.SourceCounters;
import org.vernissage.sensors.SourceStats;

/**
 * The counters of one TUIO receiver, named like {@code "TUIO udp 0.0.0.0:3333"}.
 *
 * <p>The unit is the OSC message: every message received ends in exactly one of applied,
 * dropped or rejected once its datagram has been read (a frame's messages wait for its fseq or
 * alv, which ends the frame inside the same datagram). So after every datagram
 * {@code received() == applied() + droppedMessages() + rejected()}. A datagram that is not OSC
 * at all counts as one message, received and rejected. {@link #dropped()} adds the keepalive
 * batches the ring refused, which are not messages.
 *
 * <p>Single writer: only the receiving thread counts (a plain add then an opaque store is exact),
 * any thread reads. Owned by the {@link TuioDecoder} that counts into it.
 */
public final class TuioStats implements SourceCounters {

    private static final TuioRejection[] REJECTIONS = TuioRejection.values();
    private static final TuioDropReason[] DROPS = TuioDropReason.values();

    // Indexes into totals.
    private static final int APPLIED = 0;
    private static final int DROPPED_MESSAGES = 1;
    private static final int FRAMES_APPLIED = 2;
    private static final int FRAMES_DROPPED = 3;
    private static final int KEEPALIVES_SENT = 4;
    private static final int KEEPALIVES_REFUSED = 5;
    private static final int SOURCES_SEEN = 6;
    private static final int SOURCES_FORGOTTEN = 7;
    private static final int TOUCH_EVENTS = 8;

    private final SourceStats base;
    private final OpaqueCounters totals = new OpaqueCounters(9);
    private final OpaqueCounters rejections = new OpaqueCounters(REJECTIONS.length);
    private final OpaqueCounters drops = new OpaqueCounters(DROPS.length);

    public TuioStats(String source) {
        this.base = new SourceStats(source);
    }

    // ---- SourceCounters ---------------------------------------------------------------------

    @Override
    public String source() {
        return base.source();
    }

    /** OSC messages received (a non-OSC datagram counts as one). */
    @Override
    public long received() {
        return base.received();
    }

    /** Dropped messages plus refused keepalive batches. */
    @Override
    public long dropped() {
        return base.dropped();
    }

    @Override
    public long rejected() {
        return base.rejected();
    }

    @Override
    public long lastSeenNanos() {
        return base.lastSeenNanos();
    }

    // ---- detail -----------------------------------------------------------------------------

    /** Messages that became part of a frame published to the engine. */
    public long applied() {
        return totals.get(APPLIED);
    }

    /** Well-formed messages not applied (late, duplicate, overflow, ring full, ignored). */
    public long droppedMessages() {
        return totals.get(DROPPED_MESSAGES);
    }

    public long rejected(TuioRejection reason) {
        return rejections.get(reason.ordinal());
    }

    /** Messages dropped for {@code reason}. */
    public long dropped(TuioDropReason reason) {
        return drops.get(reason.ordinal());
    }

    /** Frames published to the engine (including split-frame continuations). */
    public long framesApplied() {
        return totals.get(FRAMES_APPLIED);
    }

    /** Whole frames dropped: late, duplicate, ring full, source overflow. */
    public long framesDropped() {
        return totals.get(FRAMES_DROPPED);
    }

    /** Batches that re-sent unchanged points so the conductor keeps them. */
    public long keepalivesSent() {
        return totals.get(KEEPALIVES_SENT);
    }

    public long keepalivesRefused() {
        return totals.get(KEEPALIVES_REFUSED);
    }

    /** Sources registered (a forgotten source heard again is not counted again). */
    public long sourcesSeen() {
        return totals.get(SOURCES_SEEN);
    }

    /** Times a source fell silent long enough to be forgotten. */
    public long sourcesForgotten() {
        return totals.get(SOURCES_FORGOTTEN);
    }

    /** Touch events (ADDED, UPDATED, REMOVED) the engine accepted, keepalives included. */
    public long touchEvents() {
        return totals.get(TOUCH_EVENTS);
    }

    /** Whether every message received is accounted for once (true between datagrams). */
    public boolean countersAddUp() {
        return received() == applied() + droppedMessages() + rejected();
    }

    @Override
    public String toString() {
        return base + ", applied " + applied() + ", frames " + framesApplied() + " (dropped "
                + framesDropped() + "), keepalives " + keepalivesSent();
    }

    // ---- writer (receiving thread) ----------------------------------------------------------

    void messageReceived(long nanos) {
        base.countReceived(nanos);
    }

    void applied(int messages) {
        totals.add(APPLIED, messages);
    }

    void rejected(TuioRejection reason, int messages) {
        rejections.add(reason.ordinal(), messages);
        for (int i = 0; i < messages; i++) {
            base.countRejected();
        }
    }

    void dropped(TuioDropReason reason, int messages) {
        drops.add(reason.ordinal(), messages);
        totals.add(DROPPED_MESSAGES, messages);
        for (int i = 0; i < messages; i++) {
            base.countDropped();
        }
    }

    void frameApplied(int touchEvents) {
        totals.add(FRAMES_APPLIED, 1);
        totals.add(TOUCH_EVENTS, touchEvents);
    }

    void frameDropped() {
        totals.add(FRAMES_DROPPED, 1);
    }

    void keepaliveSent(int touchEvents) {
        totals.add(KEEPALIVES_SENT, 1);
        totals.add(TOUCH_EVENTS, touchEvents);
    }

    void keepaliveRefused() {
        totals.add(KEEPALIVES_REFUSED, 1);
        base.countDropped();
    }

    void sourceSeen() {
        totals.add(SOURCES_SEEN, 1);
    }

    void sourceForgotten() {
        totals.add(SOURCES_FORGOTTEN, 1);
    }
}
