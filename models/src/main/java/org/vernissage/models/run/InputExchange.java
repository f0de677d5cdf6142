package org.vernissage.models.run;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A latest-wins hand-over of a model's input vector from the conductor (the one writer) to the
 * model worker (the one reader): a triple buffer like the engine's {@code SnapshotExchange}. The
 * writer fills its private back buffer and swaps it into the middle; the reader takes the middle
 * when it is fresh. A vector the worker did not take before the next one came is overwritten and
 * counted ({@link #coalesced()}): a model slower than its input rate runs on the newest input,
 * never on a queue of stale ones, and the conductor never waits.
 *
 * <p>{@link #back()} and {@link #publish(int)} on the conductor thread only; {@link #take()} and
 * {@link #front()} on the worker thread only; the counters from any thread. Allocates nothing
 * after construction. Owned by the model worker's slot for one model.
 */
public final class InputExchange {

    private static final int INDEX_MASK = 0b11;
    private static final int FRESH = 0b100;

    private final float[][] buffers;
    private final int[] lengths = new int[3];
    private final AtomicInteger middle = new AtomicInteger(1);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong coalesced = new AtomicLong();
    private int back = 0;  // writer only
    private int front = 2; // reader only

    /** @param capacity the longest vector it carries */
    public InputExchange(int capacity) {
        buffers = new float[3][capacity];
    }

    /** Writer: the buffer to fill before {@link #publish}. */
    public float[] back() {
        return buffers[back];
    }

    /** Writer: makes the back buffer's first {@code length} floats the newest input. */
    public void publish(int length) {
        lengths[back] = length;
        int previous = middle.getAndSet(back | FRESH);
        if ((previous & FRESH) != 0) {
            coalesced.lazySet(coalesced.get() + 1); // one writer: a plain increment published
        }
        back = previous & INDEX_MASK;
        published.lazySet(published.get() + 1);
    }

    /**
     * Reader: takes the newest input if one came since the last take.
     *
     * @return its length, or -1 when nothing new came (then {@link #front()} is unchanged)
     */
    public int take() {
        if ((middle.get() & FRESH) == 0) {
            return -1;
        }
        front = middle.getAndSet(front) & INDEX_MASK;
        return lengths[front];
    }

    /** Reader: the vector {@link #take()} returned. */
    public float[] front() {
        return buffers[front];
    }

    /** Inputs published so far. Any thread. */
    public long published() {
        return published.get();
    }

    /** Inputs overwritten by a newer one before the worker took them (latest wins). Any thread. */
    public long coalesced() {
        return coalesced.get();
    }
}
