package org.vernissage.osc;

/**
 * The calendar time OSC time tags are written in (they are absolute NTP times), as nanoseconds
 * since 1970-01-01T00:00Z. Injected so tests fix it; {@link #system()} is the machine's clock.
 *
 * <p>Called on the receiving thread of the router that owns it.
 */
@FunctionalInterface
public interface WallClock {

    /** Now, in nanoseconds since the Unix epoch. */
    long epochNanos();

    /**
     * The machine's clock with nanosecond resolution and no allocation per reading; not
     * thread-safe: one per receiving thread.
     */
    static WallClock system() {
        return new SystemWallClock();
    }
}
