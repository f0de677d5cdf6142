package org.vernissage.sensors.osc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counters of one OSC input: packets and messages received, packets rejected (per
 * {@link OscRejection}), messages dropped (per {@link OscDropReason}), values offered to the ring.
 *
 * <p>Single writer: only the receiving thread (through {@link OscUdpReceiver} and the
 * {@link OscBindingRouter} it calls) increments, with package-private methods; any thread (a stats
 * or console thread) reads. Single writer means a plain read-add-write is exact, and opaque
 * access is all a reader needs to see each counter's progress, without locks, CAS or the
 * allocation of a {@code LongAdder}. Counters are read one at a time, so a set of them is not an
 * atomic snapshot. Owned by the wiring that creates the receiver.
 */
public final class OscStats {

    private static final VarHandle COUNTER = MethodHandles.arrayElementVarHandle(long[].class);

    private static final int PACKETS_RECEIVED = 0;
    private static final int PACKETS_REJECTED = 1;
    private static final int MESSAGES_RECEIVED = 2;
    private static final int MESSAGES_DROPPED = 3;
    private static final int VALUES_OFFERED = 4;
    private static final int RECEIVE_ERRORS = 5;
    private static final int HANDLER_FAILURES = 6;
    private static final int FIRST_REJECTION = 7;
    private static final int FIRST_DROP = FIRST_REJECTION + OscRejection.values().length;
    private static final int COUNTERS = FIRST_DROP + OscDropReason.values().length;

    private final long[] counters = new long[COUNTERS];

    // ---- readers: any thread ----------------------------------------------------------------

    /** Datagrams read from the socket, valid or not. */
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

    /** Well-formed messages that set no parameter, for any reason. */
    public long messagesDropped() {
        return get(MESSAGES_DROPPED);
    }

    public long messagesDropped(OscDropReason reason) {
        return get(FIRST_DROP + reason.ordinal());
    }

    /** Parameter values the ring accepted. */
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
        return "OscStats[packets " + packetsReceived() + ", rejected " + packetsRejected()
                + ", messages " + messagesReceived() + ", dropped " + messagesDropped()
                + ", values " + valuesOffered() + ", receive errors " + receiveErrors()
                + ", handler failures " + handlerFailures() + "]";
    }

    // ---- writers: the receiving thread only -------------------------------------------------

    void packetReceived() {
        increment(PACKETS_RECEIVED);
    }

    void packetRejected(OscRejection reason) {
        increment(PACKETS_REJECTED);
        increment(FIRST_REJECTION + reason.ordinal());
    }

    void messageReceived() {
        increment(MESSAGES_RECEIVED);
    }

    void messageDropped(OscDropReason reason) {
        increment(MESSAGES_DROPPED);
        increment(FIRST_DROP + reason.ordinal());
    }

    void valueOffered() {
        increment(VALUES_OFFERED);
    }

    void receiveError() {
        increment(RECEIVE_ERRORS);
    }

    void handlerFailure() {
        increment(HANDLER_FAILURES);
    }

    private void increment(int index) {
        COUNTER.setOpaque(counters, index, counters[index] + 1);
    }

    private long get(int index) {
        return (long) COUNTER.getOpaque(counters, index);
    }
}
