package org.vernissage.sensors.osc;

import java.util.Objects;
import org.vernissage.osc.OscRejection;
import org.vernissage.sensors.OpaqueCounters;
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
 * or console thread) reads. Single writer means a plain read-add-write is exact, and opaque
 * access is all a reader needs to see each counter's progress, without locks, CAS or the
 * allocation of a {@code LongAdder}. Counters are read one at a time, so a set of them is not an
 * atomic snapshot. One instance per input; owned by the wiring that creates the receiver.
 */
public final class OscStats implements SourceCounters {


    private static final int PACKETS_RECEIVED = 0;
    private static final int PACKETS_REJECTED = 1;
    private static final int MESSAGES_RECEIVED = 2;
    private static final int MESSAGES_DROPPED = 3;
    private static final int VALUES_OFFERED = 4;
    private static final int RECEIVE_ERRORS = 5;
    private static final int HANDLER_FAILURES = 6;
    private static final int BUNDLES_RECEIVED = 7;
    private static final int LAST_SEEN = 8;
    private static final int FIRST_REJECTION = 9;
    private static final int FIRST_DROP = FIRST_REJECTION + OscRejection.values().length;
    private static final int FIRST_TIMING = FIRST_DROP + OscDropReason.values().length;
    private static final int COUNTERS = FIRST_TIMING + OscBundleTiming.values().length;

    private final String source;
    private final OpaqueCounters counters = new OpaqueCounters(COUNTERS);

    /** @param source names the input for people, e.g. {@link OscEndpoint#sourceName()} */
    public OscStats(String source) {
        this.source = Objects.requireNonNull(source, "source");
        counters.set(LAST_SEEN, NEVER);
    }

    // ---- SourceCounters: any thread -----------------------------------------------------------

    @Override
    public String source() {
        return source;
    }

    /** Well-formed messages, the same as {@link #messagesReceived()}. */
    @Override
    public long received() {
        return messagesReceived();
    }

    /** Well-formed messages that set nothing, the same as {@link #messagesDropped()}. */
    @Override
    public long dropped() {
        return messagesDropped();
    }

    /** Malformed packets, the same as {@link #packetsRejected()}. */
    @Override
    public long rejected() {
        return packetsRejected();
    }

    /** When the last packet (valid or not) arrived, on the engine clock. */
    @Override
    public long lastSeenNanos() {
        return get(LAST_SEEN);
    }

    // ---- details: any thread ------------------------------------------------------------------

    /** Datagrams (or de-framed stream packets) read, valid or not. */
    public long packetsReceived() {
        return get(PACKETS_RECEIVED);
    }

    /** Packets refused whole, for any reason. */
    public long packetsRejected() {
        return get(PACKETS_REJECTED);
    }

    public long packetsRejected(OscRejection reason) {
        return get(FIRST_REJECTION + reason.ordinal());
    }

    /** Well-formed messages handed to the router. */
    public long messagesReceived() {
        return get(MESSAGES_RECEIVED);
    }

    /** Well-formed messages that set no value, for any reason. */
    public long messagesDropped() {
        return get(MESSAGES_DROPPED);
    }

    public long messagesDropped(OscDropReason reason) {
        return get(FIRST_DROP + reason.ordinal());
    }

    /** Bundles (nested ones included) in valid packets. */
    public long bundlesReceived() {
        return get(BUNDLES_RECEIVED);
    }

    public long bundles(OscBundleTiming timing) {
        return get(FIRST_TIMING + timing.ordinal());
    }

    /** Raw channel values the ring accepted. */
    public long valuesOffered() {
        return get(VALUES_OFFERED);
    }

    /** Socket reads that failed with an I/O error (the receiver carried on). */
    public long receiveErrors() {
        return get(RECEIVE_ERRORS);
    }

    /** Packets whose handling threw (a bug, caught so the receiver carries on). */
    public long handlerFailures() {
        return get(HANDLER_FAILURES);
    }

    @Override
    public String toString() {
        return source + ": packets " + packetsReceived() + ", rejected " + packetsRejected()
                + ", messages " + messagesReceived() + ", dropped " + messagesDropped()
                + ", bundles " + bundlesReceived() + " (late " + bundles(OscBundleTiming.LATE)
                + "), values " + valuesOffered() + ", receive errors " + receiveErrors()
                + ", handler failures " + handlerFailures();
    }

    // ---- writers: the receiving thread only ---------------------------------------------------

    void packetReceived(long arrivalNanos) {
        increment(PACKETS_RECEIVED, 1);
        counters.set(LAST_SEEN, arrivalNanos);
    }

    void packetRejected(OscRejection reason) {
        increment(PACKETS_REJECTED, 1);
        increment(FIRST_REJECTION + reason.ordinal(), 1);
    }

    void messageReceived() {
        increment(MESSAGES_RECEIVED, 1);
    }

    void messagesDropped(OscDropReason reason, int count) {
        increment(MESSAGES_DROPPED, count);
        increment(FIRST_DROP + reason.ordinal(), count);
    }

    void bundleReceived(OscBundleTiming timing) {
        increment(BUNDLES_RECEIVED, 1);
        increment(FIRST_TIMING + timing.ordinal(), 1);
    }

    void valuesOffered(int count) {
        increment(VALUES_OFFERED, count);
    }

    void receiveError() {
        increment(RECEIVE_ERRORS, 1);
    }

    void handlerFailure() {
        increment(HANDLER_FAILURES, 1);
    }

    private void increment(int index, long n) {
        counters.add(index, n);
    }

    private long get(int index) {
        return counters.get(index);
    }
}
