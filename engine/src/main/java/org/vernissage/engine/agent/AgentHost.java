package org.vernissage.engine.agent;

import java.nio.channels.Selector;
import java.util.List;

/**
 * A thread that runs {@link SupervisedAgent}s' duty cycles and, when none has work, sleeps on a
 * {@link Selector} their channels are registered with: an {@link AgentThread} made with
 * {@link AgentThread#selecting} (a thread of the agents' own), or {@link HostedAgents} (agents run
 * on another component's thread between its own work: the conductor's, see
 * {@code HostingWaitStrategy}). A socket receiver is written once against this and runs on either.
 *
 * <p>{@link #add} and {@link #remove} are called by the wiring thread that owns the agent and
 * return once the agent's {@code onStart}/{@code onClose} has run on the host's thread (bounded);
 * {@link #selector()}, {@link #wake()} and {@link #health()} by any thread.
 */
public interface AgentHost {

    /** The host's name, for messages (a thread's name). */
    String name();

    /** The selector agents register their channels with, so that input wakes the host. */
    Selector selector();

    /** Adds {@code agent}; returns once its {@code onStart} has run on the host's thread. */
    void add(SupervisedAgent agent);

    /** Removes {@code agent}; returns once its {@code onClose} has run (or the host has ended). */
    void remove(SupervisedAgent agent);

    /** Ends the host's current idle at once (a producer has handed an agent work). */
    void wake();

    /** The members' health, for a statistics line. */
    List<AgentHealth> health();
}
