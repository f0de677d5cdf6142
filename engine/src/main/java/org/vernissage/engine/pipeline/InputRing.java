package org.vernissage.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import org.vernissage.engine.agent.AgentHost;
import org.vernissage.engine.fault.FaultCounts;

/**
 * The input ring: a Disruptor of pre-allocated {@link InputEvent}s that every sensor and console
 * publishes into and the conductor (and later the journal) consume.
 *
 * <p>Every consumer gets a {@link RingExceptionHandler} in place of the Disruptor's default
 * (which would end its thread at the first exception, fill the ring and freeze the picture): the
 * event that threw is skipped and counted in that consumer's {@link #faults()}, logged once per
 * kind, and the consumer goes on.
 *
 * <p>The {@code offer} methods are called from any producer thread; they never block and never
 * allocate: a full ring refuses the event instead. The assembling code (the app) owns the ring,
 * starts it before the sensors and closes it after them.
 */
public final class InputRing implements InputSink, AutoCloseable {

    /**
     * What a run uses: 65,536 events (about 7 MB of pre-allocated events). A flood's burst waits
     * here while the conductor is off its core; with 4,096 slots a 2-core machine refused events
     * at 381k OSC messages per second, with this many it kept every one up to the rate a sender
     * could reach (docs/performance.md).
     */
    public static final int DEFAULT_SIZE = 65_536;

    private final Disruptor<InputEvent> disruptor;
    private final RingBuffer<InputEvent> ring;
    /**
     * Slots sensors may not take, so a flood can never crowd out the render thread's frame marks:
     * a lost mark would move time on late and leave a hole in a journal's replay.
     */
    private final int frameReserve;
    private final List<FaultCounts> faults = new ArrayList<>();
    private final WaitStrategy wait;
    private boolean started;

