package org.vernissage.app;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.clock.Clock;
import org.vernissage.sensors.SourceCounters;

/**
 * Turns the sources' running counters into readings with a message rate: received per second
 * since the previous reading. The first reading's rate counts from the start of the run.
 *
 * <p>Used by one thread at a time (the stats printer, then the closing thread, which happen one
 * after the other); synchronised to make that hand-over safe. Owned by the {@link ArtworkRun}.
 */
final class SourceRates {

    private final List<SourceCounters> sources;
    private final Clock clock;
    private final long[] previousReceived;
    private long previousNanos;

    SourceRates(List<SourceCounters> sources, Clock clock) {
        this.sources = List.copyOf(sources);
        this.clock = clock;
        this.previousReceived = new long[sources.size()];
        this.previousNanos = clock.nanos();
    }

    /** Every source's reading now, with rates since the previous call. */
    synchronized List<SourceReading> read() {
        long now = clock.nanos();
        double seconds = Math.max(1e-9, (now - previousNanos) / 1e9);
        List<SourceReading> readings = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            SourceCounters source = sources.get(i);
            long received = source.received();
            readings.add(SourceReading.of(source, now, (received - previousReceived[i]) / seconds));
            previousReceived[i] = received;
        }
        previousNanos = now;
        return readings;
    }
}
