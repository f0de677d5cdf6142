package org.vernissage.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.concurrent.ThreadFactory;

/**
 * The input ring: a Disruptor of pre-allocated {@link InputEvent}s that every sensor and console
 * publishes into and the conductor (and later the journal) consume.
 *
 * <p>{@link #offerParameter} is called from any producer thread; it never blocks and never
 * allocates: a full ring refuses the event instead. The assembling code (the app) owns the ring,
 * starts it before the sensors and closes it after them.
 */
public final class InputRing implements ParameterInput, AutoCloseable {

    private final Disruptor<InputEvent> disruptor;
    private final RingBuffer<InputEvent> ring;
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
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("ring size must be a power of two, got " + size);
        }
        this.disruptor = new Disruptor<>(InputEvent::new, size, threads, ProducerType.MULTI,
                waitStrategy.create());
        this.disruptor.handleEventsWith(handlers);
        this.ring = disruptor.getRingBuffer();
    }

    /** Starts the consumer threads. */
    public void start() {
        disruptor.start();
        started = true;
    }

    @Override
    public boolean offerParameter(int slot, float value, long arrivalNanos) {
        long sequence;
        try {
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            // Preallocated singleton inside the Disruptor: refusing costs no allocation.
            return false;
        }
        try {
            ring.get(sequence).set(InputEvent.SET_PARAMETER, slot, value, arrivalNanos);
        } finally {
            ring.publish(sequence);
        }
        return true;
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
    }
}
