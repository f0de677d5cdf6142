package org.vernissage.showcontrol.hours;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.agrona.concurrent.Agent;

/**
 * Follows the venue's opening hours on the wall clock and tells an {@link OpeningListener} when the
 * venue opens and closes. A duty cycle works "open now?" out again when the next change is due,
 * or when the clock went back since the last cycle; otherwise it only compares two instants, so a
 * closed venue's look a second costs next to nothing (the calendar arithmetic, run that seldom,
 * runs interpreted: milliseconds). A clock that jumps (a machine that slept, a time server's
 * correction) thus still ends in the right state at the next cycle: forward past the change, the
 * change is due; backward, the state is worked out again.
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
    private Instant lastLook;              // agent thread only
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
        lastLook = now;
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
        boolean wentBack = now.isBefore(lastLook);
        lastLook = now;
        Instant due = nextChange;
        if (!wentBack && (due == null || now.isBefore(due))) {
            return 0; // nothing can have changed: the schedule's next change is still ahead
        }
        boolean openNow = hours.isOpenAt(now);
        nextChange = hours.nextChangeAfter(now).orElse(null);
        if (openNow == open) {
            return 0;
        }
        open = openNow;
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
