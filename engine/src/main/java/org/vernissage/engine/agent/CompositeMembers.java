package org.vernissage.engine.agent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.DynamicCompositeAgent;

/**
 * Adding agents to, and removing them from, a {@link DynamicCompositeAgent} that another thread
 * runs: the protocol {@link AgentThread} and {@link HostedAgents} share. Agrona applies an add or
 * a remove on the running thread, at its next duty cycle; this waits (bounded, waking that thread
 * meanwhile) until the member's {@code onStart} has run, or until its {@code onClose} has run:
 * Agrona marks a removal complete before it calls {@code onClose}, so the close itself is awaited,
 * and an owner may release what the agent used once {@link #remove} returns.
 *
 * <p>Threads: {@link #add} and {@link #remove} are called by the owner's wiring thread (the owner
 * serialises them); {@link #health()} by any thread. Owned by the {@link AgentThread} or
 * {@link HostedAgents} that made it.
 */
final class CompositeMembers {

    /** How long an add or a remove waits for the running thread before saying so. */
    static final long WAIT_MILLIS = 2_000;

    private final String name;
    private final DynamicCompositeAgent agents;
    private final Runnable wake;
    private final BooleanSupplier stopped;
    private final List<SupervisedAgent> members = new CopyOnWriteArrayList<>();

    /**
     * @param name the owner's name, for the message when a wait runs out
     * @param wake ends the running thread's idle, so it runs a duty cycle now
     * @param stopped true once the running thread will run no more duty cycles (nothing to wait for)
     */
    CompositeMembers(String name, DynamicCompositeAgent agents, Runnable wake, BooleanSupplier stopped) {
        this.name = name;
        this.agents = agents;
        this.wake = wake;
        this.stopped = stopped;
    }

    /** Adds {@code agent}; returns once its {@code onStart} has run (or the thread stopped). */
    void add(SupervisedAgent agent) {
        await(() -> agents.tryAdd(agent), "adding " + agent.name());
        await(orStopped(agents::hasAddAgentCompleted), "starting " + agent.name());
        members.add(agent);
    }

    /**
     * Removes {@code agent}; returns once its {@code onClose} has run, or at once when it is not a
     * member or the thread has stopped (its members were closed with it).
     *
     * @throws IllegalStateException when the running thread did not get there in time
     */
    void remove(SupervisedAgent agent) {
        if (!members.remove(agent) || stopped.getAsBoolean()) {
            return;
        }
        await(orStopped(() -> agents.tryRemove(agent)), "removing " + agent.name());
        await(orStopped(agents::hasRemoveAgentCompleted), "removing " + agent.name());
        await(orStopped(() -> agent.state() == AgentState.CLOSED), "closing " + agent.name());
    }

    /** {@code done}, or the thread stopped meanwhile (then the composite may refuse the call). */
    private BooleanSupplier orStopped(BooleanSupplier done) {
        return () -> {
            try {
                return stopped.getAsBoolean() || done.getAsBoolean();
            } catch (IllegalStateException noLongerActive) {
                return true;
            }
        };
    }

    /** The members' health, in the order added. Any thread. */
    List<AgentHealth> health() {
        return List.copyOf(members);
    }

    /** Waits (bounded) until {@code done}, waking the running thread meanwhile. */
    void await(BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(name + ": " + what + " did not complete within " + WAIT_MILLIS
                        + " ms (is its thread running, or busy?)");
            }
            wake.run();
            LockSupport.parkNanos(100_000);
        }
    }
}
