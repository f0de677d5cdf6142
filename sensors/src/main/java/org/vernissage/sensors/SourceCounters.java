package org.vernissage.sensors;

/**
 * What every input source tells the statistics output: its name, how much arrived, how much was
 * dropped (well formed but not applied: no binding, over a limit, the ring full) or rejected
 * (malformed), and when it was last heard from. Messages per second are derived by the reader from
 * two readings.
 *
 * <p>Implementations are written by their source's own thread and read by any thread; each
 * counter is read on its own, so a set of readings is not one atomic snapshot.
 */
public interface SourceCounters {

    /** Sentinel for {@link #lastSeenNanos()}: nothing has arrived yet. */
    long NEVER = Long.MIN_VALUE;

    /** Names the source for people, e.g. {@code "OSC udp 0.0.0.0:9000"}. */
    String source();

    /**
     * Messages (or events, frames) received. Valid or not for most sources (TUIO: received =
     * applied + dropped + rejected); for OSC, over UDP and TCP alike, only the well-formed ones:
     * a malformed packet holds no messages to count, so it is in {@link #rejected()} alone.
     */
    long received();

    /** Well-formed messages not applied: no binding, a limit exceeded, the ring full. */
    long dropped();

    /** Malformed input refused. */
    long rejected();

    /** When the source was last heard from, on the engine clock, or {@link #NEVER}. */
    long lastSeenNanos();

    /** How many times the device behind the source went away mid-show (0 for network sources). */
    default long losses() {
        return 0;
    }

    /** How many times a lost device was found and connected again. */
    default long reconnections() {
        return 0;
    }
}
