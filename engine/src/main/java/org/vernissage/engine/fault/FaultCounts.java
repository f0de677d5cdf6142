package org.vernissage.engine.fault;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The one error policy of the engine, as numbers and log lines: what went wrong in one owner (an
 * agent, a ring consumer such as the conductor or the journal, one conductor stage, the outbox's
 * agent) counted per kind (the exception's class), the first of each kind logged once as a
 * WARNING naming the owner, what failed and what happens next, with its stack trace at DEBUG.
 * Whatever fails on every event or every duty cycle shows up once in the log and then only in
 * the counters, never as thousands of lines; the statistics line reads the counters.
 *
 * <p>{@link #record} is called only by the one thread that runs the owner; the counters may be
 * read from any thread (the statistics line, tests). Recording allocates nothing for a kind
 * already seen; a new kind costs one log line.
 */
public final class FaultCounts {

    /** What a ring consumer or a stage does after a failure. */
    public static final String EVENT_SKIPPED =
            "that event was skipped and the show goes on with the last good values";

    /** Kinds told apart; a seventeenth distinct exception class is counted under "other". */
    static final int MAX_KINDS = 16;

    private final String owner;
    private final String consequence;
    private final Logger log;
    private final Class<?>[] kinds = new Class<?>[MAX_KINDS];
    private final AtomicLongArray counts = new AtomicLongArray(MAX_KINDS + 1);
    private volatile int kindCount;
    private volatile long total;

    /**
     * @param owner names the agent, consumer or stage in log lines and statistics, e.g. "conductor"
     * @param consequence what happens after a failure, for the log line, e.g. {@link #EVENT_SKIPPED}
     */
    public FaultCounts(String owner, String consequence, Logger log) {
        this.owner = owner;
        this.consequence = consequence;
        this.log = log;
    }

    public String owner() {
        return owner;
    }

    /**
     * Counts {@code failure}; logs it when it is the first of its kind.
     *
     * @param what the event or call that failed, for the log line (e.g. "CHANNEL_VALUE event 12",
     *     "its duty cycle")
     * @return true when this was the first failure of its kind
     */
    public boolean record(Throwable failure, String what) {
        total = total + 1;
        Class<?> kind = failure.getClass();
        int n = kindCount;
        for (int i = 0; i < n; i++) {
            if (kinds[i] == kind) {
                counts.incrementAndGet(i);
                return false;
            }
        }
        if (n < MAX_KINDS) {
            kinds[n] = kind;
            counts.incrementAndGet(n);
            kindCount = n + 1;
        } else {
            counts.incrementAndGet(MAX_KINDS);
        }
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        log.log(Level.WARNING, owner + ": " + what + " failed with " + kind.getName() + message + "; " + consequence
                + " (further " + kind.getSimpleName() + "s here are counted, not logged)");
        log.log(Level.DEBUG, owner + ": stack trace of the first " + kind.getSimpleName(), failure);
        return true;
    }

    /** Failures so far, all kinds. */
    public long total() {
        return total;
    }

    /** Failures of exactly this exception class so far. */
    public long count(Class<? extends Throwable> kind) {
        int n = kindCount;
        for (int i = 0; i < n; i++) {
            if (kinds[i] == kind) {
                return counts.get(i);
            }
        }
        return 0;
    }

    /** Counts per exception class (full name), in the order first seen (allocates: for statistics). */
    public Map<String, Long> byKind() {
        Map<String, Long> out = new LinkedHashMap<>();
        int n = kindCount;
        for (int i = 0; i < n; i++) {
            out.put(kinds[i].getName(), counts.get(i));
        }
        long other = counts.get(MAX_KINDS);
        if (other > 0) {
            out.put("other", other);
        }
        return out;
    }

    @Override
    public String toString() {
        return owner + " " + total + " error(s) " + byKind();
    }
}
