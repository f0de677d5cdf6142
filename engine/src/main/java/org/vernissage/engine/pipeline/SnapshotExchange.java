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
    /** {@link ParameterSnapshot#eventsConsumed()} of the newest published snapshot. */
    private volatile long publishedEvents;
    private int back = 0;   // conductor thread only
    private int front = 2;  // render thread only

    /**
     * How many touch points a snapshot holds unless told otherwise: a full house of phones (50
     * participants with two fingers each) and a TUIO table beside them. Copies and searches go
     * over the live touches only, so room costs nothing until it is used.
     */
    public static final int DEFAULT_TOUCH_CAPACITY = 128;

    /** @param initial the values every buffer starts with, e.g. the parameter defaults */
    public SnapshotExchange(float[] initial) {
        this(initial, DEFAULT_TOUCH_CAPACITY);
    }

    public SnapshotExchange(float[] initial, int touchCapacity) {
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new ParameterSnapshot(initial.length, touchCapacity);
            buffers[i].fill(initial, null, 0, 0, Long.MIN_VALUE);
        }
    }

    /** Writer: fills the back buffer with values only and makes it the newest snapshot. */
    public void publish(float[] values, long inputsApplied, long newestArrivalNanos) {
        publish(values, null, inputsApplied, inputsApplied, newestArrivalNanos);
    }

    /** Writer: fills the back buffer and makes it the newest snapshot. */
    public void publish(float[] values, TouchSet touches, long eventsConsumed, long inputsApplied,
                        long newestArrivalNanos) {
        buffers[back].fill(values, touches, eventsConsumed, inputsApplied, newestArrivalNanos);
        back = middle.getAndSet(back | FRESH) & INDEX_MASK;
        publishedEvents = eventsConsumed;
    }

    /**
     * How many ring events the newest published snapshot contains. Any thread: a replay waits on
     * it to know the conductor caught up before letting a frame latch.
     */
    public long publishedEventsConsumed() {
        return publishedEvents;
    }

    /**
     * Reader: whether the writer published since the last {@link #latch} (which would then return
     * another snapshot); a reader that polls can skip its work when not. One volatile read.
     */
    public boolean fresh() {
        return (middle.get() & FRESH) != 0;
    }

    /** Reader: the newest published snapshot, which stays valid until the next call. */
    public ParameterSnapshot latch() {
        if (fresh()) {
            front = middle.getAndSet(front) & INDEX_MASK;
        }
        return buffers[front];
    }
}
