package org.vernissage.sensors;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Logs the first occurrence of each reason of an enum, then stays silent for that reason: a
 * misconfigured sender or a flood of bad packets must show up once in the log and then only in
 * the counters, or the log itself becomes the outage (disk, I/O, time on the receiving thread).
 *
 * <p>Confined to the thread that owns it (a receiving thread). Callers check {@link #first} before
 * building a message, so the steady state builds no String.
 */
public final class FirstOccurrenceLog {

    private final Logger logger;
    private final boolean[] seen;

    public FirstOccurrenceLog(Logger logger, int reasons) {
        this.logger = logger;
        this.seen = new boolean[reasons];
    }

    /** Whether {@code reason} is seen for the first time (and marks it seen). */
    public boolean first(Enum<?> reason) {
        int index = reason.ordinal();
        if (seen[index]) {
            return false;
        }
        seen[index] = true;
        return true;
    }

    public void warn(String message) {
        logger.log(Level.WARNING, message);
    }
}
