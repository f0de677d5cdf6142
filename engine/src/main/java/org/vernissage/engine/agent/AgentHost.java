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

    /**
     * Adds {@code agent}, whose socket the host may sleep in instead of its selector while the
     * agent is its only member ({@link DirectWait}); returns once its {@code onStart} has run.
     * A host that cannot (a thread of the agents' own) adds it as {@link #add(SupervisedAgent)}.
     */
    default void add(SupervisedAgent agent, DirectWait direct) {
        add(agent);
    }

    /**
     * Whether the host sleeps in {@code direct}'s socket: the agent then keeps its channel off
     * {@link #selector()} (a channel in blocking mode cannot be registered). May change to false
     * when another member joins; never back. The agent's thread, in its duty cycles.
     */
    default boolean waitsOn(DirectWait direct) {
        return false;
    }

    /**
     * Whether the duty cycle now running is the host's sleep: the {@link #waitsOn} agent may then
     * block in its socket's receive until a datagram or its {@link DirectWait#wake()}. The agent's
     * thread, in its duty cycle.
     */
    default boolean sleepingCycle() {
        return false;
    }

    /** Removes {@code agent}; returns once its {@code onClose} has run (or the host has ended). */
    void remove(SupervisedAgent agent);

    /** Ends the host's current idle at once (a producer has handed an agent work). */
    void wake();

    /** The members' health, for a statistics line. */
    List<AgentHealth> health();
}
