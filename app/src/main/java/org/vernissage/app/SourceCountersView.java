package org.vernissage.app;

import java.util.function.LongSupplier;
import org.vernissage.sensors.SourceCounters;

/**
 * A source's counters as the run reports them: under the name the source has once its port is
 * bound (asked for as 0, say), and with the device losses and reconnections that a MIDI or audio
 * input keeps beside its message counters.
 *
 * <p>Immutable; made by the sensor parts on the wiring thread, read by any thread (every
 * method reads the source's own thread-safe counters).
 */
final class SourceCountersView implements SourceCounters {

    private static final LongSupplier NONE = () -> 0;

    private final String name;
    private final SourceCounters counters;
    private final LongSupplier losses;
    private final LongSupplier reconnections;

    private SourceCountersView(String name, SourceCounters counters, LongSupplier losses, LongSupplier reconnections) {
        this.name = name;
        this.counters = counters;
        this.losses = losses;
        this.reconnections = reconnections;
    }

    /** {@code counters} under {@code name}. */
    static SourceCounters renamed(SourceCounters counters, String name) {
        return counters.source().equals(name) ? counters
                : new SourceCountersView(name, counters, NONE, NONE);
    }

    /** {@code counters} with the losses and reconnections of the device behind them. */
    static SourceCounters withDevice(SourceCounters counters, LongSupplier losses, LongSupplier reconnections) {
        return new SourceCountersView(counters.source(), counters, losses, reconnections);
    }

    @Override
    public String source() {
        return name;
    }

    @Override
    public long received() {
        return counters.received();
    }

    @Override
    public long dropped() {
        return counters.dropped();
    }

    @Override
    public long rejected() {
        return counters.rejected();
    }

    @Override
    public long lastSeenNanos() {
        return counters.lastSeenNanos();
    }

    @Override
    public long losses() {
        return losses.getAsLong();
    }

    @Override
    public long reconnections() {
        return reconnections.getAsLong();
    }
}
