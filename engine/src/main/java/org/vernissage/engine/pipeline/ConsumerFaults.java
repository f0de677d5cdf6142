package org.vernissage.engine.pipeline;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What went wrong in one consumer of the input ring (the conductor, the journal) or in one stage
 * of the conductor: exceptions counted per kind (the exception's class), the first of each kind
 * logged once, with its stack trace at debug level. The event that threw is skipped; the show
 * goes on with the last good values. A misbehaving stage must show up once in the log and then
 * only in the counters, never as thousands of lines.
 *
 * <p>{@link #record} is called only by the one thread that runs the owner (a ring consumer
 * thread); the counters may be read from any thread (the statistics line, tests). Recording
 * allocates nothing for a kind already seen; a new kind costs one log line.
 */
public final class ConsumerFaults {

    /** Kinds told apart; a seventeenth distinct exception class is counted under "other". */
    static final int MAX_KINDS = 16;

    private final String owner;
    private final Logger log;
    private final Class<?>[] kinds = new Class<?>[MAX_KINDS];
    private final AtomicLongArray counts = new AtomicLongArray(MAX_KINDS + 1);
    private volatile int kindCount;
    private volatile long total;

    /**
     * @param owner names the consumer or stage in log lines and statistics, e.g. "conductor"
     */
    public ConsumerFaults(String owner, Logger log) {
        this.owner = owner;
        this.log = log;
    }

    public String owner() {
        return owner;
    }

    /**
     * Counts {@code failure}; logs it when it is the first of its kind.
     *
     * @param what the event or call that failed, for the log line (e.g. "CHANNEL_VALUE event 12")
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
        log.log(Level.WARNING, owner + ": " + kind.getName() + " on " + what + ": " + failure.getMessage()
                + "; that event was skipped and the show goes on with the last good values"
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

    /** Counts per exception class name, in the order first seen (allocates: for statistics). */
    public Map<String, Long> byKind() {
        Map<String, Long> out = new LinkedHashMap<>();
        int n = kindCount;
        for (int i = 0; i < n; i++) {
            out.put(kinds[i].getSimpleName(), counts.get(i));
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
