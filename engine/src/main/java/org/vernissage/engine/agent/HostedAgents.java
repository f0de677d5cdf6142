package org.vernissage.engine.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.agrona.concurrent.DynamicCompositeAgent;

/**
 * Agents that run on a thread they do not own, between that thread's own work: the thread calls
 * {@link #doWork()} when it has a moment and {@link #select} when neither it nor they have
 * anything to do. Like {@link AgentThread} (an Agrona {@link DynamicCompositeAgent} of
 * {@link SupervisedAgent}s, each with its error policy; members added and removed while it runs,
 * their {@code onStart}/{@code onClose} run on the host thread), minus the thread and its loop:
 * whoever hosts decides when to run them. The ring's conductor does, through
 * {@code HostingWaitStrategy}, so a datagram is received, decoded, published and applied on one
 * thread.
 *
 * <p>Threads: {@link #doWork()} and {@link #select} are called by the host thread alone (the
 * first call starts the composite there); {@link #add}, {@link #remove} and {@link #close()} by
 * the wiring thread that owns the host; {@link #wake()} and {@link #health()} by any thread.
 * Nothing is allocated per duty cycle or per idle.
 */
public final class HostedAgents implements AgentHost, AutoCloseable {

    /** How long add and remove wait for the host thread before giving up. */
    static final long WAIT_MILLIS = AgentThread.WAIT_MILLIS;
    private static final Consumer<SelectionKey> WAKE_ONLY = key -> { };
    private static final long FAILED_PARK_NANOS = 10_000_000;
    private static final Logger LOG = System.getLogger(HostedAgents.class.getName());

    private final String name;
    private final Selector selector;
    private final DynamicCompositeAgent agents;
    private final ErrorKinds escaped;
    private final List<SupervisedAgent> members = new CopyOnWriteArrayList<>();
    private volatile boolean started;     // written by the host thread, read by the wiring thread
    private volatile boolean hostEnded;   // the host will run no more duty cycles
    private boolean selectFailureLogged;  // host thread only

    /** @param name the host's name, for messages (e.g. "vernissage-conductor") */
    public HostedAgents(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.agents = new DynamicCompositeAgent(name);
        this.escaped = new ErrorKinds(name + " (hosted agents)", LOG);
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector: " + e.getMessage(), e);
        }
    }

    // ---- the host thread ----------------------------------------------------------------------

    /**
     * One duty cycle of every member (each bounds its own work); how much work they did. Never
     * throws: what escapes the members' supervision is counted and logged once per kind, so the
     * host's own work is never cut short by an agent.
     */
    public int doWork() {
        try {
            if (!started) {
                agents.onStart();
                started = true;
            }
            return agents.doWork();
        } catch (Exception | LinkageError | AssertionError e) {
            escaped.count(e, "a hosted duty cycle");
            return 0;
        }
    }

    /**
     * Sleeps until a member's channel has input, {@link #wake()} is called, or {@code timeoutMillis}
     * pass. The host calls it only when it has announced that it is about to sleep (so producers
     * know to wake it) and has looked once more for work of its own.
     */
    public void select(long timeoutMillis) {
        try {
            selector.select(WAKE_ONLY, timeoutMillis);
        } catch (IOException | ClosedSelectorException e) {
            if (!selectFailureLogged && !hostEnded) { // a closed selector at the end is no failure
                selectFailureLogged = true;
                LOG.log(Level.WARNING, name + ": waiting on its selector failed (" + e
                        + "); it polls every 10 ms instead; logged once");
            }
            LockSupport.parkNanos(FAILED_PARK_NANOS);
        }
    }

    /** The host thread will call no more duty cycles (it is stopping): add and remove stop waiting. */
    public void hostEnded() {
        hostEnded = true;
    }

    // ---- the wiring thread --------------------------------------------------------------------

    @Override
    public String name() {
        return name;
    }

    @Override
    public Selector selector() {
        return selector;
    }

    @Override
    public synchronized void add(SupervisedAgent agent) {
        awaitHost(() -> started || hostEnded, "starting");
        if (hostEnded) {
            throw new IllegalStateException(name + " has stopped; cannot host " + agent.name());
        }
        awaitHost(() -> agents.tryAdd(agent), "adding " + agent.name());
        awaitHost(() -> hostEnded || agents.hasAddAgentCompleted(), "starting " + agent.name());
        members.add(agent);
    }

    @Override
    public synchronized void remove(SupervisedAgent agent) {
        if (!members.remove(agent) || hostEnded) {
            return; // never here, or the host has stopped: its owner closes what the agent held
        }
        try {
            awaitHost(() -> hostEnded || agents.tryRemove(agent), "removing " + agent.name());
            awaitHost(() -> hostEnded || agents.hasRemoveAgentCompleted(), "closing " + agent.name());
        } catch (IllegalStateException notDone) {
            // Bounded: say so and go on; the owner still closes its socket.
            LOG.log(Level.WARNING, notDone.getMessage());
        }
    }

    @Override
    public void wake() {
        selector.wakeup();
    }

    @Override
    public List<AgentHealth> health() {
        return List.copyOf(members);
    }

    /** Errors that escaped the members' supervision, per kind; for tests and statistics. Any thread. */
    public long escapedErrors(Class<? extends Throwable> kind) {
        return escaped.count(kind);
    }

    /** Closes the selector, once the host thread has stopped. Idempotent. */
    @Override
    public void close() {
        hostEnded = true;
        try {
            selector.close();
        } catch (IOException ignored) {
            // stopping: nothing left to do with it
        }
    }

    /** Waits (bounded) until {@code done}, waking the host meanwhile so that it runs a duty cycle. */
    private void awaitHost(BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(name + ": " + what + " did not complete within "
                        + WAIT_MILLIS + " ms (is its thread running?)");
            }
            selector.wakeup();
            LockSupport.parkNanos(100_000);
        }
    }
}
