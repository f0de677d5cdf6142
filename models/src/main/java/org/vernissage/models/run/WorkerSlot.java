package org.vernissage.models.run;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.vernissage.models.Model;

/**
 * The model worker's side of one model of the show: the latest-wins input exchange the conductor
 * fills, the model it runs, the model waiting to be swapped in, the last good outputs and the
 * counters of its statistics line.
 *
 * <p>Threads: {@link #exchange()} is written by the conductor; {@link #offer(Model)} by the
 * trainer (or the wiring thread at start); everything else of the run by the worker thread; the
 * counters are read by any thread. Owned by the {@link ModelWorker}.
 */
public final class WorkerSlot {

    private final int index;
    private final String name;
    private final InputExchange exchange;
    private final AtomicReference<Model> pending = new AtomicReference<>();
    private final AtomicReference<Model> installed = new AtomicReference<>();
    final float[] outputs;
    final float[] lastGood;
    int lastGoodCount;
    Model model; // worker thread only
    int lastLength = -1; // worker thread only: the length of the input in the exchange's front
    final AtomicLong runs = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong nonFinite = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong mismatched = new AtomicLong();
    final AtomicLong swaps = new AtomicLong();
    final AtomicLong runNanos = new AtomicLong();
    final AtomicLong slowestNanos = new AtomicLong();

    /**
     * @param inputCapacity the longest input vector
     * @param outputCapacity the most outputs a model of this slot may have
     */
    public WorkerSlot(int index, String name, int inputCapacity, int outputCapacity) {
        this.index = index;
        this.name = name;
        this.exchange = new InputExchange(inputCapacity);
        this.outputs = new float[outputCapacity];
        this.lastGood = new float[outputCapacity];
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    /** Where the conductor hands this model its newest input. */
    public InputExchange exchange() {
        return exchange;
    }

    /**
     * Hands the worker a model to run from its next input on: swapped in between two runs, never
     * during one. Any thread (the trainer, after a training; the wiring thread, at start).
     *
     * @return the model that was waiting and is now replaced before it ran (the caller's to close), or null
     */
    public Model offer(Model next) {
        if (next != null && next.outputCount() > outputs.length) {
            throw new IllegalArgumentException(name + ": " + next.outputCount() + " outputs, a model result carries at most "
                    + outputs.length);
        }
        return pending.getAndSet(next);
    }

    /** The model the worker runs now (null before the first swap). Any thread. */
    public Model installed() {
        return installed.get();
    }

    /** Worker thread: takes a waiting model in, between two runs. */
    boolean swapIfOffered() {
        Model next = pending.getAndSet(null);
        if (next == null) {
            return false;
        }
        model = next;
        installed.set(next);
        swaps.lazySet(swaps.get() + 1);
        return true;
    }

    /** Good runs. */
    public long runs() {
        return runs.get();
    }

    /** Runs the model failed (threw). */
    public long failures() {
        return failures.get();
    }

    /** Runs that gave NaN or infinity (refused; the last good outputs kept). */
    public long nonFinite() {
        return nonFinite.get();
    }

    /** Results the ring had no room for. */
    public long refused() {
        return refused.get();
    }

    /** Inputs whose length did not match the model's input count. */
    public long mismatched() {
        return mismatched.get();
    }

    /** Models swapped in. */
    public long swaps() {
        return swaps.get();
    }

    /** Inputs overwritten by newer ones before the model ran (latest wins). */
    public long coalesced() {
        return exchange.coalesced();
    }

    /** Mean run time so far, microseconds (0 before the first run). */
    public double meanRunMicros() {
        long n = runs.get() + failures.get() + nonFinite.get();
        return n == 0 ? 0 : runNanos.get() / 1_000.0 / n;
    }

    /** The slowest run so far, microseconds. */
    public double slowestRunMicros() {
        return slowestNanos.get() / 1_000.0;
    }

    /** One statistics line. Allocates: for the statistics printer, not the hot path. */
    public String describe() {
        return String.format("model %s: %,d runs (mean %.1f us, slowest %.1f us), %,d inputs coalesced, %,d failed,"
                        + " %,d not finite, %,d refused by the ring, %,d wrong length, %,d swaps",
                name, runs(), meanRunMicros(), slowestRunMicros(), coalesced(), failures(), nonFinite(), refused(),
                mismatched(), swaps());
    }
}
