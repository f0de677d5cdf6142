package org.vernissage.models.run;

import java.lang.System.Logger;
import java.util.List;
import org.agrona.concurrent.Agent;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.fault.FaultCounts;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ModelResultFlyweight;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;

/**
 * The model worker: an Agrona agent that runs every model of the show, never on the render
 * thread nor the conductor. Each duty cycle, for each model, it swaps in a newly trained model
 * if one waits, takes the newest input the conductor handed over (latest wins: inputs that came
 * faster than the model ran were coalesced and counted), runs the model and offers its outputs
 * into the input ring as one {@link EventKinds#MODEL_RESULT} event, which the model-results stage
 * writes into the parameters: the conductor stays the single writer, and a journal holds the
 * results, so a replay reproduces them without running the model.
 *
 * <p>Nothing stops the show: a model that throws, or gives NaN or infinity, is counted and logged
 * once per kind, and the last good outputs stay in place (no result is sent). Allocates nothing
 * per run.
 *
 * <p>Runs on its own {@code AgentThread} ("vernissage-models"), wrapped in a {@code SupervisedAgent};
 * the conductor wakes that thread after handing over an input. Owned by the models part of a run,
 * which closes the models after the thread has ended.
 */
public final class ModelWorker implements Agent {

    private static final Logger LOG = System.getLogger(ModelWorker.class.getName());

    private final WorkerSlot[] slots;
    private final ResultSink sink;
    private final Clock clock;
    private final ModelResultListener listener;
    private final FaultCounts faults;
    private final InputEvent result = new InputEvent();
    private final ModelResultFlyweight payload = new ModelResultFlyweight();
    private final ModelException notFinite = new NotFiniteOutput();
    private final ModelException wrongLength = new WrongInputLength();

    /** @param clock the engine's clock: each result's arrival time on it */
    public ModelWorker(List<WorkerSlot> slots, ResultSink sink, ModelResultListener listener, Clock clock) {
        this.slots = slots.toArray(WorkerSlot[]::new);
        this.sink = sink;
        this.clock = clock;
        this.listener = listener;
        this.faults = new FaultCounts("model worker", "the last good outputs stay and the worker goes on", LOG);
    }

    @Override
    public String roleName() {
        return "models";
    }

    /** Failures by kind (a model's exception class, NaN, wrong length). Any thread reads the counts. */
    public FaultCounts faults() {
        return faults;
    }

    @Override
    public int doWork() {
        int work = 0;
        for (WorkerSlot slot : slots) {
            boolean swapped = slot.swapIfOffered();
            int length = slot.exchange().take();
            if (length < 0 && swapped) {
                length = slot.lastLength; // a model swapped in answers the current input at once
            }
            if (length < 0 || slot.model == null) {
                work += swapped ? 1 : 0;
                continue;
            }
            slot.lastLength = length;
            work++;
            runOnce(slot, slot.model, slot.exchange().front(), length);
        }
        return work;
    }

    private void runOnce(WorkerSlot slot, Model model, float[] inputs, int length) {
        if (length != model.inputCount()) {
            slot.mismatched.lazySet(slot.mismatched.get() + 1);
            faults.record(wrongLength, "model " + slot.name() + " given " + length + " inputs, it reads " + model.inputCount());
            return;
        }
        int count = model.outputCount();
        long start = System.nanoTime();
        try {
            model.run(inputs, slot.outputs);
        } catch (ModelException | RuntimeException e) {
            timed(slot, start);
            slot.failures.lazySet(slot.failures.get() + 1);
            faults.record(e, "model " + slot.name() + "'s run");
            return;
        }
        timed(slot, start);
        for (int i = 0; i < count; i++) {
            if (!Float.isFinite(slot.outputs[i])) {
                slot.nonFinite.lazySet(slot.nonFinite.get() + 1);
                faults.record(notFinite, "model " + slot.name() + "'s output " + i);
                return;
            }
        }
        System.arraycopy(slot.outputs, 0, slot.lastGood, 0, count);
        slot.lastGoodCount = count;
        slot.runs.lazySet(slot.runs.get() + 1);
        result.begin(EventKinds.MODEL_RESULT, ModelResultFlyweight.LENGTH, clock.nanos(), InputBatch.IMMEDIATELY, false);
        payload.wrap(result).reset(slot.index());
        for (int i = 0; i < count; i++) {
            payload.output(i, slot.outputs[i]);
        }
        if (!sink.offer(result)) {
            slot.refused.lazySet(slot.refused.get() + 1);
        }
        listener.onResult(slot.index(), slot.outputs, count);
    }

    private static void timed(WorkerSlot slot, long start) {
        long took = System.nanoTime() - start;
        slot.runNanos.lazySet(slot.runNanos.get() + took);
        if (took > slot.slowestNanos.get()) {
            slot.slowestNanos.lazySet(took);
        }
    }

    /** Made once and recorded per kind (no allocation per run): a model gave NaN or infinity. */
    static final class NotFiniteOutput extends ModelException {
        NotFiniteOutput() {
            super("the model gave NaN or infinity");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Made once: an input vector's length is not the model's input count. */
    static final class WrongInputLength extends ModelException {
        WrongInputLength() {
            super("the input vector's length is not the model's input count");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
