package org.vernissage.sensors;


/**
 * The plain {@link SourceCounters} of one input source: TUIO, phones, MIDI, audio.
 *
 * <p>Single writer: only the source's own thread calls the {@code count} methods, so a plain
 * read-add-write is exact and opaque stores are all a reader needs (no lock, no CAS, no
 * allocation). Any thread reads. Owned by the adapter that counts into it.
 */
public final class SourceStats implements SourceCounters {

    private static final int RECEIVED = 0;
    private static final int DROPPED = 1;
    private static final int REJECTED = 2;
    private static final int LAST_SEEN = 3;

    private final String source;
    private final OpaqueCounters counters = new OpaqueCounters(4);

    public SourceStats(String source) {
        this.source = source;
        counters.set(LAST_SEEN, NEVER);
    }

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

    /** One message arrived at {@code nanos} (engine clock). Source thread only. */
    public void countReceived(long nanos) {
        add(RECEIVED, 1);
        counters.set(LAST_SEEN, nanos);
    }

    /** One well-formed message was not applied. Source thread only. */
    public void countDropped() {
        add(DROPPED, 1);
    }

    /** One malformed message was refused. Source thread only. */
    public void countRejected() {
        add(REJECTED, 1);
    }

    @Override
    public String toString() {
        return source + ": received " + received() + ", dropped " + dropped() + ", rejected " + rejected();
    }

    private void add(int index, long n) {
        counters.add(index, n);
    }

    private long get(int index) {
        return counters.get(index);
    }
}
