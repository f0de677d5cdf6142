package org.vernissage.engine.agent;

import java.time.Duration;

/**
 * When a {@link SupervisedAgent} that keeps failing is restarted, and how long it waits first.
 *
 * <p>Immutable; made by whoever builds the agent.
 *
 * @param failuresBeforeRestart failed duty cycles in a row (no successful cycle between them)
 *     after which the agent is closed and started again
 * @param firstBackoff the wait before the first restart; it doubles with each restart that is
 *     not followed by a successful duty cycle
 * @param maxBackoff the longest wait between restarts
 */
public record RestartPolicy(int failuresBeforeRestart, Duration firstBackoff, Duration maxBackoff) {

    /**
     * Three failures in a row: one odd error is counted and survived without a restart, a socket
     * that fails on every read is reopened within a fraction of a second; back-off doubling up to
     * 5 s keeps a device that stays broken from costing the show more than a reopen every 5 s.
     */
    public static final RestartPolicy DEFAULT =
            new RestartPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(5));

    public RestartPolicy {
        if (failuresBeforeRestart < 1) {
            throw new IllegalArgumentException("failuresBeforeRestart must be at least 1, got "
                    + failuresBeforeRestart);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("back-off must be 0 <= first <= max, got " + firstBackoff
                    + " and " + maxBackoff);
        }
    }

    /** The wait before restart number {@code step} (0 for the first), doubling up to the maximum. */
    long backoffNanos(int step) {
        long first = firstBackoff.toNanos();
        long max = maxBackoff.toNanos();
        long wait = step >= 62 ? max : first << Math.min(step, 62);
        return wait < 0 || wait > max ? max : wait;
    }
}
