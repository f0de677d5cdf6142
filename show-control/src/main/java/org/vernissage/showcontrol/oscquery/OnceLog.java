package org.vernissage.showcontrol.oscquery;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Logs the first problem of each kind (the rest are only counted). Any thread. */
final class OnceLog {

    private final Logger log;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    OnceLog(Logger log) {
        this.log = log;
    }

    void warn(String kind, String message) {
        if (seen.add(kind)) {
            log.log(Level.WARNING, "oscquery: " + message + " (further ones of this kind are only counted)");
        }
    }
}
