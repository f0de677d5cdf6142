package org.vernissage.models.interact;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

/**
 * The conductor's {@link TrainerInbox}: a pool of preallocated {@link TrainerWork} items and two
 * single-producer single-consumer queues (Agrona), free and full. The conductor takes a free item,
 * fills it and queues it; the trainer takes it, handles it and returns it. Nothing is allocated
 * and the conductor never waits: with no free item (the trainer is training, or behind) the
 * example or command is refused and counted. {@code cancel} also raises a flag the training
 * polls, since a training under way does not read the queue.
 *
 * <p>{@link #example} and {@link #command} on the conductor thread; {@link #poll} and
 * {@link #recycle} on the trainer thread; the counters from any. Owned by the run's models part.
 */
public final class TrainerQueue implements TrainerInbox {

    /** Items in the pool: several seconds of examples at sensor rates while a training runs. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final OneToOneConcurrentArrayQueue<TrainerWork> free;
    private final OneToOneConcurrentArrayQueue<TrainerWork> full;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();

    public TrainerQueue(int capacity, int maxInputs, int maxOutputs) {
        free = new OneToOneConcurrentArrayQueue<>(capacity);
        full = new OneToOneConcurrentArrayQueue<>(capacity);
        for (int i = 0; i < capacity; i++) {
            free.offer(new TrainerWork(maxInputs, maxOutputs));
        }
    }

    @Override
    public boolean example(int model, float[] inputs, int inputCount, float[] outputs, int outputCount) {
        TrainerWork work = free.poll();
        if (work == null || inputCount > work.inputs.length || outputCount > work.outputs.length) {
            if (work != null) {
                free.offer(work);
            }
            refused.lazySet(refused.get() + 1);
            return false;
        }
        work.command = null;
        work.model = model;
        System.arraycopy(inputs, 0, work.inputs, 0, inputCount);
        work.inputCount = inputCount;
        System.arraycopy(outputs, 0, work.outputs, 0, outputCount);
        work.outputCount = outputCount;
        full.offer(work);
        return true;
    }

    @Override
    public boolean command(int model, ModelCommand command, int a, int b, float value) {
        if (command == ModelCommand.CANCEL) {
            cancelRequested.set(true);
        }
        TrainerWork work = free.poll();
        if (work == null) {
            refused.lazySet(refused.get() + 1);
            return false;
        }
        work.command = command;
        work.model = model;
        work.a = a;
        work.b = b;
        work.value = value;
        full.offer(work);
        return true;
    }

    /** Trainer: the next item, or null. */
    TrainerWork poll() {
        return full.poll();
    }

    /** Trainer: gives an item back to the pool. */
    void recycle(TrainerWork work) {
        free.offer(work);
    }

    /** Trainer: whether a cancel came since the last {@link #clearCancel}. */
    boolean cancelRequested() {
        return cancelRequested.get();
    }

    /** Trainer: before a training starts. */
    void clearCancel() {
        cancelRequested.set(false);
    }

    /** Returns every queued item to the pool, as a trainer would after handling them: for tests of the conductor side. */
    public void drainForTest() {
        TrainerWork work;
        while ((work = full.poll()) != null) {
            free.offer(work);
        }
    }

    /** Examples and commands refused because the pool was empty. Any thread. */
    public long refused() {
        return refused.get();
    }
}
