package org.vernissage.models.run;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ConductorStage;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.ShowState;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ModelCommandFlyweight;
import org.vernissage.engine.pipeline.event.ModelInputFlyweight;
import org.vernissage.engine.pipeline.event.ModelResultFlyweight;
import org.vernissage.models.interact.ModelCommand;
import org.vernissage.models.interact.TrainerInbox;

/**
 * The conductor's model stage (in {@code ConductorStages.modelResults}, after the bindings and the
 * cues, so a model sees what they set): the conductor's side of every model of the show.
 *
 * <ul>
 *   <li>Inputs: after each parameter or channel event (at the end of its all-or-nothing group) and
 *       at each frame horizon (bindings ease), it looks whether a model's input parameters
 *       changed; {@code MODEL_INPUT} events carry inputs that are not parameters (Wekinator's).
 *       A changed input vector goes, while the model runs, to the worker through its latest-wins
 *       {@link InputExchange} (and wakes it); while recording, it becomes an example
 *       (inputs -> the output parameters' current values) handed to the trainer's
 *       {@link TrainerInbox}, deterministically, at the moment of the event; a frame in which no
 *       input changed records one example too (a pose held still sends nothing new).</li>
 *   <li>Results: a {@code MODEL_RESULT} (from the worker, or replayed from a journal) of a model
 *       that runs and does not record is written into its output parameters: a regression's 0..1
 *       onto each parameter's range, a classifier's class number as it is.</li>
 *   <li>Commands: {@code MODEL_COMMAND} switches recording and running, and passes training,
 *       deleting, undoing and saving on to the trainer in event order.</li>
 * </ul>
 *
 * <p>Conductor thread only (the counters may be read by any thread); allocates nothing per event.
 * In a replay it is built without worker slots and with {@link TrainerInbox#NONE}: results come
 * from the journal.
 */
public final class ModelStage implements ConductorStage {

    private static final int[] KINDS = {EventKinds.PARAMETER_SET, EventKinds.CHANNEL_VALUE, EventKinds.MODEL_RESULT,
        EventKinds.MODEL_INPUT, EventKinds.MODEL_COMMAND};

    private final LiveModel[] models;
    private final ParameterLayout layout;
    private final TrainerInbox trainer;
    private final Runnable wakeWorker;
    private final ModelResultFlyweight result = new ModelResultFlyweight();
    private final ModelInputFlyweight input = new ModelInputFlyweight();
    private final ModelCommandFlyweight command = new ModelCommandFlyweight();
    private final AtomicLong examplesRecorded = new AtomicLong();
    private final AtomicLong examplesRefused = new AtomicLong();
    private final AtomicLong resultsApplied = new AtomicLong();
    private final AtomicLong badEvents = new AtomicLong();

    /**
     * @param bindings the show's models, index i at position i
     * @param slots the worker's slot for each model (same order), or empty in a replay
     * @param wakeWorker called after an input was handed over (wakes the worker's thread); no allocation
     */
    public ModelStage(List<ModelBinding> bindings, ParameterLayout layout, List<WorkerSlot> slots, TrainerInbox trainer,
                      Runnable wakeWorker) {
        if (!slots.isEmpty() && slots.size() != bindings.size()) {
            throw new IllegalArgumentException(bindings.size() + " models but " + slots.size() + " worker slots");
        }
        this.layout = layout;
        this.models = new LiveModel[bindings.size()];
        for (int i = 0; i < models.length; i++) {
            ModelBinding binding = bindings.get(i);
            if (binding.index() != i) {
                throw new IllegalArgumentException("model " + binding.name() + " has index " + binding.index() + ", not " + i);
            }
            models[i] = new LiveModel(binding, slots.isEmpty() ? null : slots.get(i));
        }
        this.trainer = trainer;
        this.wakeWorker = wakeWorker;
    }

    @Override
    public String name() {
        return "model results";
    }

    @Override
    public int[] kinds() {
        return KINDS.clone();
    }

