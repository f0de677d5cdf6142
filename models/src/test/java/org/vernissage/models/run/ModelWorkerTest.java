package org.vernissage.models.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.ConductorStages;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ModelCommandFlyweight;
import org.vernissage.models.interact.ModelCommand;
import org.vernissage.models.interact.TrainerInbox;

/**
 * The model worker and the model stage in a real ring with a real conductor: inputs (control-only
 * parameters) reach the worker, its results come back through the ring into the output parameters,
 * and a model that throws, gives NaN or is too slow does not stop the show.
 */
class ModelWorkerTest {

    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);
    // Slots: 0 hand_x, 1 hand_y (control-only), 2 hue 0..360, 3 energy 0..1
    private static final int HAND_X = 0;
    private static final int HAND_Y = 1;
    private static final int HUE = 2;
    private static final int ENERGY = 3;

    private final ParameterLayout layout = new ParameterLayout(List.of(
            new ParameterSpec("hand_x", ParameterType.FLOAT, 0, 1, new float[] {0.5f}, "", "", false),
            new ParameterSpec("hand_y", ParameterType.FLOAT, 0, 1, new float[] {0.5f}, "", "", false),
            new ParameterSpec("hue", ParameterType.FLOAT, 0, 360, new float[] {0f}, "deg", ""),
            new ParameterSpec("energy", ParameterType.FLOAT, 0, 1, new float[] {0f}, "", "")));
    private final ModelBinding pose = new ModelBinding(0, "pose", ModelBinding.Kind.REGRESSION,
            new int[] {HAND_X, HAND_Y}, 2, new int[] {HUE, ENERGY}, new float[] {0, 0}, new float[] {360, 1});
    private final ModelRuntime runtime = new ModelRuntime(List.of(pose), 2);
    private SnapshotExchange snapshots;
    private InputRing ring;

    private void start() {
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        snapshots = new SnapshotExchange(defaults);
        ModelStage stage = runtime.stage(layout, TrainerInbox.NONE);
        Conductor conductor = new Conductor(layout, snapshots, ConductorStages.standard(ChannelConditioner.NONE)
                .modelResults(stage), ConductorSettings.DEFAULT, new Outbox(Outbox.DEFAULT_SIZE),
                System.getLogger("test"));
        ring = new InputRing(1024, RingWaitStrategy.BLOCKING, task -> {
            Thread t = new Thread(task, "model-test-conductor");
            t.setDaemon(true);
            return t;
        }, conductor);
        ring.start();
        runtime.start(ring::offerEvent, ModelResultListener.NONE, new SystemClock());
        command(ModelCommand.RUN_ON);
    }

    @AfterEach
    void stop() {
        runtime.close();
        if (ring != null) {
            ring.close();
        }
    }

    private void command(ModelCommand command) {
        InputEvent event = new InputEvent();
        event.begin(EventKinds.MODEL_COMMAND, ModelCommandFlyweight.LENGTH, System.nanoTime(), InputBatch.IMMEDIATELY,
                false);
        ModelCommandFlyweight.encode(event, 0, command.code(), 0, 0, 0f);
        assertTrue(ring.offerEvent(event));
    }

    private void hands(float x, float y) {
        InputBatch batch = new InputBatch(2);
        batch.addParameter(HAND_X, x, InputBatch.IMMEDIATELY);
        batch.addParameter(HAND_Y, y, InputBatch.IMMEDIATELY);
        assertTrue(ring.offer(batch));
    }

    private void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what + "; " + runtime.statistics() + " snapshot hue "
                        + snapshots.latch().value(HUE) + " energy " + snapshots.latch().value(ENERGY));
            }
            Thread.yield();
        }
    }

    private boolean shows(float hue, float energy) {
        var s = snapshots.latch();
        return Math.abs(s.value(HUE) - hue) < 1e-3f && Math.abs(s.value(ENERGY) - energy) < 1e-5f;
    }

    @Test
    void inputsRunTheModelAndItsResultsSetTheOutputParametersInTheirRanges() {
        runtime.slot(0).offer(TestModels.linear("pose", 2, 2, 1f, 0f));
        start();
        hands(0.5f, 0.25f);
        await(() -> shows(180f, 0.25f), "hue 0.5 of 0..360 and energy 0.25");
        hands(1f, 0.75f);
        await(() -> shows(360f, 0.75f), "the next input's outputs");
        assertEquals(0, runtime.slot(0).failures());
        assertTrue(runtime.slot(0).runs() >= 2, runtime.statistics().toString());
    }

    @Test
    void aSwappedModelAnswersTheCurrentInputWithoutWaitingForAMove() {
        runtime.slot(0).offer(TestModels.linear("a", 2, 2, 1f, 0f));
        start();
        hands(0.5f, 0.5f);
        await(() -> shows(180f, 0.5f), "model a's answer");
        runtime.slot(0).offer(TestModels.linear("b", 2, 2, 0.5f, 0f));
        await(() -> shows(90f, 0.25f), "model b's answer to the same input");
        assertEquals(2, runtime.slot(0).swaps());
    }

    @Test
    void aModelThatThrowsOrGivesNanIsCountedAndTheLastGoodOutputsStay() {
        runtime.slot(0).offer(TestModels.faulty("faulty", 2, 2));
        start();
        hands(0.5f, 0f);
        await(() -> shows(180f, 0.5f), "a good run");
        hands(0.95f, 0f); // throws
        await(() -> runtime.slot(0).failures() == 1, "the failure counted");
        hands(0.05f, 0f); // NaN
        await(() -> runtime.slot(0).nonFinite() == 1, "the NaN counted");
        assertTrue(shows(180f, 0.5f), "the last good outputs stay");
        hands(0.25f, 0f);
        await(() -> shows(90f, 0.25f), "the worker goes on after both");
        assertEquals(2, runtime.worker().faults().total(), "a throw and a NaN, counted");
    }

    @Test
    void inputsFasterThanTheModelCoalesceAndTheLatestWins() {
        AtomicInteger runs = new AtomicInteger();
        ModelBinding one = new ModelBinding(0, "slow", ModelBinding.Kind.REGRESSION, new int[] {HAND_X}, 1,
                new int[] {ENERGY}, new float[] {0}, new float[] {1});
        ModelRuntime slowRuntime = new ModelRuntime(List.of(one), 1);
        try {
            float[] defaults = new float[layout.slotCount()];
            layout.copyDefaultsInto(defaults);
            snapshots = new SnapshotExchange(defaults);
            Conductor conductor = new Conductor(layout, snapshots, ConductorStages.standard(ChannelConditioner.NONE)
                    .modelResults(slowRuntime.stage(layout, TrainerInbox.NONE)), ConductorSettings.DEFAULT,
                    new Outbox(64), System.getLogger("test"));
            ring = new InputRing(1024, RingWaitStrategy.BLOCKING, task -> {
                Thread t = new Thread(task, "model-test-conductor");
                t.setDaemon(true);
                return t;
            }, conductor);
            ring.start();
            slowRuntime.slot(0).offer(TestModels.slow("slow", 20, runs));
            slowRuntime.start(ring::offerEvent, ModelResultListener.NONE, new SystemClock());
            InputEvent run = new InputEvent();
            run.begin(EventKinds.MODEL_COMMAND, ModelCommandFlyweight.LENGTH, 0, InputBatch.IMMEDIATELY, false);
            ModelCommandFlyweight.encode(run, 0, ModelCommand.RUN_ON.code(), 0, 0, 0);
            ring.offerEvent(run);
            for (int i = 1; i <= 50; i++) {
                ring.offerParameter(HAND_X, 0.3f + i / 100f, System.nanoTime());
            }
            // The last input (0.8) differs from the default (0.5) the first run answered.
            float last = 0.3f + 50 / 100f;
            await(() -> snapshots.latch().value(ENERGY) == last, "the latest input's output");
            long published = slowRuntime.slot(0).exchange().published();
            assertTrue(slowRuntime.slot(0).coalesced() > 0, "inputs coalesced: " + slowRuntime.statistics());
            assertTrue(runs.get() < published, runs.get() + " runs for " + published + " inputs");
            assertEquals(published, runs.get() + slowRuntime.slot(0).coalesced(),
                    "every input either ran or was counted as coalesced");
        } finally {
            slowRuntime.close();
        }
    }

    @Test
    void resultsOfAStoppedModelAreNotApplied() {
        runtime.slot(0).offer(TestModels.linear("pose", 2, 2, 1f, 0f));
        start();
        hands(0.5f, 0.5f);
        await(() -> shows(180f, 0.5f), "running");
        command(ModelCommand.RUN_OFF);
        long runs = runtime.slot(0).runs();
        hands(0.25f, 0.25f);
        await(() -> snapshots.latch().value(HAND_X) == 0.25f, "the input itself applied");
        assertTrue(shows(180f, 0.5f), "a stopped model leaves its outputs alone");
        assertEquals(runs, runtime.slot(0).runs(), "no input handed to a stopped model");
    }
}
