package org.vernissage.engine.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ring's default wait ({@link RingWaitStrategy#BACKOFF}): a consumer that finds the ring empty
 * spins for {@link #SPIN_NANOS}, then yields its core until {@link #YIELD_NANOS} have passed, and
 * only then blocks; a producer wakes it only if it is blocked.
 *
 * <p>Why: a blocking wait makes every event cost a wake-up (a system call for the producer, a
 * context switch for the consumer), which under a flood costs more CPU than the event itself. With
 * this back-off, events closer together than about 20 us (above ~50k per second) find the consumer
 * awake, so it takes them in batches and producers publish without a system call; events further
 * apart (a gallery's usual traffic) cost at most 20 us of a thread that yields its core to anyone
 * runnable, and an idle ring costs nothing. Measured in {@code docs/performance.md}.
 *
 * <p>Each ring has its own instance. {@link #waitFor} is called by the ring's consumer threads,
 * {@link #signalAllWhenBlocking()} by any producer thread.
 */
final class BackoffWaitStrategy implements WaitStrategy {

    /** Busy-spin this long first: a burst's next event is usually a few microseconds away. */
    static final long SPIN_NANOS = 2_000;
    /** Then yield until this long after the ring was found empty, then block. */
    static final long YIELD_NANOS = 20_000;

    private final Object mutex = new Object();
    /** Set by a consumer about to block; a producer clears it and wakes the consumers. */
    private final AtomicBoolean signalNeeded = new AtomicBoolean();

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        if (cursor.get() < sequence && !backOff(sequence, cursor, barrier)) {
            block(sequence, cursor, barrier);
        }
        long available;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert(); // another consumer ahead of this one is still at work
            Thread.onSpinWait();
        }
        return available;
    }

    /** Spins, then yields; true as soon as {@code sequence} is published, false when it is time to block. */
    private static boolean backOff(long sequence, Sequence cursor, SequenceBarrier barrier) throws AlertException {
        long start = System.nanoTime();
        long waited;
        do {
            barrier.checkAlert();
            waited = System.nanoTime() - start;
            if (waited < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
            if (cursor.get() >= sequence) {
                return true;
            }
        } while (waited < YIELD_NANOS);
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
        return "BackoffWaitStrategy{spin " + SPIN_NANOS + " ns, yield until " + YIELD_NANOS + " ns, then block}";
    }
}
