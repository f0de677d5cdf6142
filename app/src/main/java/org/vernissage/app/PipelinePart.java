package org.vernissage.app;


import java.util.List;
import java.util.Optional;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.ConductorStage;
import org.vernissage.engine.pipeline.ConductorStages;
import org.vernissage.engine.pipeline.ConductorStats;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.FrameMarker;
import org.vernissage.engine.journal.JournalWriter;
import org.vernissage.sensors.conditioning.BindingConditioner;

/**
 * The spine of a run: the input ring, its conductor (the single writer of show state, applying
 * the artwork's bindings) and the snapshot exchange the conductor publishes into and the render
 * loop latches from; with a journal, the ring's second consumer.
 *
 * <p>Same threads and owner as every {@link RunPart}; the conductor (and journal) then run on the
 * ring's daemon threads, named "vernissage-conductor" and "vernissage-journal".
 */
final class PipelinePart implements RunPart {

    private final Conductor conductor;
    private final InputRing ring;
    private final SnapshotExchange snapshots;

    private PipelinePart(Conductor conductor, InputRing ring, SnapshotExchange snapshots) {
        this.conductor = conductor;
        this.ring = ring;
        this.snapshots = snapshots;
    }

    /** Starts the ring's consumers: the conductor of {@code manifest}'s bindings, and {@code journal} if any. */
    static PipelinePart start(ArtworkManifest manifest, ParameterLayout layout, PipelineOptions options,
                              Optional<JournalWriter> journal) {
        return start(manifest, layout, options, journal, Optional.empty());
    }

    /** The same, with the models' stage in the conductor's model-results place when there is one. */
    static PipelinePart start(ArtworkManifest manifest, ParameterLayout layout, PipelineOptions options,
                              Optional<JournalWriter> journal, Optional<ConductorStage> modelResults) {
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        SnapshotExchange snapshots = new SnapshotExchange(defaults, ConductorSettings.DEFAULT.touchCapacity());
        ConductorStages stages = ConductorStages.standard(new BindingConditioner(manifest.bindings(), layout));
        modelResults.ifPresent(stages::modelResults);
        Conductor conductor = new Conductor(layout, snapshots, stages, ConductorSettings.DEFAULT,
                new Outbox(Outbox.DEFAULT_SIZE), System.getLogger(Conductor.class.getName()));
        InputRing ring = journal.isPresent()
                ? new InputRing(InputRing.DEFAULT_SIZE, options.ringWait(),
                        DaemonThreads.named("vernissage-conductor", "vernissage-journal"), conductor, journal.get())
                : new InputRing(InputRing.DEFAULT_SIZE, options.ringWait(),
                        DaemonThreads.named("vernissage-conductor"), conductor);
        ring.start();
        return new PipelinePart(conductor, ring, snapshots);
    }

    /** Where sensors (or a journal player) publish input. */
    InputRing ring() {
        return ring;
    }

    /** What the render loop latches each frame. */
    SnapshotExchange snapshots() {
        return snapshots;
    }

    /** A live run's frame marks: each latched frame goes into the ring, so a journal can replay the timeline. */
    FrameMarker frameMarker() {
        return (index, frameNanos, nextFrameNanos, latched) ->
                ring.offerFrame(index, frameNanos, nextFrameNanos, latched.eventsConsumed());
    }

    @Override
    public List<String> statistics() {
        ConductorStats stats = conductor.stats();
        if (stats.scheduledDropped() == 0 && stats.touchesTimedOut() == 0) {
            return List.of();
        }
        return List.of("pipeline: " + stats.scheduledDropped() + " time-tagged events dropped (too many waiting), "
                + stats.touchesTimedOut() + " touch points timed out");
    }

    @Override
    public void close() {
        ring.close();
    }

    /** The conductor, for read-only views of its counters (the statistics' fault lines). */
    Conductor conductor() {
        return conductor;
    }
}
