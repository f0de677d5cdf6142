package org.vernissage.engine.pipeline;

/**
 * What the conductor did with the events it consumed, for the statistics output.
 *
 * <p>Written only by the conductor thread (plain increments published with release stores, so no
 * allocation and no lock); read by any thread (the stats printer, tests).
 */
public final class ConductorStats {

    private volatile long scheduled;
    private volatile long scheduledDropped;
    private volatile long touchesRefused;
    private volatile long touchesTimedOut;
    private volatile long unrouted;

    void eventScheduled() {
        scheduled = scheduled + 1;
    }

    void scheduledEventDropped() {
        scheduledDropped = scheduledDropped + 1;
    }

    void touchRefused() {
        touchesRefused = touchesRefused + 1;
    }

    void touchesExpired(int n) {
        if (n > 0) {
            touchesTimedOut = touchesTimedOut + n;
        }
    }

    void eventUnrouted() {
        unrouted = unrouted + 1;
    }

    /** Events of a kind no stage takes (a newer producer, or a journal from a newer engine): ignored. */
    public long unrouted() {
        return unrouted;
    }

    /** Events that arrived early and waited for their due time. */
    public long scheduled() {
        return scheduled;
    }

    /** Early events dropped because too many were already waiting. */
    public long scheduledDropped() {
        return scheduledDropped;
    }

    /** New touch points refused because the touch set was full. */
    public long touchesRefused() {
        return touchesRefused;
    }

    /** Touch points removed because their source stopped reporting them without removing them. */
    public long touchesTimedOut() {
        return touchesTimedOut;
    }
}
