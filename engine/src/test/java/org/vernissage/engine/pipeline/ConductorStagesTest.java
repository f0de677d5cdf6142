package org.vernissage.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.RecordingLog;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.event.CueCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ModelResultFlyweight;

/** The conductor as an ordered list of stages, driven event by event as its ring thread would. */
class ConductorStagesTest {

    private static final long MS = 1_000_000L;

    private final ParameterLayout layout = new ParameterLayout(List.of(
            new ParameterSpec("a", ParameterType.FLOAT, 0f, 100f, new float[] {0f}, "", ""),
            new ParameterSpec("b", ParameterType.FLOAT, 0f, 100f, new float[] {0f}, "", ""),
            new ParameterSpec("c", ParameterType.FLOAT, 0f, 1f, new float[] {0f}, "", "")));
    private final RecordingLog log = new RecordingLog();
    private final List<String> calls = new ArrayList<>();
    private long sequence;
    private final java.util.Map<Conductor, SnapshotExchange> exchanges = new java.util.IdentityHashMap<>();

    /** Writes raw channel values into slot = channel and records its calls. */
    private final ChannelConditioner conditioner = new ChannelConditioner() {
        @Override
        public void onValue(int channel, float raw, long nanos, float[] values) {
            calls.add("bindings " + raw);
            values[channel] = raw;
        }

        @Override
        public void advanceTo(long nanos, float[] values) {
            calls.add("bindings advance");
        }
    };

    /**
     * A cue stage of the kind a later issue adds: GO fades slot 2 linearly to the cue's level over
     * its fade time, moved on at each frame.
     */
    private class FadeStage implements ConductorStage {
        private final CueCommandFlyweight cue = new CueCommandFlyweight();
        private float from;
        private float to;
        private long start;
        private long length;
        private boolean fading;

        @Override
        public String name() {
            return "cues";
        }

        @Override
        public int[] kinds() {
            return new int[] {EventKinds.CUE_COMMAND};
        }

        @Override
        public boolean onEvent(InputEvent event, long nanos, ShowState show) {
            cue.wrap(event);
            calls.add("cues " + cue.cue());
            from = show.values()[2];
            to = cue.level();
            start = nanos;
            length = cue.fadeNanos();
            fading = true;
            return true;
        }

        @Override
        public void advanceTo(long horizonNanos, ShowState show) {
            calls.add("cues advance");
            if (fading) {
                float t = Math.min(1f, (float) (horizonNanos - start) / length);
                show.values()[2] = from + (to - from) * t;
                fading = t < 1f;
            }
        }
    }

    /** A model-results stage: adds the model's first output to slot 0, after the bindings set it. */
    private final class ModelStage implements ConductorStage {
        private final ModelResultFlyweight result = new ModelResultFlyweight();

        @Override
        public String name() {
            return "models";
        }

        @Override
        public int[] kinds() {
            return new int[] {EventKinds.MODEL_RESULT, EventKinds.CHANNEL_VALUE};
        }

        @Override
        public boolean onEvent(InputEvent event, long nanos, ShowState show) {
            if (event.kind() == EventKinds.CHANNEL_VALUE) {
                calls.add("models sees channel at " + show.values()[0]);
                return false;
            }
            result.wrap(event);
            show.values()[0] += result.output(0);
            calls.add("models " + result.model());
            return true;
        }

        @Override
        public void advanceTo(long horizonNanos, ShowState show) {
            calls.add("models advance");
        }
    }

    private Conductor conductor(ConductorStages stages) {
        SnapshotExchange snapshots = new SnapshotExchange(new float[3], 4);
        Conductor conductor = new Conductor(layout, snapshots, stages,
                new ConductorSettings(Duration.ofSeconds(1), 8, 4, 3), new Outbox(16), log);
        exchanges.put(conductor, snapshots);
        return conductor;
    }

    private static InputEvent channel(int channel, float value, long nanos) {
        InputEvent e = new InputEvent();
        e.setChannel(channel, value, nanos, InputBatch.IMMEDIATELY, false);
        return e;
    }

    private static InputEvent cue(int number, float level, long fadeNanos, long nanos) {
        InputEvent e = new InputEvent();
        CueCommandFlyweight.encode(e.begin(EventKinds.CUE_COMMAND, nanos, InputBatch.IMMEDIATELY, false), number,
                CueCommandFlyweight.GO, fadeNanos, level);
        return e;
    }

    private static InputEvent model(int number, float output, long nanos) {
        InputEvent e = new InputEvent();
        new ModelResultFlyweight().wrap(e.begin(EventKinds.MODEL_RESULT, nanos, InputBatch.IMMEDIATELY, false))
                .reset(number).output(0, output);
        return e;
    }

    private static InputEvent frame(long index, long nanos, long horizon) {
        InputEvent e = new InputEvent();
        e.setFrame(index, nanos, horizon, 0);
        return e;
    }

    private void feed(Conductor conductor, InputEvent... events) {
        for (InputEvent e : events) {
            conductor.onEvent(e, sequence++, true);
        }
    }

