package org.vernissage.engine.agent;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.DynamicCompositeAgent;
import org.vernissage.engine.fault.FaultCounts;

/**
 * One long-lived thread running any number of {@link SupervisedAgent}s: an Agrona
 * {@link AgentRunner} driving a {@link DynamicCompositeAgent}, so each duty cycle runs every
 * member's {@code doWork()} in turn and the thread idles (with its {@link WakeableIdleStrategy})
 * only when none had work. One agent per thread is the common case; several UDP receivers may
 * share one thread on a 2-core PC (whoever builds them decides).
 *
 * <p>Members are added and removed while the thread runs; the composite calls their
 * {@code onStart}/{@code onClose} on this thread, so a member's state stays confined to it. An
 * error that escapes the members (their supervision catches theirs) is counted, logged once, and
 * the thread goes on: Agrona's runner keeps looping after its error handler returns.
 *
 * <p>Threads: made, {@link #add}ed to, {@link #remove}d from and {@link #close()}d by the wiring
 * thread that owns it (those methods are synchronized); the thread it starts is a daemon named
 * after it, so a forgotten close cannot keep the JVM alive. {@link #close()} is bounded.
 */
public final class AgentThread implements AgentHost, AutoCloseable {

    /** How long add, remove and close wait for the thread before saying so and going on. */
    static final long WAIT_MILLIS = CompositeMembers.WAIT_MILLIS;
    private static final Logger LOG = System.getLogger(AgentThread.class.getName());

    private final String name;
    private final boolean background;
    private final WakeableIdleStrategy idle;
    private final DynamicCompositeAgent agents;
    private final AgentRunner runner;
    private final FaultCounts escaped;
    private final CompositeMembers members;
    private Thread thread;
    private boolean closed;

    /** A thread that idles on a selector (see {@link SelectorIdleStrategy}): for socket agents. */
    public static AgentThread selecting(String name, Duration timeout) {
        return new AgentThread(name, new SelectorIdleStrategy(timeout));
    }

    /** A thread that idles by parking for {@code park}: for agents paced by time. */
    public static AgentThread parking(String name, Duration park) {
        return new AgentThread(name, new ParkingIdleStrategy(park));
    }

    /**
     * A thread that idles by parking for {@code park}, in {@code SCHED_IDLE} when
     * {@code inBackground} ({@link ThreadScheduling}: only on a core nothing else wants): for work
     * that looks at the show without being part of it and that nobody waits on, such as the
     * console's thumbnails.
     */
    public static AgentThread parking(String name, Duration park, boolean inBackground) {
        return new AgentThread(name, new ParkingIdleStrategy(park), inBackground);
    }

    public AgentThread(String name, WakeableIdleStrategy idle) {
        this(name, idle, false);
    }

    private AgentThread(String name, WakeableIdleStrategy idle, boolean background) {
        this.background = background;
        this.name = Objects.requireNonNull(name, "name");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.agents = new DynamicCompositeAgent(name);
        this.members = new CompositeMembers(name, agents, idle::wake,
                () -> closed || agents.status() != DynamicCompositeAgent.Status.ACTIVE);
        this.escaped = new FaultCounts(name, SupervisedAgent.GOES_ON, LOG);
        this.runner = new AgentRunner(idle, this::escaped, null, agents);
    }

    /** The thread's name, e.g. {@code "vernissage-osc-udp"}. */
    @Override
    public String name() {
        return name;
    }

    /**
     * The selector members register their channels with, so that input wakes the thread.
     *
     * @throws IllegalStateException when the thread idles some other way
     */
    @Override
    public Selector selector() {
        if (idle instanceof SelectorIdleStrategy selecting) {
            return selecting.selector();
        }
        throw new IllegalStateException(name + " does not idle on a selector");
    }

    /**
     * Adds {@code agent}, starting the thread if needed; returns once the agent's {@code onStart}
     * has run on the thread.
     */
    @Override
    public synchronized void add(SupervisedAgent agent) {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
        startIfNeeded();
        members.add(agent);
    }

    /** Removes {@code agent}; returns once its {@code onClose} has run on the thread. */
    @Override
    public synchronized void remove(SupervisedAgent agent) {
        members.remove(agent);
    }

    /**
     * Ends the thread's current idle at once: for a producer that has just handed a member work
     * (allocates nothing; an unpark or a selector wake-up). Any thread.
     */
    @Override
    public void wake() {
        idle.wake();
    }

    /** The members' health, for a statistics line. Any thread. */
    @Override
    public List<AgentHealth> health() {
        return members.health();
    }

    /**
     * Waits up to {@code millis} for the thread to end by itself (an agent that ended its work);
     * true when it has ended or never started.
     */
    public boolean awaitEnd(long millis) throws InterruptedException {
        Thread started;
        synchronized (this) {
            started = thread;
        }
        if (started == null) {
            return true;
        }
        started.join(Math.max(1, millis));
        return !started.isAlive();
    }

    /** Whether the thread is running (started and not yet ended). Any thread. */
    public synchronized boolean isAlive() {
        return thread != null && thread.isAlive();
    }

    /**
     * Stops the thread; every member's {@code onClose} runs on it as it ends. Waits up to 2 s and
     * then says so and leaves it (a daemon) rather than hang the show's shutdown. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        idle.closing();
        Thread closer = new Thread(runner::close, name + "-closing");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(WAIT_MILLIS);
            if (!closer.isAlive() && thread != null && thread != Thread.currentThread()) {
                // Agrona's close returns once the duty cycle has ended, a moment before the thread
                // itself has: join it, so that a closed thread is no longer alive
                thread.join(WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            LOG.log(Level.WARNING, name + " did not stop within " + WAIT_MILLIS + " ms; leaving it as a daemon");
        } else if (idle instanceof SelectorIdleStrategy selecting) {
            selecting.close();
        }
    }

    /** An error no member's supervision caught; an agent ending its own work is not one. */
    private void escaped(Throwable error) {
        if (!(error instanceof AgentTerminationException)) {
            escaped.record(error, "its runner");
        }
    }

    private void startIfNeeded() {
        if (thread != null) {
            return;
        }
        thread = AgentRunner.startOnThread(runner, ThreadScheduling.daemonThreads(name, background));
        members.await(() -> agents.status() == DynamicCompositeAgent.Status.ACTIVE, "starting");
    }
}
