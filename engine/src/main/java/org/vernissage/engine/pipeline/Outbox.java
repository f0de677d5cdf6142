package org.vernissage.engine.pipeline;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import java.lang.System.Logger;
import java.util.Objects;
import org.vernissage.engine.fault.FaultCounts;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * The conductor's outbox: a second ring, from the conductor to one outside agent that sends OSC
 * replies, pushes state to consoles and persists the show. Its slots are the same envelopes as the
 * input ring's ({@link InputEvent}: a kind id, times, a payload written through the kind's
 * flyweight), pre-allocated, so posting costs no allocation.
 *
 * <p>The conductor must never wait for the outside world: {@link #claim} takes a slot only if one
 * is free and otherwise counts the event as {@link #refused()}; nothing blocks. The agent drains
 * with {@link #drain}, a poll that returns at once when the outbox is empty (it suits an agent's
 * duty cycle: no thread of the outbox's own).
 *
 * <p>A Disruptor {@link RingBuffer} with a single producer and an {@link EventPoller}: the same
 * library and slot type as the input ring, so nothing new to learn or configure. (Agrona's
 * {@code OneToOneRingBuffer} would do the same, but its buffers need
 * {@code --add-exports java.base/jdk.internal.misc} on JDK 25, which every launcher and test run
 * would have to carry.)
 *
 * <p>The agent may idle between polls (a parked thread); envelopes a person waits for (a console's
 * reply) can wake it instead ({@link #wakeOn}): the conductor then wakes it once, at the end of
 * the batch that posted one ({@link #endOfBatch()}), not once per envelope and never for the rest.
 *
 * <p>A handler that throws loses that one event (skipped, counted in {@link #faults()}, logged
 * once per kind): a poison event must not come back at every poll.
 *
 * <p>Threads: {@link #claim}, {@link #commit} and {@link #post} only on the conductor thread (the
 * one producer); {@link #drain} only on the one agent thread; the counters on any thread.
 */
public final class Outbox {

    /** Receives drained events; return false to stop draining for now. */
    @FunctionalInterface
    public interface Handler {
        boolean onEvent(InputEvent event);
    }

    /** Slots unless told otherwise. */
    public static final int DEFAULT_SIZE = 4096;

    private final RingBuffer<InputEvent> ring;
    private final EventPoller<InputEvent> poller;
    private final EventPoller.Handler<InputEvent> pollHandler = this::onPolled;
    private final FaultCounts faults;
    private long claimed = -1;
    private Handler draining; // agent thread only
    private int drained;      // agent thread only
    private volatile long posted;
    private volatile long refused;
    private volatile int wakeKind = -1;       // set once, before or while the conductor runs
    private volatile Runnable wake = () -> { };
    private boolean wakeOwed;                 // conductor thread only

    /** @param size a power of two: how many events may wait for the agent */
    public Outbox(int size) {
        this(size, System.getLogger(Outbox.class.getName()));
    }

    /** @param log where the agent's failures to handle an event are reported (once per kind) */
    public Outbox(int size, Logger log) {
        this.faults = new FaultCounts("outbox agent", "that event was skipped; the outbox goes on with the next", log);
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("outbox size must be a power of two, got " + size);
        }
        this.ring = RingBuffer.createSingleProducer(InputEvent.slots(size), size);
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
    }

    /**
     * Conductor thread: claims a slot for an event of {@code kind} and returns it, for the kind's
     * flyweight to fill; then call {@link #commit}. Returns null, and counts the event as refused,
     * when the outbox is full.
     */
    public InputEvent claim(int kind, long nanos) {
        if (claimed >= 0) {
            throw new IllegalStateException("claim() twice without commit()");
        }
        long sequence;
        try {
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            // Preallocated singleton inside the Disruptor: refusing costs no allocation.
            refused = refused + 1;
            return null;
        }
        claimed = sequence;
        return ring.get(sequence).begin(kind, nanos, InputBatch.IMMEDIATELY, false);
    }

    /** Conductor thread: hands the claimed event to the agent. */
    public void commit() {
        if (claimed < 0) {
            throw new IllegalStateException("commit() without a claim()");
        }
        long sequence = claimed;
        claimed = -1;
        if (ring.get(sequence).kind() == wakeKind) {
            wakeOwed = true;
        }
        ring.publish(sequence);
        posted = posted + 1;
    }

    /**
     * Envelopes of {@code kind} wake the agent (with {@code wake}) at the end of the conductor's
     * batch that posted them, instead of waiting for its next poll. Set by the wiring thread,
     * once; any kind else waits for the poll.
     */
    public void wakeOn(int kind, Runnable wake) {
        this.wake = Objects.requireNonNull(wake, "wake");
        this.wakeKind = kind;
    }

    /** Conductor thread, at the end of each batch: wakes the agent if the batch posted an envelope it waits for. */
    public void endOfBatch() {
        if (wakeOwed) {
            wakeOwed = false;
            wake.run();
        }
    }

    /**
     * Conductor thread: posts a copy of {@code event}.
     *
     * @return false when the outbox was full (counted in {@link #refused()})
     */
    public boolean post(InputEvent event) {
        if (claim(event.kind(), event.arrivalNanos()) == null) {
            return false;
        }
        ring.get(claimed).copyFrom(event);
        commit();
        return true;
    }

    /**
     * Agent thread: hands every waiting event to {@code handler}, oldest first, until it is empty
     * or the handler returns false. Never blocks.
     *
     * @return how many events were handed over
     */
    public int drain(Handler handler) {
        draining = handler;
        drained = 0;
        try {
            poller.poll(pollHandler);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("draining the outbox: " + e, e);
        } finally {
            draining = null;
        }
        return drained;
    }

    private boolean onPolled(InputEvent event, long sequence, boolean endOfBatch) {
        drained++;
        try {
            return draining.onEvent(event);
        } catch (RuntimeException e) {
            faults.record(e, EventKinds.name(event.kind()) + " event from the outbox");
            return true; // skipped: the poller moves past it
        }
    }

    /** What the agent's handlers threw (each lost one event). Any thread. */
    public FaultCounts faults() {
        return faults;
    }

    /** Events posted so far. */
    public long posted() {
        return posted;
    }

    /** Events the conductor could not post because the outbox was full. */
    public long refused() {
        return refused;
    }

    /** Events posted and not yet drained. */
    public long backlog() {
        return ring.getBufferSize() - ring.remainingCapacity();
    }
}