    @Test
    void eachEventGoesToTheStagesOfItsKindInListOrderAndFramesReachEveryStageInOrder() {
        Conductor conductor = conductor(ConductorStages.standard(conditioner)
                .modelResults(new ModelStage()).cuesAndFades(new FadeStage()));
        assertEquals(List.of("parameters", "bindings", "cues", "models", "touches"), conductor.stageNames(),
                "cues and fades come after the bindings, model results after both, whatever order they were given");

        feed(conductor, channel(0, 5f, MS), model(7, 2f, 2 * MS), cue(3, 1f, 10 * MS, 3 * MS),
                frame(0, 4 * MS, 8 * MS));

        assertEquals(List.of("bindings 5.0", "models sees channel at 5.0", "models 7", "cues 3",
                "bindings advance", "cues advance", "models advance"), calls);
    }

    @Test
    void aCueFadesAcrossFramesDrivenOnlyByEventTime() {
        Conductor conductor = conductor(ConductorStages.standard(conditioner).cuesAndFades(new FadeStage()));
        SnapshotExchange snapshots = snapshotsOf(conductor);

        feed(conductor, frame(0, 0, 10 * MS), cue(1, 1f, 40 * MS, 10 * MS), frame(1, 10 * MS, 20 * MS));
        assertEquals(0.25f, snapshots.latch().value(2), 1e-6f, "a quarter of the way at 20 ms");
        feed(conductor, frame(2, 20 * MS, 50 * MS));
        assertEquals(1f, snapshots.latch().value(2), 1e-6f, "done at 50 ms");
    }

    @Test
    void theSameEventsGiveTheSameSnapshotsBitForBit() {
        List<float[]> first = runScript();
        List<float[]> second = runScript();
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            for (int s = 0; s < 3; s++) {
                assertEquals(Float.floatToRawIntBits(first.get(i)[s]), Float.floatToRawIntBits(second.get(i)[s]),
                        "snapshot " + i + " slot " + s);
            }
        }
    }

    private List<float[]> runScript() {
        Conductor conductor = conductor(ConductorStages.standard(conditioner)
                .cuesAndFades(new FadeStage()).modelResults(new ModelStage()));
        SnapshotExchange snapshots = snapshotsOf(conductor);
        List<float[]> seen = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            InputEvent e = switch (i % 4) {
                case 0 -> channel(i % 2, i * 0.37f, i * MS);
                case 1 -> cue(i, (i % 7) / 7f, 13 * MS, i * MS);
                case 2 -> model(1, 0.01f * i, i * MS);
                default -> frame(i, i * MS, (i + 3) * MS);
            };
            feed(conductor, e);
            ParameterSnapshot s = snapshots.latch();
            seen.add(new float[] {s.value(0), s.value(1), s.value(2)});
        }
        return seen;
    }

    @Test
    void aKindNoStageTakesIsCountedAndIgnored() {
        Conductor conductor = conductor(ConductorStages.standard(conditioner));
        SnapshotExchange snapshots = snapshotsOf(conductor);

        feed(conductor, cue(1, 1f, MS, MS), channel(1, 9f, 2 * MS));

        assertEquals(1, conductor.stats().unrouted());
        assertEquals(9f, snapshots.latch().value(1));
        assertEquals(1, snapshots.latch().inputsApplied(), "the unrouted cue is not an applied input");
        assertEquals(2, snapshots.latch().eventsConsumed());
    }

    @Test
    void aStageThatThrowsOnEveryEventIsDisabledAndTheOthersRunOn() {
        ConductorStage broken = new FadeStage() {
            @Override
            public boolean onEvent(InputEvent event, long nanos, ShowState show) {
                throw new IllegalStateException("cue table missing");
            }

            @Override
            public void advanceTo(long horizonNanos, ShowState show) {
            }
        };
        Conductor conductor = conductor(ConductorStages.standard(conditioner).cuesAndFades(broken));
        SnapshotExchange snapshots = snapshotsOf(conductor);

        for (int i = 0; i < 10; i++) {
            feed(conductor, cue(i, 1f, MS, i * MS), channel(0, i, i * MS));
        }

        assertTrue(conductor.stageDisabled("cues"));
        assertFalse(conductor.stageDisabled("bindings"));
        assertEquals(3, conductor.stageFaults("cues").total(), "never called once disabled (limit 3)");
        assertEquals(9f, snapshots.latch().value(0), "the bindings kept running");
        assertEquals(1, log.at(System.Logger.Level.ERROR, "conductor stage cues disabled after 3 failures").size());
        assertEquals(1, log.at(System.Logger.Level.WARNING, "cue table missing").size(), "logged once: " + log.visible());
    }

    @Test
    void aStageMayNotTakeFrameMarks() {
        ConductorStage greedy = new FadeStage() {
            @Override
            public int[] kinds() {
                return new int[] {EventKinds.FRAME_MARK};
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conductor(ConductorStages.standard(conditioner).then(greedy)));
        assertTrue(e.getMessage().contains("stage cues declares kind 4"), e.getMessage());
    }

    /** The exchange {@link #conductor} made for a conductor. */
    private SnapshotExchange snapshotsOf(Conductor conductor) {
        return exchanges.get(conductor);
    }
}
