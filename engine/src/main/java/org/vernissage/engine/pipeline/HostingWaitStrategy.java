package org.vernissage.engine.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.vernissage.engine.agent.AgentHost;
import org.vernissage.engine.agent.HostedAgents;

/**
 * {@link RingWaitStrategy#HOSTED}: the ring's first consumer (the conductor) hosts socket agents
 * (the OSC UDP receivers, {@link #agents()}) and runs their duty cycles whenever it waits for
 * events; when neither they nor the ring have anything, it sleeps in {@code select} on their
 * selector, or in its one socket's own receive ({@link HostedAgents}' direct wait). Producers on
 * other threads (TUIO, phones, MIDI, the render thread's frame marks) wake it
 * ({@link HostedAgents#wake()}), and only when it has announced that it is about to sleep.
 *
 * <p>Why: with a receiver on a thread of its own, every datagram costs a hand-off between two
 * threads (the receiver signals, the conductor wakes or spins), which at 1k-40k messages per
 * second cost about twice the CPU of JavaOSC's one blocking receive and 1.8x the latency of bare
 * UDP. Hosted, a datagram is received, decoded, published and applied on one thread: one epoll
 * wake-up and one receive per datagram, no hand-off. The conductor is still the single writer of
 * show state; the receivers still write only their own state. A duty cycle is bounded (each
 * receiver reads at most 64 datagrams), so the conductor applies what it received promptly, and
 * the hosted agents get a duty cycle before every batch the conductor takes, so a flood from
 * another producer cannot starve them. When the host is late or falls behind in a flood,
 * {@link HostedAgents}' standby thread receives in its place, and the host then waits for what it
 * publishes instead of selecting on sockets that stay readable. Measured in
 * {@code docs/performance.md}; the design in {@code docs/architecture.md} (Decisions).
 *
 * <p>The same announce-then-look-again as {@link BackoffWaitStrategy}: the host sets a flag,
 * looks at the cursor once more, then selects; a producer wakes it only if the flag is set, so a
 * flood, which finds the host awake, costs producers no system call. Consumers other than the
 * host (a journal) wait as in {@link BackoffWaitStrategy}.
 *
 * <p>Threads: {@link #waitFor} is called by the ring's consumer threads (the host is the first
 * thread the ring's thread factory makes, see {@link #hostFirstThread}), {@link
 * #signalAllWhenBlocking()} by any producer. Each ring has its own instance, owned by the ring.
 */
public final class HostingWaitStrategy implements WaitStrategy, AutoCloseable {

    /**
     * The longest sleep in {@code select}: input and producers wake the host at once, so this only
     * bounds how soon a hosted agent's restart back-off is looked at. Half a second: a closed
     * venue's idle conductor wakes twice a second, not ten times (each wake of code that runs so
     * seldom runs interpreted, hundreds of microseconds on a slow day), and the standby, which
     * looks at most once a second, still sees a duty cycle between two looks.
     */
    static final long SELECT_TIMEOUT_MILLIS = 500;
    /** While the standby receives in a flood, the next event is microseconds away: spin, then nap. */
    private static final long SPIN_WHILE_STANDBY_NANOS = 5_000;
    private static final long PARK_WHILE_STANDBY_NANOS = 20_000;

    private final BackoffWaitStrategy others = new BackoffWaitStrategy();
    /** Set by the host about to sleep; a producer clears it and wakes the host. */
    private final AtomicBoolean hostIdle = new AtomicBoolean();
    private volatile HostedAgents agents;
    private volatile Thread host;

    /** Made by {@link RingWaitStrategy#create()}; the agents are named after the host thread. */
    HostingWaitStrategy() {
    }

    /**
     * Wraps the ring's thread factory: the first thread it makes (the first handler's, the
     * conductor's) becomes the host. Called once, by the ring, before it starts.
     */
    ThreadFactory hostFirstThread(ThreadFactory threads) {
        return task -> {
            Thread made = threads.newThread(task);
            if (agents == null) {
                agents = new HostedAgents(made.getName());
                host = made;
            }
            return made;
        };
    }

    /** Where socket agents go to run on the host thread; null before the ring was started. Any thread. */
    AgentHost agents() {
        return agents;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        if (Thread.currentThread() != host) {
            return others.waitFor(sequence, cursor, dependentSequence, barrier);
        }
        if (cursor.get() >= sequence) {
            agents.doWork(); // events are waiting: the hosted agents still get their turn per batch
        } else {
            hostUntilPublished(sequence, cursor, barrier);
        }
        long available;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            Thread.onSpinWait();
        }
        return available;
    }

    /** Runs the agents, and sleeps when they found nothing, until {@code sequence} is published. */
    private void hostUntilPublished(long sequence, Sequence cursor, SequenceBarrier barrier) throws AlertException {
        do {
            barrier.checkAlert();
            if (agents.standbyDraining()) {
                // The standby receives (a flood): the sockets stay readable, so select would not
                // sleep; wait for what it publishes instead.
                awaitStandby(sequence, cursor);
                continue;
            }
            // No duty cycle first: the last one ended on an empty socket, or was cut short by its
            // bound and then select returns at once (level-triggered), so this costs no receive.
            if (!sleepUnlessPublished(sequence, cursor, barrier)) {
                agents.doWork();
            }
        } while (cursor.get() < sequence);
    }

    private void awaitStandby(long sequence, Sequence cursor) {
        long start = System.nanoTime();
        while (cursor.get() < sequence && agents.standbyDraining()) {
            if (System.nanoTime() - start < SPIN_WHILE_STANDBY_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(PARK_WHILE_STANDBY_NANOS);
            }
        }
    }

    /** Sleeps unless {@code sequence} was published meanwhile; true when the sleep ran the agents' duty cycle. */
    private boolean sleepUnlessPublished(long sequence, Sequence cursor, SequenceBarrier barrier) throws AlertException {
        // Announce first, then look again: a producer that published in between either sees the
        // flag (and wakes us) or published before our second look (and we do not sleep).
        hostIdle.set(true);
        try {
            if (cursor.get() >= sequence) {
                return false;
            }
            barrier.checkAlert();
            return agents.select(SELECT_TIMEOUT_MILLIS);
        } finally {
            hostIdle.set(false);
        }
    }

    @Override
    public void signalAllWhenBlocking() {
        // A plain read first: while the host is awake (a flood), publishing costs no system call.
        // The host itself publishes inside its sleep with the direct wait (what woke it): no wake.
        if (hostIdle.get() && Thread.currentThread() != host && hostIdle.getAndSet(false)) {
            agents.wake();
        }
        others.signalAllWhenBlocking();
    }

    /** Closes the hosted agents' selector; called by the ring once its consumers have stopped. */
    @Override
    public void close() {
        HostedAgents made = agents;
        if (made != null) {
            made.close();
        }
    }

    @Override
    public String toString() {
        return "HostingWaitStrategy{the conductor hosts socket agents, selects when idle}";
    }
}
