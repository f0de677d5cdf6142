package org.vernissage.engine.agent;

/**
 * Where a {@link SupervisedAgent} is in its life, as its statistics show it. Stored in a counter
 * as the ordinal (never persisted).
 */
public enum AgentState {
    /** Made, not yet started on its thread. */
    NEW,
    /** Started; its duty cycles run. */
    RUNNING,
    /** Failed repeatedly: closed, waiting its back-off before it is started again. */
    BACKING_OFF,
    /** Closed for good. */
    CLOSED;

    private static final AgentState[] VALUES = values();

    static AgentState of(long ordinal) {
        return VALUES[(int) ordinal];
    }
}