    /**
     * @param size a power of two; how many events may wait for the consumers before producers
     *     start being refused
     * @param handlers the consumers, run in parallel on their own threads
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array only reaches the Disruptor, which reads it once
    public InputRing(int size, RingWaitStrategy waitStrategy, ThreadFactory threads,
                     EventHandler<InputEvent>... handlers) {
        this(size, waitStrategy, threads, System.getLogger(InputRing.class.getName()), handlers);
    }

    /**
     * @param log where a consumer's exceptions are reported (once per consumer and kind)
     */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public InputRing(int size, RingWaitStrategy waitStrategy, ThreadFactory threads, Logger log,
                     EventHandler<InputEvent>... handlers) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("ring size must be a power of two, got " + size);
        }
        this.wait = waitStrategy.create();
        ThreadFactory consumerThreads = wait instanceof HostingWaitStrategy hosting
                ? hosting.hostFirstThread(threads) : threads;
        this.disruptor = new Disruptor<>(InputEvent.slots(size), size, consumerThreads, ProducerType.MULTI, wait);
        this.disruptor.handleEventsWith(handlers);
        for (EventHandler<InputEvent> handler : handlers) {
            FaultCounts consumerFaults = new FaultCounts(consumerName(handler), FaultCounts.EVENT_SKIPPED, log);
            faults.add(consumerFaults);
            disruptor.handleExceptionsFor(handler).with(new RingExceptionHandler(consumerFaults, log));
        }
        this.ring = disruptor.getRingBuffer();
        this.frameReserve = size >= 64 ? size / 16 : 0;
    }

    private static String consumerName(EventHandler<InputEvent> handler) {
        String name = handler.getClass().getSimpleName();
        int lambda = name.indexOf("$$");
        return "ring consumer " + (lambda > 0 ? name.substring(0, lambda) : name);
    }

    /** The exceptions each consumer threw, in the order the handlers were given. Any thread. */
    public List<FaultCounts> faults() {
        return List.copyOf(faults);
    }

    /**
     * With {@link RingWaitStrategy#HOSTED}, once started: where socket agents (the OSC UDP
     * receivers) go to run on the first consumer's (the conductor's) thread, between its batches;
     * otherwise empty. Any thread.
     */
    public Optional<AgentHost> receiverHost() {
        return wait instanceof HostingWaitStrategy hosting ? Optional.ofNullable(hosting.agents()) : Optional.empty();
    }

    /** Starts the consumer threads. */
    public void start() {
        disruptor.start();
        started = true;
    }

    @Override
    public boolean offerParameter(int slot, float value, long arrivalNanos) {
        long sequence = claimForInput(1);
        if (sequence < 0) {
            return false;
        }
        try {
            ring.get(sequence).setParameter(slot, value, arrivalNanos);
        } finally {
            ring.publish(sequence);
        }
        return true;
    }

    @Override
    public boolean offerChannel(int channel, float value, long arrivalNanos) {
        long sequence = claimForInput(1);
        if (sequence < 0) {
            return false;
        }
        try {
            ring.get(sequence).setChannel(channel, value, arrivalNanos, InputBatch.IMMEDIATELY, false);
        } finally {
            ring.publish(sequence);
        }
        return true;
    }

    @Override
    public boolean offer(InputBatch batch) {
        int n = batch.size();
        if (n == 0) {
            return true;
        }
        if (n > ring.getBufferSize() - frameReserve) {
            return false;
        }
        long hi = claimForInput(n);
        if (hi < 0) {
            return false;
        }
        long lo = hi - n + 1;
        try {
            for (int i = 0; i < n; i++) {
                batch.copyInto(i, ring.get(lo + i), i < n - 1);
            }
        } finally {
            ring.publish(lo, hi);
        }
        return true;
    }

    /**
     * Offers a copy of {@code event}, an envelope of any kind filled through its flyweight (a cue,
     * a console command, a model result): the way in for kinds that have no offer of their own.
     * Never blocks: false when the ring has no room (the caller counts it as dropped).
     */
    public boolean offerEvent(InputEvent event) {
        long sequence = claimForInput(1);
        if (sequence < 0) {
            return false;
        }
        try {
            InputEvent slot = ring.get(sequence);
            slot.copyFrom(event);
            slot.stamp(event.arrivalNanos(), false);
        } finally {
            ring.publish(sequence);
        }
        return true;
    }

    /**
     * Marks a frame: called by the render thread right after it latched a snapshot, so the
     * conductor can move time on to the next frame and a journal can note which events the frame
     * showed.
     *
     * @param horizonNanos when the next frame will be drawn (engine clock)
     * @param eventsLatched {@link ParameterSnapshot#eventsConsumed()} of the latched snapshot
     * @return false when the ring was full (the conductor catches up at the next frame)
     */
    public boolean offerFrame(long frameIndex, long frameNanos, long horizonNanos, long eventsLatched) {
        long sequence = claim(1);
        if (sequence < 0) {
            return false;
        }
        try {
            ring.get(sequence).setFrame(frameIndex, frameNanos, horizonNanos, eventsLatched);
        } finally {
            ring.publish(sequence);
        }
        return true;
    }

    /**
     * Publishes a copy of a recorded event, as it was: for replaying a journal. Unlike the offers,
     * this waits for room, because a replay must not lose events.
     */
    public void replay(InputEvent recorded) {
        long sequence = ring.next();
        try {
            ring.get(sequence).copyFrom(recorded);
        } finally {
            ring.publish(sequence);
        }
    }

    /** Like {@link #claim}, leaving the frame reserve free. */
    private long claimForInput(int n) {
        // A racy check: producers passing it together may dip into the reserve, by at most one
        // claim each, which the reserve's size absorbs.
        if (frameReserve > 0 && ring.remainingCapacity() - n < frameReserve) {
            return -1;
        }
        return claim(n);
    }

    /** The highest of {@code n} claimed sequences, or -1 when the ring has no room for them. */
    private long claim(int n) {
        try {
            return ring.tryNext(n);
        } catch (InsufficientCapacityException full) {
            // Preallocated singleton inside the Disruptor: refusing costs no allocation.
            return -1;
        }
    }

    /** Events published but not yet consumed by every handler. */
    public long backlog() {
        return ring.getBufferSize() - ring.remainingCapacity();
    }

    /** Stops the consumers after they have drained what was published. */
    @Override
    public void close() {
        if (started) {
            disruptor.shutdown();
            started = false;
        }
        if (wait instanceof HostingWaitStrategy hosting) {
            hosting.close();
        }
    }
}
