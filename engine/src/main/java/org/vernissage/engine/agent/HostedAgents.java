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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.agrona.concurrent.DynamicCompositeAgent;
import org.vernissage.engine.fault.FaultCounts;

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
 * <p><b>The standby.</b> A host may be kept off its core (the scheduler, a long batch of its own
 * work) for longer than a socket's kernel buffer lasts in a flood (4 MiB hold some 4,000 small
 * datagrams: 20 ms at 200k per second); a receiver on a thread of its own would have drained the
 * socket into the ring meanwhile. So once agents are hosted, a standby thread looks every now and
 * then whether the host has run a duty cycle since its last look; if not, the standby runs the
 * duty cycles itself until the sockets are empty. The two never run the agents at once (a flag taken with a CAS, which
 * also hands the agents' state from one to the other), and the agents keep their order of
 * reading. It also takes over while the host falls behind (its duty cycles are cut short by
 * their bound): it then receives while the host conducts, as a receiver thread of its own would,
 * until the sockets are empty. The standby looks seldom: every {@link #STANDBY_DATAGRAMS}
 * datagrams at the rate of the last look (1 ms at 500k per second, 50 ms at 10k, 1 s at most),
 * so at a gallery's rates it wakes a few times per second and costs nothing measurable per
 * message.
 *
 * <p><b>The direct wait.</b> A host whose only member is a datagram socket's agent that offers a
 * {@link DirectWait} (the app's one OSC port, the usual case) sleeps in that socket's blocking
 * receive instead of the selector: one system call per datagram instead of two, and the kernel's
 * shortest path from a datagram to a woken thread (issue 8's packet-to-snapshot tail). That cycle
 * ({@link #sleepingCycle()}) handles what woke it; {@link #wake()} sends the socket a datagram of
 * its own. A second member ends the direct wait for good (each member's channel then joins the
 * selector at its next duty cycle). While the host sleeps in the receive, the standby does not run
 * cycles: the receive holds the socket, which was empty when the host went to sleep, and what
 * arrives wakes the host itself.
 *
 * <p>Threads: {@link #doWork()} and {@link #select} are called by the host thread alone (the
 * first call starts the composite there); the standby thread ("HOST-standby") runs duty cycles
 * only while the host is late; {@link #add}, {@link #remove} and {@link #close()} by the wiring
 * thread that owns the host; {@link #wake()} and {@link #health()} by any thread. Nothing is
 * allocated per duty cycle or per idle.
 */
public final class HostedAgents implements AgentHost, AutoCloseable {

    /** How long add and remove wait for the host thread before giving up. */
    static final long WAIT_MILLIS = CompositeMembers.WAIT_MILLIS;
    private static final Consumer<SelectionKey> WAKE_ONLY = key -> { };
    private static final long FAILED_PARK_NANOS = 10_000_000;
    private static final Logger LOG = System.getLogger(HostedAgents.class.getName());
    /** The standby looks again after about this many datagrams at the current rate: well within a socket buffer. */
    static final long STANDBY_DATAGRAMS = 500;
    static final long STANDBY_MIN_NANOS = 1_000_000;
    static final long STANDBY_MAX_NANOS = 1_000_000_000;
    /** A duty cycle with this much work was cut short by its agents' bound: input is piling up. */
    static final int FULL_CYCLE_WORK = 64;

    private final String name;
    private final Selector selector;
    private final DynamicCompositeAgent agents;
    private final FaultCounts escaped;
    private final CompositeMembers members;
    private volatile boolean started;     // written by the host thread, read by the wiring thread
    private volatile boolean hostEnded;   // the host will run no more duty cycles
    private boolean selectFailureLogged;  // host thread only
    /** Taken (CAS) by whichever thread runs a duty cycle: the host, or the standby while the host is late. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong cycles = new AtomicLong(); // duty cycles run, by either; one writer at a time
    private final AtomicLong work = new AtomicLong();   // work done (datagrams read), by either
    private final AtomicLong fullCycles = new AtomicLong(); // cycles cut short by their bound
    private final AtomicLong standbyCycles = new AtomicLong();
    private final AtomicLong socketSleeps = new AtomicLong(); // written by the host thread alone
    private volatile boolean draining;    // the standby is running the duty cycles
    private volatile DirectWait direct;   // the only member's socket, slept in; null once a second joins
    private volatile boolean directEnded; // a second member joined: the selector from now on
    private volatile boolean sleeping;    // the host is in a sleeping cycle (the standby keeps off)
    private boolean sleepingCycle;        // the cycle now running is that sleep; written under `running`
    private Thread standby;               // started with the first member (wiring thread)

    /** @param name the host's name, for messages (e.g. "vernissage-conductor") */
    public HostedAgents(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.agents = new DynamicCompositeAgent(name);
        this.escaped = new FaultCounts(name + " (hosted agents)", SupervisedAgent.GOES_ON, LOG);
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector: " + e.getMessage(), e);
        }
        this.members = new CompositeMembers(name, agents, this::wake, () -> hostEnded);
    }

    // ---- the host thread ----------------------------------------------------------------------

    /**
     * One duty cycle of every member (each bounds its own work); how much work they did. Never
     * throws: what escapes the members' supervision is counted and logged once per kind, so the
     * host's own work is never cut short by an agent.
     */
    public int doWork() {
        if (!started) {
            try {
                agents.onStart();
            } catch (Exception | LinkageError | AssertionError e) {
                escaped.record(e, "starting the hosted agents");
            }
            started = true;
        }
        return Math.max(0, runCycle(false));
    }

    /**
     * Whether the standby is running the duty cycles (a flood, or the host was late): the host
     * should then wait for the ring, not on the selector, whose sockets stay readable meanwhile.
     * Any thread.
     */
    public boolean standbyDraining() {
        return draining;
    }

    /**
     * One duty cycle and its work, or -1 when the other thread is running one; never throws.
     * {@code asSleep}: the host's sleep, in which the direct member may block in its receive.
     */
    private int runCycle(boolean asSleep) {
        if (!running.compareAndSet(false, true)) {
            return -1;
        }
        sleepingCycle = asSleep;
        try {
            int done = agents.doWork();
            work.setRelease(work.getPlain() + done);
            if (done >= FULL_CYCLE_WORK) {
                fullCycles.setRelease(fullCycles.getPlain() + 1);
            }
            return done;
        } catch (Exception | LinkageError | AssertionError e) {
            escaped.record(e, "a hosted duty cycle");
            return 0;
        } finally {
            sleepingCycle = false;
            cycles.setRelease(cycles.getPlain() + 1);
            running.set(false);
        }
    }

    /**
     * Sleeps until a member's channel has input, {@link #wake()} is called, or {@code timeoutMillis}
     * pass. The host calls it only when it has announced that it is about to sleep (so producers
     * know to wake it) and has looked once more for work of its own. With the direct wait the
     * sleep is a duty cycle that handles what woke it: true then (no cycle is needed after it).
     */
    public boolean select(long timeoutMillis) {
        DirectWait only = direct;
        if (only != null && only.canWait()) {
            return sleepInTheSocket();
        }
        selectOnly(timeoutMillis);
        return false;
    }

    private boolean sleepInTheSocket() {
        socketSleeps.setRelease(socketSleeps.getPlain() + 1);
        sleeping = true;
        try {
            return runCycle(true) >= 0;
        } finally {
            sleeping = false;
        }
    }

    private void selectOnly(long timeoutMillis) {
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
        add(agent, null);
    }

    @Override
    public synchronized void add(SupervisedAgent agent, DirectWait directWait) {
        members.await(() -> started || hostEnded, "starting");
        if (hostEnded) {
            throw new IllegalStateException(name + " has stopped; cannot host " + agent.name());
        }
        if (directWait != null && !directEnded && members.health().isEmpty()) {
            direct = directWait;
        } else {
            endDirectWait();
        }
        members.add(agent);
        startStandbyIfNeeded();
    }

    /** A second member: the selector from now on; a host asleep in the first's socket is woken. */
    private void endDirectWait() {
        DirectWait was = direct;
        directEnded = true;
        direct = null;
        if (was != null) {
            was.wake();
        }
    }

    @Override
    public boolean waitsOn(DirectWait directWait) {
        return directWait != null && directWait == direct;
    }

    @Override
    public boolean sleepingCycle() {
        return sleepingCycle && direct != null;
    }

    @Override
    public synchronized void remove(SupervisedAgent agent) {
        try {
            // Returns at once when the host has stopped: its owner closes what the agent held.
            members.remove(agent);
            if (members.health().isEmpty()) {
                direct = null; // the socket slept in has gone with its agent
            }
        } catch (IllegalStateException notDone) {
            // Bounded: say so and go on; the owner still closes its socket.
            LOG.log(Level.WARNING, notDone.getMessage());
        }
    }

    /**
     * Ends the host's sleep: both ways while the direct wait is on, because which one the host
     * sleeps in is decided on its thread, after a producer may have looked.
     */
    @Override
    public void wake() {
        DirectWait only = direct;
        if (only != null) {
            only.wake();
        }
        selector.wakeup();
    }

    @Override
    public List<AgentHealth> health() {
        return members.health();
    }

    /** Errors that escaped the members' supervision, per kind; for tests and statistics. Any thread. */
    public long escapedErrors(Class<? extends Throwable> kind) {
        return escaped.count(kind);
    }

    /** Duty cycles the standby ran because the host was late; for tests and statistics. Any thread. */
    public long standbyCycles() {
        return standbyCycles.get();
    }

    /** Sleeps the host took in its only member's socket (the direct wait); for tests and statistics. Any thread. */
    public long socketSleeps() {
        return socketSleeps.get();
    }

    /** Stops the standby and closes the selector, once the host thread has stopped. Idempotent. */
    @Override
    public synchronized void close() {
        hostEnded = true;
        if (standby != null) {
            LockSupport.unpark(standby);
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // stopping: nothing left to do with it
        }
    }

    // ---- the standby thread ------------------------------------------------------------------

    private void startStandbyIfNeeded() {
        if (standby == null) {
            standby = new Thread(this::standBy, name + "-standby");
            standby.setDaemon(true);
            standby.start();
        }
    }

    /**
     * Looks, seldom, whether the host is late (no duty cycle since the last look, and not asleep
     * in select) or falling behind (duty cycles cut short by their bound); drains the sockets for
     * it when it is, so the host only conducts meanwhile, as a receiver thread of its own would.
     */
    private void standBy() {
        long lastCycles = cycles.get();
        long lastFull = fullCycles.get();
        long lastWork = work.get();
        long lastLook = System.nanoTime();
        long period = STANDBY_MAX_NANOS;
        while (!hostEnded) {
            LockSupport.parkNanos(period);
            long now = System.nanoTime();
            // Late: no duty cycle since the last look. Asleep in select does not excuse it: a host
            // woken by input may wait for a core as long as one that never slept (a busy machine),
            // and an idle host runs a cycle every select timeout anyway.
            boolean late = cycles.get() == lastCycles;
            boolean behind = fullCycles.get() != lastFull;
            if ((late || behind) && started && !hostEnded && !sleeping) {
                drainForTheHost();
            }
            long workNow = work.get();
            period = nextPeriod(workNow - lastWork, now - lastLook);
            lastCycles = cycles.get();
            lastFull = fullCycles.get();
            lastWork = workNow;
            lastLook = now;
        }
    }

    /** Runs duty cycles until they find nothing. */
    private void drainForTheHost() {
        draining = true;
        try {
            int done;
            do {
                done = runCycle(false);
                if (done < 0) {
                    if (sleeping) {
                        break; // the host sleeps in the socket: what arrives wakes it
                    }
                    Thread.onSpinWait(); // the host is finishing a cycle of its own
                } else {
                    standbyCycles.setRelease(standbyCycles.getPlain() + 1);
                }
            } while (done != 0 && !hostEnded);
        } finally {
            draining = false;
        }
    }

    /** How long until the standby looks again: {@link #STANDBY_DATAGRAMS} at the rate just seen. */
    static long nextPeriod(long datagrams, long elapsedNanos) {
        if (datagrams <= 0) {
            return STANDBY_MAX_NANOS;
        }
        double perNano = datagrams / (double) Math.max(1, elapsedNanos);
        long period = (long) (STANDBY_DATAGRAMS / perNano);
        return Math.max(STANDBY_MIN_NANOS, Math.min(STANDBY_MAX_NANOS, period));
    }
}
