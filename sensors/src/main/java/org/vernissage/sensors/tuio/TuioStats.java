package org.vernissage.sensors.tuio;

import org.vernissage.sensors.AbstractSourceStats;
import org.vernissage.sensors.EnumCounters;

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
 * <p>Single writer: only the receiving thread counts; any thread reads, each counter on its own
 * (see {@link EnumCounters}). Owned by the {@link TuioDecoder} that counts into it.
 */
public final class TuioStats extends AbstractSourceStats {

    /** Counts of this receiver beside the {@link org.vernissage.sensors.SourceCounters} totals. */
    private enum Count {
        APPLIED, DROPPED_MESSAGES, FRAMES_APPLIED, FRAMES_DROPPED, KEEPALIVES_SENT, KEEPALIVES_REFUSED,
        SOURCES_SEEN, SOURCES_FORGOTTEN, TOUCH_EVENTS
    }

    private final EnumCounters<Count> counts = new EnumCounters<>(Count.class);
    private final EnumCounters<TuioRejection> rejections = new EnumCounters<>(TuioRejection.class);
    private final EnumCounters<TuioDropReason> drops = new EnumCounters<>(TuioDropReason.class);

    /**
     * As {@code SourceCounters}: received counts OSC messages (a non-OSC datagram counts as one);
     * dropped counts dropped messages plus refused keepalive batches.
     */
    public TuioStats(String source) {
        super(source);
    }

    // ---- detail -----------------------------------------------------------------------------

    /** Messages that became part of a frame published to the engine. */
    public long applied() {
        return counts.get(Count.APPLIED);
    }

    /** Well-formed messages not applied (late, duplicate, overflow, ring full, ignored). */
    public long droppedMessages() {
        return counts.get(Count.DROPPED_MESSAGES);
    }

    public long rejected(TuioRejection reason) {
        return rejections.get(reason);
    }

    /** Messages dropped for {@code reason}. */
    public long dropped(TuioDropReason reason) {
        return drops.get(reason);
    }

    /** Frames published to the engine (including split-frame continuations). */
    public long framesApplied() {
        return counts.get(Count.FRAMES_APPLIED);
    }

    /** Whole frames dropped: late, duplicate, ring full, source overflow. */
    public long framesDropped() {
        return counts.get(Count.FRAMES_DROPPED);
    }

    /** Batches that re-sent unchanged points so the conductor keeps them. */
    public long keepalivesSent() {
        return counts.get(Count.KEEPALIVES_SENT);
    }

    public long keepalivesRefused() {
        return counts.get(Count.KEEPALIVES_REFUSED);
    }

    /** Sources registered (a forgotten source heard again is not counted again). */
    public long sourcesSeen() {
        return counts.get(Count.SOURCES_SEEN);
    }

    /** Times a source fell silent long enough to be forgotten. */
    public long sourcesForgotten() {
        return counts.get(Count.SOURCES_FORGOTTEN);
    }

    /** Touch events (ADDED, UPDATED, REMOVED) the engine accepted, keepalives included. */
    public long touchEvents() {
        return counts.get(Count.TOUCH_EVENTS);
    }

    /** Whether every message received is accounted for once (true between datagrams). */
    public boolean countersAddUp() {
        return received() == applied() + droppedMessages() + rejected();
    }

    @Override
    public String toString() {
        return super.toString() + ", applied " + applied() + ", frames " + framesApplied() + " (dropped "
                + framesDropped() + "), keepalives " + keepalivesSent();
    }

    // ---- writer (receiving thread) ----------------------------------------------------------

    void messageReceived(long nanos) {
        addReceived(1);
        seenAt(nanos);
    }

    void applied(int messages) {
        counts.add(Count.APPLIED, messages);
    }

    void rejected(TuioRejection reason, int messages) {
        rejections.add(reason, messages);
        addRejected(messages);
    }

    void dropped(TuioDropReason reason, int messages) {
        drops.add(reason, messages);
        counts.add(Count.DROPPED_MESSAGES, messages);
        addDropped(messages);
    }

    void frameApplied(int touchEvents) {
        counts.increment(Count.FRAMES_APPLIED);
        counts.add(Count.TOUCH_EVENTS, touchEvents);
    }

    void frameDropped() {
        counts.increment(Count.FRAMES_DROPPED);
    }

    void keepaliveSent(int touchEvents) {
        counts.increment(Count.KEEPALIVES_SENT);
        counts.add(Count.TOUCH_EVENTS, touchEvents);
    }

    void keepaliveRefused() {
        counts.increment(Count.KEEPALIVES_REFUSED);
        addDropped(1);
    }

    void sourceSeen() {
        counts.increment(Count.SOURCES_SEEN);
    }

    void sourceForgotten() {
        counts.increment(Count.SOURCES_FORGOTTEN);
    }
}
