package org.vernissage.sensors.tuio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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

    private static final VarHandle COUNTER = MethodHandles.arrayElementVarHandle(long[].class);
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
    private final long[] totals = new long[9];
    private final long[] rejections = new long[REJECTIONS.length];
    private final long[] drops = new long[DROPS.length];

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
        return get(totals, APPLIED);
    }

    /** Well-formed messages not applied (late, duplicate, overflow, ring full, ignored). */
    public long droppedMessages() {
        return get(totals, DROPPED_MESSAGES);
    }

    public long rejected(TuioRejection reason) {
        return get(rejections, reason.ordinal());
    }

    /** Messages dropped for {@code reason}. */
    public long dropped(TuioDropReason reason) {
        return get(drops, reason.ordinal());
    }

    /** Frames published to the engine (including split-frame continuations). */
    public long framesApplied() {
        return get(totals, FRAMES_APPLIED);
    }

    /** Whole frames dropped: late, duplicate, ring full, source overflow. */
    public long framesDropped() {
        return get(totals, FRAMES_DROPPED);
    }

    /** Batches that re-sent unchanged points so the conductor keeps them. */
    public long keepalivesSent() {
        return get(totals, KEEPALIVES_SENT);
    }

    public long keepalivesRefused() {
        return get(totals, KEEPALIVES_REFUSED);
    }

    /** Sources registered (a forgotten source heard again is not counted again). */
    public long sourcesSeen() {
        return get(totals, SOURCES_SEEN);
    }

    /** Times a source fell silent long enough to be forgotten. */
    public long sourcesForgotten() {
        return get(totals, SOURCES_FORGOTTEN);
    }

    /** Touch events (ADDED, UPDATED, REMOVED) the engine accepted, keepalives included. */
    public long touchEvents() {
        return get(totals, TOUCH_EVENTS);
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
        add(totals, APPLIED, messages);
    }

    void rejected(TuioRejection reason, int messages) {
        add(rejections, reason.ordinal(), messages);
        for (int i = 0; i < messages; i++) {
            base.countRejected();
        }
    }

    void dropped(TuioDropReason reason, int messages) {
        add(drops, reason.ordinal(), messages);
        add(totals, DROPPED_MESSAGES, messages);
        for (int i = 0; i < messages; i++) {
            base.countDropped();
        }
    }

    void frameApplied(int touchEvents) {
        add(totals, FRAMES_APPLIED, 1);
        add(totals, TOUCH_EVENTS, touchEvents);
    }

    void frameDropped() {
        add(totals, FRAMES_DROPPED, 1);
    }

    void keepaliveSent(int touchEvents) {
        add(totals, KEEPALIVES_SENT, 1);
        add(totals, TOUCH_EVENTS, touchEvents);
    }

    void keepaliveRefused() {
        add(totals, KEEPALIVES_REFUSED, 1);
        base.countDropped();
    }

    void sourceSeen() {
        add(totals, SOURCES_SEEN, 1);
    }

    void sourceForgotten() {
        add(totals, SOURCES_FORGOTTEN, 1);
    }

    private static void add(long[] counters, int index, long n) {
        COUNTER.setOpaque(counters, index, counters[index] + n);
    }

    private static long get(long[] counters, int index) {
        return (long) COUNTER.getOpaque(counters, index);
    }
}
