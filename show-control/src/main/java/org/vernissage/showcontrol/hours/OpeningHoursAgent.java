package org.vernissage.showcontrol.hours;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.agrona.concurrent.Agent;

/**
 * Follows the venue's opening hours on the wall clock and tells an {@link OpeningListener} when the
 * venue opens and closes. Each duty cycle compares "open now?" with what it last told, rather than
 * waiting for a precomputed instant, so a clock that jumps (a machine that slept, a time server's
 * correction, a changed time zone rule) still ends in the right state at the next cycle.
 *
 * <p>Runs on a parking agent thread (a cycle a second is plenty: opening hours are minutes); the
 * clock is injected, so a test walks a week in milliseconds. {@link #open()} and
 * {@link #nextChange()} may be read by any thread (the statistics line).
 */
public final class OpeningHoursAgent implements Agent {

    private final OpeningHours hours;
    private final InstantSource clock;
    private final OpeningListener listener;
    private volatile boolean open;
    private volatile Instant nextChange;
    private boolean started;

    public OpeningHoursAgent(OpeningHours hours, InstantSource clock, OpeningListener listener) {
        this.hours = hours;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public void onStart() {
        if (started) {
            return; // a restart after a failure keeps what was told
        }
        Instant now = clock.instant();
        open = hours.isOpenAt(now);
        nextChange = hours.nextChangeAfter(now).orElse(null);
        started = true;
        if (open) {
            listener.opened(hours.opening(), true);
        } else {
            listener.closed(hours.closing(), true);
        }
    }

    @Override
    public int doWork() {
        Instant now = clock.instant();
        boolean openNow = hours.isOpenAt(now);
        if (openNow == open) {
            return 0;
        }
        open = openNow;
        nextChange = hours.nextChangeAfter(now).orElse(null);
        if (openNow) {
            listener.opened(hours.opening(), false);
        } else {
            listener.closed(hours.closing(), false);
        }
        return 1;
    }

    /** Whether the venue is open, as last told. Any thread. */
    public boolean open() {
        return open;
    }

    /** When the venue next opens or closes; empty when it never changes. Any thread. */
    public Optional<Instant> nextChange() {
        return Optional.ofNullable(nextChange);
    }

    /** The hours followed. */
    public OpeningHours hours() {
        return hours;
    }

    @Override
    public String roleName() {
        return "opening-hours";
    }
}
