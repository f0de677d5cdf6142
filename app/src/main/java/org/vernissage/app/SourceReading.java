package org.vernissage.app;

import java.util.Locale;
import org.vernissage.sensors.SourceCounters;

/**
 * One input source's counters at one moment, with its message rate.
 *
 * <p>Immutable; made by {@link SourceRates} on the thread printing statistics.
 *
 * @param secondsSinceLastSeen how long the source has been quiet, or -1 if it never sent anything
 * @param messagesPerSecond received per second since the previous reading (or since the start)
 */
public record SourceReading(String source, long received, long dropped, long rejected, long losses,
                            long reconnections, double secondsSinceLastSeen, double messagesPerSecond) {

    /**
     * One line, e.g. {@code OSC udp 0.0.0.0:9000: 60.0 msg/s, last 0.01 s ago, received 600,
     * dropped 0, rejected 1}, with {@code , lost 1, reconnected 1} for a device that went away.
     */
    public String describe() {
        String last = secondsSinceLastSeen < 0 ? "nothing received yet"
                : String.format(Locale.ROOT, "last %.2f s ago", secondsSinceLastSeen);
        String line = String.format(Locale.ROOT, "%s: %.1f msg/s, %s, received %d, dropped %d, rejected %d",
                source, messagesPerSecond, last, received, dropped, rejected);
        return losses == 0 && reconnections == 0 ? line
                : line + ", lost " + losses + ", reconnected " + reconnections;
    }

    static SourceReading of(SourceCounters counters, long nowNanos, double messagesPerSecond) {
        long last = counters.lastSeenNanos();
        double quiet = last == SourceCounters.NEVER ? -1 : Math.max(0, (nowNanos - last) / 1e9);
        return new SourceReading(counters.source(), counters.received(), counters.dropped(), counters.rejected(),
                counters.losses(), counters.reconnections(), quiet, messagesPerSecond);
    }
}
