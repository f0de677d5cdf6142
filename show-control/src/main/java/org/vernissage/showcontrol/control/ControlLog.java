package org.vernissage.showcontrol.control;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Set;

/**
 * The control port's warnings: the first problem of each kind is logged, naming the port; the
 * rest are only counted (in {@link ControlStats}), so a console that sends garbage all night
 * fills no disk.
 *
 * <p>Owned by the {@link ControlEndpoint}; {@link #port(int)} on the wiring thread before the
 * endpoint's thread starts, everything else on the endpoint's thread.
 */
final class ControlLog {

    private final Logger log;
    private final Set<String> logged = new HashSet<>();
    private volatile int port;

    ControlLog(Logger log) {
        this.log = log;
    }

    /** Wiring thread: the port bound, named in every message. */
    void port(int port) {
        this.port = port;
    }

    /** "control port N", the start of every message. */
    String where() {
        return "control port " + port;
    }

    /** Logs {@code message} if it is the first of its kind. */
    void once(String kind, String message) {
        if (logged.add(kind)) {
            log.log(Level.WARNING, where() + ": " + message + " (logged once; counted in the control statistics)");
        }
    }

    /** Whether this is the first problem of {@code kind}: the caller then logs it with {@link #warn}. */
    boolean first(String kind) {
        return logged.add(kind);
    }

    void warn(String message) {
        log.log(Level.WARNING, where() + ": " + message);
    }
}
