package org.vernissage.showcontrol.access;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what an {@link AddressAllowlist} refused on one surface, and logs the first refusal once,
 * naming the address (so a technician whose laptop changed address sees why at once) and where the
 * rest is counted. Refusals after the first are only counted: a stranger sending a flood must not
 * fill the log.
 *
 * <p>{@link #refuse} is called by the surface's own thread (the control endpoint's agent, the
 * console's event loop); {@link #count()} by any thread.
 */
public final class RefusedPeers {

    private final String surface;
    private final AddressAllowlist allow;
    private final String flag;
    private final Logger log;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicBoolean logged = new AtomicBoolean();

    /**
     * @param surface what was refused, for the message ("control port 53000", "console")
     * @param flag the option that sets the list, for the message
     */
    public RefusedPeers(String surface, AddressAllowlist allow, String flag, Logger log) {
        this.surface = surface;
        this.allow = allow;
        this.flag = flag;
        this.log = log;
    }

    /** True when {@code peer} may go on; otherwise counts it (and logs the first) and returns false. */
    public boolean admits(InetAddress peer, String what) {
        if (allow.permits(peer)) {
            return true;
        }
        refused.incrementAndGet();
        if (logged.compareAndSet(false, true)) {
            log.log(Level.WARNING, surface + ": refused " + what + " from " + (peer == null ? "an unknown address"
                    : peer.getHostAddress()) + ", which is not in " + flag + " " + allow
                    + " (logged once; further refusals are counted in the statistics)");
        }
        return false;
    }

    /** Datagrams and connections refused so far. */
    public long count() {
        return refused.get();
    }
}
