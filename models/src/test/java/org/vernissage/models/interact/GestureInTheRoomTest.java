package org.vernissage.models.interact;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.ConductorStages;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ModelCommandFlyweight;
import org.vernissage.models.declare.ModelDeclaration;
import org.vernissage.models.declare.ModelType;
import org.vernissage.models.learn.TrainingOptions;
import org.vernissage.models.run.ModelShow;

/**
 * Gestures recorded in the room for a DTW model: the frames between {@code record-class N} and
 * {@code stop-recording} become one gesture of class N; once trained and running, performing a
 * gesture sets the class parameter to its class.
 */
class GestureInTheRoomTest {

    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int HAND_X = 0;
    private static final int GESTURE = 2;

    @TempDir
    Path folder;

    private final ParameterLayout layout = new ParameterLayout(List.of(
            new ParameterSpec("hand_x", ParameterType.FLOAT, 0, 1, new float[] {0.5f}, "", "", false),
            new ParameterSpec("hand_y", ParameterType.FLOAT, 0, 1, new float[] {0.5f}, "", "", false),
            new ParameterSpec("gesture", ParameterType.INT, 0, 3, new float[] {0f}, "", "")));
    private final StringWriter console = new StringWriter();
    private InteractiveModels models;
    private SnapshotExchange snapshots;
    private InputRing ring;

    @AfterEach
    void stop() {
        if (models != null) {
            models.close();
        }
        if (ring != null) {
            ring.close();
        }
    }

    @Test
    void aPerformedGestureSetsItsClass() throws Exception {
        ModelDeclaration wave = new ModelDeclaration("wave", ModelType.DTW, List.of("hand_x", "hand_y"),
                List.of("gesture"), folder.resolve("models/wave.model.json"), folder.resolve("models/wave.examples.json"),
                TrainingOptions.defaults(), false);
        ModelShow show = ModelShow.of(List.of(wave), layout, folder, false);
        models = InteractiveModels.prepare(show, layout, new InteractiveModels.Settings("room", "127.0.0.1",
                Optional.empty(), Optional.empty()), new PrintWriter(console, true));
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        snapshots = new SnapshotExchange(defaults);
        Conductor conductor = new Conductor(layout, snapshots, ConductorStages.standard(ChannelConditioner.NONE)
                .modelResults(models.stage()), ConductorSettings.DEFAULT, new Outbox(64), System.getLogger("test"));
        ring = new InputRing(4096, RingWaitStrategy.BLOCKING, task -> {
            Thread t = new Thread(task, "gesture-test-conductor");
            t.setDaemon(true);
            return t;
        }, conductor);
        ring.start();
        models.start(ring, new SystemClock(), List.of(false));

        command(ModelCommand.RECORD_CLASS, 1);
        sweep(0.1f, 0.9f);       // rising
        command(ModelCommand.RECORD_OFF, 0);
        command(ModelCommand.RECORD_CLASS, 2);
        sweep(0.85f, 0.05f);     // falling (from a value other than the last, so every frame is a change)
        command(ModelCommand.RECORD_OFF, 0);
        await(() -> console.toString().contains("recorded a gesture of class 2"), "two gestures recorded");
        command(ModelCommand.TRAIN, 0);
        await(() -> models.trainer().trainings() == 1, "the recogniser made");
        command(ModelCommand.RUN_ON, 0);
        sweepSlowly(0.1f, 0.9f);
        await(() -> snapshots.latch().value(GESTURE) == 1f, "the rising gesture recognised as class 1");
        sweepSlowly(0.85f, 0.05f);
        await(() -> snapshots.latch().value(GESTURE) == 2f, "the falling gesture recognised as class 2");
        assertTrue(console.toString().contains("recorded a gesture of class 1 (9 frames)"), console.toString());
        assertTrue(console.toString().contains("recorded a gesture of class 2 (9 frames)"), console.toString());
    }

    private void sweep(float from, float to) {
        for (int i = 0; i < 9; i++) {
            assertTrue(ring.offerParameter(HAND_X, from + (to - from) * i / 8f, InputBatch.IMMEDIATELY));
        }
    }

    /** One frame at a time, each run by the worker before the next (no coalescing). */
    private void sweepSlowly(float from, float to) throws InterruptedException {
        for (int i = 0; i < 9; i++) {
            long runs = models.runtime().slot(0).runs();
            assertTrue(ring.offerParameter(HAND_X, from + (to - from) * i / 8f, InputBatch.IMMEDIATELY));
            await(() -> models.runtime().slot(0).runs() > runs, "frame " + i + " run");
        }
    }

    private void command(ModelCommand command, int a) {
        InputEvent event = new InputEvent();
        event.begin(EventKinds.MODEL_COMMAND, ModelCommandFlyweight.LENGTH, 0, InputBatch.IMMEDIATELY, false);
        ModelCommandFlyweight.encode(event, 0, command.code(), a, 0, 0f);
        assertTrue(ring.offerEvent(event));
    }

    private void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what + "; " + models.statistics() + "\n" + console
                        + " gesture=" + snapshots.latch().value(GESTURE));
            }
            Thread.yield();
        }
    }
}
