package org.vernissage.sensors;

import java.util.Objects;

/**
 * The counters every source's statistics share, declared once: the name and the received,
 * dropped, rejected and last-seen readings of {@link SourceCounters}. A source's stats class
 * extends it and adds only what is its own (its reasons, faults, connections), counting the
 * shared totals through the protected writers below from its own, more specific writers.
 *
 * <p>Single writer: only the source's thread calls the protected writers (and {@link #renameSource},
 * the wiring thread before the source starts); any thread reads. Owned by the source that counts
 * into the subclass.
 */
public abstract class AbstractSourceStats implements SourceCounters {

    /** The totals behind {@link SourceCounters}. */
    private enum Total { RECEIVED, DROPPED, REJECTED, LAST_SEEN }

    private final EnumCounters<Total> totals = new EnumCounters<>(Total.class);
    private volatile String source;

    /** @param source names the source for people, e.g. {@code "OSC udp 0.0.0.0:9000"} */
    protected AbstractSourceStats(String source) {
        this.source = Objects.requireNonNull(source, "source");
        totals.set(Total.LAST_SEEN, NEVER);
    }

    @Override
    public final String source() {
        return source;
    }

    @Override
    public final long received() {
        return totals.get(Total.RECEIVED);
    }

    @Override
    public final long dropped() {
        return totals.get(Total.DROPPED);
    }

    @Override
    public final long rejected() {
        return totals.get(Total.REJECTED);
    }

    @Override
    public final long lastSeenNanos() {
        return totals.get(Total.LAST_SEEN);
    }

    /** {@code "<source>: received r, dropped d, rejected j"}; subclasses append their own. */
    @Override
    public String toString() {
        return source + ": received " + received() + ", dropped " + dropped() + ", rejected " + rejected();
    }

    /** Names the source again, once its bound port is known. Wiring thread, before the source runs. */
    protected final void renameSource(String newSource) {
        this.source = Objects.requireNonNull(newSource, "newSource");
    }

    /** {@code n} more received. Source thread only. */
    protected final void addReceived(long n) {
        totals.add(Total.RECEIVED, n);
    }

    /** {@code n} more dropped. Source thread only. */
    protected final void addDropped(long n) {
        totals.add(Total.DROPPED, n);
    }

    /** {@code n} more rejected. Source thread only. */
    protected final void addRejected(long n) {
        totals.add(Total.REJECTED, n);
    }

    /** The source was heard from at {@code nanos} (engine clock). Source thread only. */
    protected final void seenAt(long nanos) {
        totals.set(Total.LAST_SEEN, nanos);
    }
}