    @Override
    public boolean onEvent(InputEvent event, long nanos, ShowState show) {
        switch (event.kind()) {
            case EventKinds.PARAMETER_SET, EventKinds.CHANNEL_VALUE -> {
                if (!event.continues()) {
                    lookForChangedInputs(show.values());
                }
                return false; // applied by the parameters or bindings stage, not here
            }
            case EventKinds.MODEL_RESULT -> {
                return applyResult(event, show);
            }
            case EventKinds.MODEL_INPUT -> {
                return takeInput(event, show);
            }
            case EventKinds.MODEL_COMMAND -> {
                return runCommand(event, show);
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public void advanceTo(long horizonNanos, ShowState show) {
        float[] values = show.values();
        lookForChangedInputs(values); // a binding's easing moves inputs between events
        for (LiveModel model : models) {
            // A pose held still sends no new parameter value: while recording, a frame with no example
            // records one. (Inputs that come as events, Wekinator's, record one example per message, as
            // Wekinator does.)
            if (model.recording && !model.recordedThisFrame && !model.binding.externalInputs()) {
                model.readInputs(values);
                record(model, values);
            }
            model.recordedThisFrame = false;
        }
    }

    private void lookForChangedInputs(float[] values) {
        for (LiveModel model : models) {
            if (!model.binding.externalInputs() && model.readInputs(values)) {
                inputChanged(model, values);
            }
        }
    }

    private void inputChanged(LiveModel model, float[] values) {
        if (model.recording) {
            record(model, values);
        } else if (model.running) {
            handOver(model);
        }
    }

    private void record(LiveModel model, float[] values) {
        model.recordedThisFrame = true;
        int outputs = model.currentOutputs(values);
        if (trainer.example(model.binding.index(), model.inputs, model.inputLength, model.outputValues, outputs)) {
            examplesRecorded.lazySet(examplesRecorded.get() + 1);
        } else {
            examplesRefused.lazySet(examplesRefused.get() + 1);
        }
    }

    private void handOver(LiveModel model) {
        if (model.slot == null || model.inputLength == 0) {
            return;
        }
        InputExchange exchange = model.slot.exchange();
        System.arraycopy(model.inputs, 0, exchange.back(), 0, model.inputLength);
        exchange.publish(model.inputLength);
        wakeWorker.run();
    }

    private boolean applyResult(InputEvent event, ShowState show) {
        result.wrap(event);
        int index = result.model();
        if (index < 0 || index >= models.length) {
            badEvents.lazySet(badEvents.get() + 1);
            return false;
        }
        LiveModel model = models[index];
        if (!model.running || model.recording) {
            return false; // stopped, or the artist is setting outputs by hand to record them
        }
        float[] values = show.values();
        int count = Math.min(result.count(), model.outputCount);
        for (int i = 0; i < count; i++) {
            int slot = model.outputSlots[i];
            float v = result.output(i);
            float value = model.binding.kind() == ModelBinding.Kind.CLASSIFIER ? v
                    : model.outputMin[i] + v * (model.outputMax[i] - model.outputMin[i]);
            values[slot] = layout.clamp(slot, value);
        }
        resultsApplied.lazySet(resultsApplied.get() + 1);
        return true;
    }

    private boolean takeInput(InputEvent event, ShowState show) {
        input.wrap(event);
        int index = input.model();
        if (index < 0 || index >= models.length || !models[index].binding.externalInputs()) {
            badEvents.lazySet(badEvents.get() + 1);
            return false;
        }
        LiveModel model = models[index];
        int first = input.first();
        int count = input.count();
        int total = input.total();
        if (total > model.inputs.length || first + count > total) {
            badEvents.lazySet(badEvents.get() + 1);
            return false;
        }
        for (int i = 0; i < count; i++) {
            model.inputs[first + i] = input.input(i);
        }
        if (first + count == total) {
            model.inputLength = total;
            inputChanged(model, show.values());
        }
        return true;
    }

    private boolean runCommand(InputEvent event, ShowState show) {
        command.wrap(event);
        int index = command.model();
        ModelCommand what = ModelCommand.ofCode(command.command());
        if (index < 0 || index >= models.length || what == null) {
            badEvents.lazySet(badEvents.get() + 1);
            return false;
        }
        LiveModel model = models[index];
        switch (what) {
            case RECORD_ON, RECORD_CLASS -> model.recording = true;
            case RECORD_OFF -> model.recording = false;
            case RUN_ON -> {
                model.running = true;
                if (model.binding.externalInputs() || model.readInputs(show.values()) || model.inputLength > 0) {
                    handOver(model); // the outputs answer the inputs as they are now, without waiting for a move
                }
            }
            case RUN_OFF -> model.running = false;
            case OUTPUT -> {
                if (!model.setOutput(command.a(), command.b(), (int) command.value(), layout)) {
                    badEvents.lazySet(badEvents.get() + 1);
                    return false;
                }
            }
            default -> { }
        }
        if (what == ModelCommand.RECORD_CLASS) {
            setClassOutput(model, command.a(), show);
        }
        if (what != ModelCommand.RUN_ON && what != ModelCommand.RUN_OFF) {
            trainer.command(index, what, command.a(), command.b(), command.value());
        }
        return true;
    }

    /** A classifier records with its class parameter set to the class being recorded. */
    private void setClassOutput(LiveModel model, int classNumber, ShowState show) {
        if (model.outputCount > 0) {
            int slot = model.outputSlots[0];
            show.values()[slot] = layout.clamp(slot, classNumber);
        }
    }

    /**
     * Makes model {@code index} run from the first event on (the manifest's {@code "run": true}).
     * Wiring thread, before the conductor starts; a replay's stage is told the same, so it
     * applies the same recorded results.
     */
    public void runFromStart(int index) {
        models[index].running = true;
    }

    /** Whether model {@code index} runs (results applied). Conductor thread, or a test after the fact. */
    public boolean running(int index) {
        return models[index].running;
    }

    /** Whether model {@code index} records examples. */
    public boolean recording(int index) {
        return models[index].recording;
    }

    /** Examples handed to the trainer. Any thread. */
    public long examplesRecorded() {
        return examplesRecorded.get();
    }

    /** Examples the trainer's inbox refused (it was behind). Any thread. */
    public long examplesRefused() {
        return examplesRefused.get();
    }

    /** Model results written into the parameters. Any thread. */
    public long resultsApplied() {
        return resultsApplied.get();
    }

    /** Model events naming no model of the show, or malformed. Any thread. */
    public long badEvents() {
        return badEvents.get();
    }

    /** The conductor's state of one model. Conductor thread only. */
    private static final class LiveModel {
        final ModelBinding binding;
        final WorkerSlot slot;
        final float[] inputs;
        int inputLength;
        final int[] outputSlots = new int[ModelBinding.MAX_OUTPUTS];
        final float[] outputMin = new float[ModelBinding.MAX_OUTPUTS];
        final float[] outputMax = new float[ModelBinding.MAX_OUTPUTS];
        final float[] outputValues = new float[ModelBinding.MAX_OUTPUTS];
        int outputCount;
        final int[] inputSlots;
        boolean running;
        boolean recording;
        boolean recordedThisFrame;

        LiveModel(ModelBinding binding, WorkerSlot slot) {
            this.binding = binding;
            this.slot = slot;
            this.inputSlots = binding.inputSlots();
            this.inputs = new float[binding.maxInputs()];
            this.inputLength = binding.externalInputs() ? 0 : inputSlots.length;
            int[] outs = binding.outputSlots();
            float[] min = binding.outputMin();
            float[] max = binding.outputMax();
            System.arraycopy(outs, 0, outputSlots, 0, outs.length);
            System.arraycopy(min, 0, outputMin, 0, outs.length);
            System.arraycopy(max, 0, outputMax, 0, outs.length);
            outputCount = outs.length;
            for (int i = 0; i < inputSlots.length; i++) {
                inputs[i] = Float.NaN; // so the first look hands the model its first input
            }
        }

        /** Copies the input parameters' values; true when one changed. */
        boolean readInputs(float[] values) {
            boolean changed = false;
            for (int i = 0; i < inputSlots.length; i++) {
                float v = values[inputSlots[i]];
                if (Float.floatToRawIntBits(v) != Float.floatToRawIntBits(inputs[i])) {
                    inputs[i] = v;
                    changed = true;
                }
            }
            return changed;
        }

        /** The output parameters' current values as the model learns them: 0..1 of the range, or the class. */
        int currentOutputs(float[] values) {
            for (int i = 0; i < outputCount; i++) {
                float v = values[outputSlots[i]];
                float span = outputMax[i] - outputMin[i];
                outputValues[i] = binding.kind() == ModelBinding.Kind.CLASSIFIER ? v
                        : span > 0 ? (v - outputMin[i]) / span : 0f;
            }
            return outputCount;
        }

        /** Output {@code i} of {@code count} is slot {@code slot}; false when out of bounds. */
        boolean setOutput(int i, int slot, int count, ParameterLayout layout) {
            if (i < 0 || i >= ModelBinding.MAX_OUTPUTS || count < 1 || count > ModelBinding.MAX_OUTPUTS || i >= count
                    || slot < 0 || slot >= layout.slotCount()) {
                return false;
            }
            outputSlots[i] = slot;
            outputMin[i] = layout.slotMin(slot);
            outputMax[i] = layout.slotMax(slot);
            outputCount = count;
            return true;
        }
    }
}
