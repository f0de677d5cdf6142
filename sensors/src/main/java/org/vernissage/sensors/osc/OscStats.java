package org.vernissage.sensors.osc;

import org.vernissage.osc.OscRejection;
import org.vernissage.sensors.AbstractSourceStats;
import org.vernissage.sensors.EnumCounters;
import org.vernissage.sensors.SourceCounters;

/**
 * Counters of one OSC input (one port): packets received and rejected (per
 * {@link OscRejection}), messages received and dropped (per {@link OscDropReason}), bundles per
 * {@link OscBundleTiming}, values offered to the ring. As a {@link SourceCounters} it reports
 * messages as received, dropped messages as dropped, rejected packets as rejected, and the
 * arrival of the last packet (engine clock) as last seen.
 *
 * <p>Single writer: only the receiving thread (through its receiver and the
 * {@link OscBindingRouter} it calls) increments, with package-private methods; any thread (a stats
 * or console thread) reads, each counter on its own (see {@link EnumCounters}). One instance per
 * input; owned by the wiring that creates the receiver.
 */
public final class OscStats extends AbstractSourceStats {

    /** Counts of this input beside the {@link SourceCounters} totals. */
    private enum Count { PACKETS_RECEIVED, VALUES_OFFERED, RECEIVE_ERRORS, HANDLER_FAILURES, BUNDLES_RECEIVED }

    private final EnumCounters<Count> counts = new EnumCounters<>(Count.class);
    private final EnumCounters<OscRejection> rejections = new EnumCounters<>(OscRejection.class);
    private final EnumCounters<OscDropReason> drops = new EnumCounters<>(OscDropReason.class);
    private final EnumCounters<OscBundleTiming> timings = new EnumCounters<>(OscBundleTiming.class);

    /** @param source names the input for people, e.g. {@link OscEndpoint#sourceName()} */
    public OscStats(String source) {
        super(source);
    }

    // ---- details: any thread ------------------------------------------------------------------

    /** Datagrams (or de-framed stream packets) read, valid or not. */
    public long packetsReceived() {
        return counts.get(Count.PACKETS_RECEIVED);
    }

    /** Packets refused whole, for any reason: the same as {@link #rejected()}. */
    public long packetsRejected() {
        return rejected();
    }

    public long packetsRejected(OscRejection reason) {
        return rejections.get(reason);
    }

    /** Well-formed messages handed to the router: the same as {@link #received()}. */
    public long messagesReceived() {
        return received();
    }

    /** Well-formed messages that set no value, for any reason: the same as {@link #dropped()}. */
    public long messagesDropped() {
        return dropped();
    }

    public long messagesDropped(OscDropReason reason) {
        return drops.get(reason);
    }

    /** Bundles (nested ones included) in valid packets. */
    public long bundlesReceived() {
        return counts.get(Count.BUNDLES_RECEIVED);
    }

    public long bundles(OscBundleTiming timing) {
        return timings.get(timing);
    }

    /** Raw channel values the ring accepted. */
    public long valuesOffered() {
        return counts.get(Count.VALUES_OFFERED);
    }

    /** Socket reads that failed with an I/O error (the receiver carried on). */
    public long receiveErrors() {
        return counts.get(Count.RECEIVE_ERRORS);
    }

    /** Packets whose handling threw (a bug, caught so the receiver carries on). */
    public long handlerFailures() {
        return counts.get(Count.HANDLER_FAILURES);
    }

    @Override
    public String toString() {
        return source() + ": packets " + packetsReceived() + ", rejected " + packetsRejected()
                + ", messages " + messagesReceived() + ", dropped " + messagesDropped()
                + ", bundles " + bundlesReceived() + " (late " + bundles(OscBundleTiming.LATE)
                + "), values " + valuesOffered() + ", receive errors " + receiveErrors()
                + ", handler failures " + handlerFailures();
    }

    // ---- writers: the receiving thread only ---------------------------------------------------

    void packetReceived(long arrivalNanos) {
        counts.increment(Count.PACKETS_RECEIVED);
        seenAt(arrivalNanos);
    }

    void packetRejected(OscRejection reason) {
        addRejected(1);
        rejections.increment(reason);
    }

    void messageReceived() {
        addReceived(1);
    }

    void messagesDropped(OscDropReason reason, int count) {
        addDropped(count);
        drops.add(reason, count);
    }

    void bundleReceived(OscBundleTiming timing) {
        counts.increment(Count.BUNDLES_RECEIVED);
        timings.increment(timing);
    }

    void valuesOffered(int count) {
        counts.add(Count.VALUES_OFFERED, count);
    }

    void receiveError() {
        counts.increment(Count.RECEIVE_ERRORS);
    }

    void handlerFailure() {
        counts.increment(Count.HANDLER_FAILURES);
    }
}
