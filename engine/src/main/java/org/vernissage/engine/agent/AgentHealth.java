package org.vernissage.engine.agent;

import java.util.Map;

/**
 * The read-only view of one supervised agent that a statistics line reads: how many duty cycles
 * failed, how often the agent was restarted, its state, and its failures per kind (exception
 * class).
 *
 * <p>Written by the agent's own thread only; any thread reads. Each value is read on its own, so
 * a set of readings is not one atomic snapshot.
 */
public interface AgentHealth {

    /** The agent's role name, e.g. {@code "osc-udp-9000"}. */
    String name();

    /** Failed duty cycles (and failed starts), all kinds together. */
    long errors();

    /** How many times the agent was closed and started again after repeated failures. */
    long restarts();

    AgentState state();

    /** Failures per exception class name, in the order first seen. Allocates: not for hot paths. */
    Map<String, Long> errorsByKind();

    /** One short line, e.g. {@code "osc-udp-9000: RUNNING, errors 3, restarts 1"}. */
    default String describe() {
        return name() + ": " + state() + ", errors " + errors() + ", restarts " + restarts();
    }
}
