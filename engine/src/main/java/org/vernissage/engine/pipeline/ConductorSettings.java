package org.vernissage.engine.pipeline;

import java.time.Duration;

/**
 * How the conductor treats time-related input: how long a touch point lives without news from its
 * source, and how many early (time-tagged) events may wait for their due time; and after how many
 * failures in a row a stage that keeps throwing is disabled ({@code stageFailureLimit}).
 *
 * <p>Immutable; validated on construction.
 */
public record ConductorSettings(Duration touchTimeout, int scheduledCapacity, int touchCapacity,
                                int stageFailureLimit) {

    /** Failures in a row after which a stage is disabled, unless told otherwise. */
    public static final int DEFAULT_STAGE_FAILURE_LIMIT = 16;

    /** One second of silence ends a touch; 4096 waiting events; 32 touch points; 16 failures. */
    public static final ConductorSettings DEFAULT =
            new ConductorSettings(Duration.ofSeconds(1), 4096, SnapshotExchange.DEFAULT_TOUCH_CAPACITY);

    /** With the default stage failure limit. */
    public ConductorSettings(Duration touchTimeout, int scheduledCapacity, int touchCapacity) {
        this(touchTimeout, scheduledCapacity, touchCapacity, DEFAULT_STAGE_FAILURE_LIMIT);
    }

    public ConductorSettings {
        if (touchTimeout.isNegative() || touchTimeout.isZero()) {
            throw new IllegalArgumentException("touch timeout must be positive: " + touchTimeout);
        }
        if (scheduledCapacity < 1 || touchCapacity < 1) {
            throw new IllegalArgumentException("capacities must be positive");
        }
        if (stageFailureLimit < 1) {
            throw new IllegalArgumentException("stage failure limit must be positive: " + stageFailureLimit);
        }
    }
}
