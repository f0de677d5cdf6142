package org.vernissage.engine.pipeline;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lock-free triple buffer between the conductor (the one writer) and the render thread (the one
 * reader): the writer always has a private back buffer, the reader always has a private front
 * buffer, and the newest published snapshot waits in the middle. The latest one wins; neither side
 * ever waits for the other.
 *
 * <p>{@link #publish} is called only by the conductor thread, {@link #latch} only by the render
 * thread. Owned by the app's wiring, shared by exactly those two.
 */
public final class SnapshotExchange {

    private static final int INDEX_MASK = 0b11;
    private static final int FRESH = 0b100;

    private final ParameterSnapshot[] buffers = new ParameterSnapshot[3];
    /** Index of the middle buffer, with {@link #FRESH} set when the writer put a new one there. */
    private final AtomicInteger middle = new AtomicInteger(1);
    private int back = 0;   // conductor thread only
    private int front = 2;  // render thread only

    /** @param initial the values every buffer starts with, e.g. the parameter defaults */
    public SnapshotExchange(float[] initial) {
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new ParameterSnapshot(initial.length);
            buffers[i].fill(initial, 0, Long.MIN_VALUE);
        }
    }

    /** Writer: fills the back buffer and makes it the newest snapshot. */
    public void publish(float[] values, long inputsApplied, long newestArrivalNanos) {
        buffers[back].fill(values, inputsApplied, newestArrivalNanos);
        back = middle.getAndSet(back | FRESH) & INDEX_MASK;
    }

    /** Reader: the newest published snapshot, which stays valid until the next call. */
    public ParameterSnapshot latch() {
        if ((middle.get() & FRESH) != 0) {
            front = middle.getAndSet(front) & INDEX_MASK;
        }
        return buffers[front];
    }
}
