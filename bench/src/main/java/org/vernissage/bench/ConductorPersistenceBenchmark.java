package org.vernissage.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.ConductorStages;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.event.CueCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.sensors.conditioning.BindingConditioner;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueListLoader;
import org.vernissage.showcontrol.cue.CueStage;
import org.vernissage.showcontrol.state.PersistenceStage;

/**
 * The conductor's cost per event with the show state kept ({@code persistence=on}: the
 * {@link PersistenceStage} last in the list, publishing every 100 ms of show time) against without
 * ({@code off}), in the same run: Tidewater's bindings and cue list after a GO on cue 3, and a
 * stream of 16 channel values per frame mark at 60 frames a second (about 1k inputs/s of show time).
 * One operation is one event, frame marks included. Issue 11's target: at most 1.1x.
 *
 * <p>Run from the repository root: {@code java -jar bench/target/benchmarks.jar
 * ConductorPersistenceBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class ConductorPersistenceBenchmark {

    private static final long FRAME_NANOS = 1_000_000_000L / 60;
    private static final int VALUES_PER_FRAME = 16;

    /** One conductor and its event stream; single-threaded, as the conductor's thread is. */
    @State(Scope.Thread)
    public static class Show {
        @Param({"off", "on"})
        public String persistence;

        Conductor conductor;
        final InputEvent value = new InputEvent();
        final InputEvent frame = new InputEvent();
        long sequence;
        long frameIndex;
        int inFrame;

        @Setup
        public void build() throws Exception {
            ArtworkManifest artwork = OscDecodeBenchmark.artwork();
            ParameterLayout layout = artwork.layout();
            CueList cues = CueListLoader.loadIfPresent(Path.of("artworks", "tidewater"), layout).orElseThrow();
            SnapshotExchange snapshots = new SnapshotExchange(new float[layout.slotCount()]);
            CueStage cueStage = new CueStage(cues, layout, false);
            ConductorStages stages = ConductorStages.standard(new BindingConditioner(artwork.bindings(), layout))
                    .cuesAndFades(cueStage);
            if (persistence.equals("on")) {
                stages.then(new PersistenceStage(cueStage, layout, cues, 100_000_000L,
                        new SnapshotExchange(new float[PersistenceStage.packedLength(layout, cues)])));
            }
            conductor = new Conductor(layout, snapshots, stages, ConductorSettings.DEFAULT, new Outbox(Outbox.DEFAULT_SIZE),
                    System.getLogger(Conductor.class.getName()));
            InputEvent go = new InputEvent(); // cue 3 and what follows it: fades running for a while
            CueCommandFlyweight.encode(go.begin(EventKinds.CUE_COMMAND, 0, Long.MIN_VALUE, false),
                    cues.indexOf("3").orElseThrow(), CueCommandFlyweight.GO, 0, 1f);
            conductor.onEvent(go, sequence++, true);
        }
    }

    @Benchmark
    public void event(Show show) throws Exception {
        long now = show.frameIndex * FRAME_NANOS;
        if (show.inFrame == VALUES_PER_FRAME) {
            show.inFrame = 0;
            show.frameIndex++;
            show.frame.setFrame(show.frameIndex, now, now + FRAME_NANOS, 0);
            show.conductor.onEvent(show.frame, show.sequence++, true);
            return;
        }
        show.inFrame++;
        show.value.setChannel(0, (show.sequence & 1023) / 1023f, now, Long.MIN_VALUE, false);
        show.conductor.onEvent(show.value, show.sequence++, true);
    }
}
