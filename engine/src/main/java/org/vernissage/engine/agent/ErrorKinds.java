package org.vernissage.engine.agent;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts one agent's failures per kind (the exception's class) and logs each kind once: one
 * WARNING line naming the agent, the kind and its message, and the stack trace at DEBUG (FINE in
 * java.util.logging); the same kind again is only counted. So an error on every duty cycle costs
 * one log line, not a flood, and the statistics still say how often it happened.
 *
 * <p>{@link #count} is called by the agent's thread only (the map is written there alone; the
 * first failure of a kind allocates its counter, later ones allocate nothing); any thread reads.
 */
final class ErrorKinds {

    private final String agent;
    private final Logger logger;
    private final ConcurrentHashMap<Class<?>, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<Class<?>, Integer> order = new ConcurrentHashMap<>();

    ErrorKinds(String agent, Logger logger) {
        this.agent = agent;
        this.logger = logger;
    }

    /** Counts {@code error} under its class; logs it if it is the first of its kind. */
    void count(Throwable error, String doing) {
        AtomicLong count = counts.get(error.getClass());
        if (count != null) {
            count.lazySet(count.get() + 1); // single writer: a plain add is exact
            return;
        }
        order.put(error.getClass(), order.size());
        counts.put(error.getClass(), new AtomicLong(1));
        String kind = error.getClass().getName();
        String message = error.getMessage() == null ? "" : ": " + error.getMessage();
        logger.log(Level.WARNING, agent + ": " + doing + " failed: " + kind + message
                + "; the agent goes on, further " + kind + " errors are only counted");
        logger.log(Level.DEBUG, agent + ": stack trace of the first " + kind, error);
    }

    /** How many failures of {@code kind}; 0 when never seen. Any thread. */
    long count(Class<? extends Throwable> kind) {
        AtomicLong count = counts.get(kind);
        return count == null ? 0 : count.get();
    }

    /** Every kind seen with its count, in the order first seen. Any thread; allocates. */
    Map<String, Long> snapshot() {
        Map<String, Long> result = new LinkedHashMap<>();
        order.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(entry -> result.put(entry.getKey().getName(), count(castKind(entry.getKey()))));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable> castKind(Class<?> kind) {
        return (Class<? extends Throwable>) kind;
    }
}
