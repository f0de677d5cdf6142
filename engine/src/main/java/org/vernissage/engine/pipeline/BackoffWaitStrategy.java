package org.vernissage.engine.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link RingWaitStrategy#BACKOFF} (the default before {@link RingWaitStrategy#HOSTED}, and how
 * consumers other than the host wait under it): a consumer that finds the ring empty
 * spins for {@link #SPIN_NANOS} before it blocks, and a producer wakes it only if it is blocked.
 *
 * <p>Why: a blocking wait makes every event cost a wake-up (a system call for the producer, a
 * context switch for the consumer), which under a flood costs more CPU than the event itself. With
 * this back-off, events closer together than 5 us (above ~200k per second) find the consumer awake,
 * so it takes them in batches and producers publish without a system call; events further apart (a
 * gallery's usual traffic) cost at most 5 us of spinning each, and an idle ring costs nothing.
 * A longer back-off, or one that yields the core (measured: spin 2 us, then yield to 20 us), held
 * floods no better here but doubled the CPU per event at 10k-40k events per second.
 * Measured in {@code docs/performance.md}.
 *
 * <p>Each ring has its own instance. {@link #waitFor} is called by the ring's consumer threads,
 * {@link #signalAllWhenBlocking()} by any producer thread.
 */
final class BackoffWaitStrategy implements WaitStrategy {

    /** Busy-spin this long before blocking: in a flood the next event is a few microseconds away. */
    static final long SPIN_NANOS = 5_000;

    private final Object mutex = new Object();
    /** Set by a consumer about to block; a producer clears it and wakes the consumers. */
    private final AtomicBoolean signalNeeded = new AtomicBoolean();

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        if (cursor.get() < sequence && !spin(sequence, cursor, barrier)) {
            block(sequence, cursor, barrier);
        }
        long available;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert(); // another consumer ahead of this one is still at work
            Thread.onSpinWait();
        }
        return available;
    }

    /** True as soon as {@code sequence} is published, false when it is time to block. */
    private static boolean spin(long sequence, Sequence cursor, SequenceBarrier barrier) throws AlertException {
        long start = System.nanoTime();
        do {
            barrier.checkAlert();
            Thread.onSpinWait();
            if (cursor.get() >= sequence) {
                return true;
            }
        } while (System.nanoTime() - start < SPIN_NANOS);
        return false;
    }

    private void block(long sequence, Sequence cursor, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        synchronized (mutex) {
            do {
                // Announce first, then look again: a producer that published in between either
                // sees the flag (and wakes us) or published before our second look (and we go on).
                signalNeeded.set(true);
                if (cursor.get() >= sequence) {
                    break;
                }
                barrier.checkAlert();
                mutex.wait();
            } while (cursor.get() < sequence);
        }
    }

    @Override
    public void signalAllWhenBlocking() {
        // A plain read first: while the consumer is awake (a flood), publishing writes nothing shared.
        if (signalNeeded.get() && signalNeeded.getAndSet(false)) {
            synchronized (mutex) {
                mutex.notifyAll();
            }
        }
    }

    @Override
    public String toString() {
        return "BackoffWaitStrategy{spin " + SPIN_NANOS + " ns, then block}";
    }
}
