package org.vernissage.engine.pipeline;

import java.time.Duration;

/**
 * How the conductor treats time-related input: how long a touch point lives without news from its
 * source, and how many early (time-tagged) events may wait for their due time.
 *
 * <p>Immutable; validated on construction.
 */
public record ConductorSettings(Duration touchTimeout, int scheduledCapacity, int touchCapacity) {

    /** One second of silence ends a touch; 4096 waiting events; 32 touch points. */
    public static final ConductorSettings DEFAULT =
            new ConductorSettings(Duration.ofSeconds(1), 4096, SnapshotExchange.DEFAULT_TOUCH_CAPACITY);

    public ConductorSettings {
        if (touchTimeout.isNegative() || touchTimeout.isZero()) {
            throw new IllegalArgumentException("touch timeout must be positive: " + touchTimeout);
        }
        if (scheduledCapacity < 1 || touchCapacity < 1) {
            throw new IllegalArgumentException("capacities must be positive");
        }
    }
}
