package org.vernissage.models.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.ConductorStages;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ModelCommandFlyweight;
import org.vernissage.engine.pipeline.event.ModelInputFlyweight;
import org.vernissage.models.interact.ModelCommand;
import org.vernissage.models.interact.TrainerQueue;
import org.vernissage.models.learn.ExampleSet;
import org.vernissage.models.learn.MlpTrainer;
import org.vernissage.models.learn.TrainingOptions;

/**
 * The hot path of a model allocates nothing: per input, the conductor's model stage (change seen,
 * vector handed over, or an example queued while recording), the worker's run of a real MLP and
 * its MODEL_RESULT, and the stage writing the result into the parameters; Wekinator-style
 * MODEL_INPUT events too. Driven on this one thread (conductor calls and the worker's duty cycle in
 * turn) so the thread's allocation counter sees all of it.
 */
class ModelPathAllocationTest {

    private static final int INPUTS = 20_000;
    private static final int WINDOWS = 5;

    private final ParameterLayout layout = new ParameterLayout(List.of(
            new ParameterSpec("hand_x", ParameterType.FLOAT, 0, 1, new float[] {0.5f}, "", "", false),
            new ParameterSpec("hand_y", ParameterType.FLOAT, 0, 1, new float[] {0.5f}, "", "", false),
            new ParameterSpec("hue", ParameterType.FLOAT, 0, 360, new float[] {0f}, "deg", ""),
            new ParameterSpec("energy", ParameterType.FLOAT, 0, 1, new float[] {0f}, "", "")));
    private final InputEvent pending = new InputEvent();
    private final InputEvent event = new InputEvent();
    private final ModelInputFlyweight input = new ModelInputFlyweight();
    private boolean resultWaiting;
    private long sequence;

    @Test
    void stageWorkerAndResultAllocateNothingPerInput() throws Exception {
        ModelBinding pose = new ModelBinding(0, "pose", ModelBinding.Kind.REGRESSION, new int[] {0, 1}, 2,
                new int[] {2, 3}, new float[] {0, 0}, new float[] {360, 1});
        ModelBinding wek = new ModelBinding(1, "wek", ModelBinding.Kind.REGRESSION, new int[0], 8,
                new int[] {3}, new float[] {0}, new float[] {1});
        ModelRuntime runtime = new ModelRuntime(List.of(pose, wek), 8);
        ExampleSet examples = new ExampleSet(List.of("x", "y"), List.of("hue", "energy"));
        for (int i = 0; i < 20; i++) {
            examples.add(new float[] {i / 20f, 1 - i / 20f}, new float[] {i / 20f, 0.5f});
        }
        runtime.slot(0).offer(new MlpTrainer(TrainingOptions.defaults().withSteps(50)).train("pose", examples));
        ExampleSet wekExamples = new ExampleSet(List.of("a", "b", "c"), List.of("energy"));
        wekExamples.add(new float[] {0, 0, 0}, new float[] {0});
        wekExamples.add(new float[] {1, 1, 1}, new float[] {1});
        runtime.slot(1).offer(new MlpTrainer(TrainingOptions.defaults().withSteps(10)).train("wek", wekExamples));
        TrainerQueue queue = new TrainerQueue(64, 8, ModelBinding.MAX_OUTPUTS);
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        SnapshotExchange snapshots = new SnapshotExchange(defaults);
        ModelStage stage = runtime.stage(layout, queue);
        Conductor conductor = new Conductor(layout, snapshots, ConductorStages.standard(ChannelConditioner.NONE)
                .modelResults(stage), ConductorSettings.DEFAULT, new Outbox(64),
                System.getLogger("test"));
        ModelWorker worker = new ModelWorker(runtime.slots(), result -> {
            pending.copyFrom(result);
            resultWaiting = true;
            return true;
        }, ModelResultListener.NONE, new ManualClock(0));
        command(conductor, 0, ModelCommand.RUN_ON);
        command(conductor, 1, ModelCommand.RUN_ON);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        drive(conductor, worker, queue, INPUTS); // warm-up: JIT, first log lines
        long least = Long.MAX_VALUE;
        for (int w = 0; w < WINDOWS; w++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            drive(conductor, worker, queue, INPUTS);
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        System.out.printf("model path: least %d bytes over %d inputs%n", least, INPUTS);
        assertEquals(0, least, least + " bytes allocated for " + INPUTS + " inputs");
        assertTrue(runtime.slot(0).runs() > INPUTS, "the MLP ran: " + runtime.statistics());
        assertTrue(runtime.slot(1).runs() > INPUTS / 4, "the external-input model ran: " + runtime.statistics());
        assertTrue(stage.resultsApplied() > INPUTS, "results reached the parameters: " + stage.resultsApplied());
        assertTrue(stage.examplesRecorded() > 0, "recording was exercised");
    }

    private void drive(Conductor conductor, ModelWorker worker, TrainerQueue queue, int inputs) {
        for (int i = 0; i < inputs; i++) {
            event.begin(EventKinds.PARAMETER_SET, 8, i, InputBatch.IMMEDIATELY, false);
            org.vernissage.engine.pipeline.event.ParameterSetFlyweight.encode(event, i & 1, (i % 100) / 100f);
            conductor.onEvent(event, sequence++, true);
            if ((i & 3) == 0) {
                event.begin(EventKinds.MODEL_INPUT, ModelInputFlyweight.LENGTH, i, InputBatch.IMMEDIATELY, false);
                input.wrap(event).reset(1, 0, 3).input(0, (i % 7) / 7f).input(1, 0.5f).input(2, 0.25f);
                conductor.onEvent(event, sequence++, true);
            }
            if ((i & 1023) == 512) {
                recordSome(conductor, queue, i);
            }
            worker.doWork();
            if (resultWaiting) {
                resultWaiting = false;
                conductor.onEvent(pending, sequence++, true);
            }
            worker.doWork(); // the second model's result, when both had input
            if (resultWaiting) {
                resultWaiting = false;
                conductor.onEvent(pending, sequence++, true);
            }
        }
    }

    /** A short recording: examples go to the trainer's queue (drained here, as the trainer would). */
    private void recordSome(Conductor conductor, TrainerQueue queue, int i) {
        command(conductor, 0, ModelCommand.RECORD_ON);
        for (int k = 0; k < 4; k++) {
            event.begin(EventKinds.PARAMETER_SET, 8, i, InputBatch.IMMEDIATELY, false);
            org.vernissage.engine.pipeline.event.ParameterSetFlyweight.encode(event, 0, k / 8f);
            conductor.onEvent(event, sequence++, true);
        }
        command(conductor, 0, ModelCommand.RECORD_OFF);
        queue.drainForTest();
    }

    private void command(Conductor conductor, int model, ModelCommand command) {
        event.begin(EventKinds.MODEL_COMMAND, ModelCommandFlyweight.LENGTH, 0, InputBatch.IMMEDIATELY, false);
        ModelCommandFlyweight.encode(event, model, command.code(), 0, 0, 0f);
        conductor.onEvent(event, sequence++, true);
    }
}
