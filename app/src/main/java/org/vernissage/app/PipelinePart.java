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
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueStage;
import org.vernissage.showcontrol.state.PersistenceStage;

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
    private final CueStage cues;

    private PipelinePart(Conductor conductor, InputRing ring, SnapshotExchange snapshots, CueStage cues) {
        this.cues = cues;
        this.conductor = conductor;
        this.ring = ring;
        this.snapshots = snapshots;
    }

    /** Starts the ring's consumers: the conductor of {@code manifest}'s bindings, and {@code journal} if any. */
    static PipelinePart start(ArtworkManifest manifest, ParameterLayout layout, PipelineOptions options,
                              Optional<JournalWriter> journal) {
        return start(manifest, layout, options, journal, Stages.NONE);
    }

    /**
     * The stages a run adds to the conductor's standard ones, each in its place: the cue list run by
     * the cue stage (cues and fades; always there, with an empty list when there is none, so that a
     * journal's console commands replay), the models' stage (model results), and stages after
     * every other ({@code ConductorStages.then}), in order.
     *
     * @param answerConsoles whether the cue stage posts replies and updates to the outbox (only
     *     when a control port or the console takes them, or the outbox would fill for nobody)
     */
    record Stages(Optional<CueList> cues, boolean answerConsoles, Optional<ConductorStage> modelResults,
                  List<ConductorStage> last, Optional<SnapshotExchange> persistence) {

        static final Stages NONE = new Stages(Optional.empty(), false, Optional.empty(), List.of(), Optional.empty());

        Stages {
            last = List.copyOf(last);
        }

        /** Without persistence. */
        Stages(Optional<CueList> cues, boolean answerConsoles, Optional<ConductorStage> modelResults,
               List<ConductorStage> last) {
            this(cues, answerConsoles, modelResults, last, Optional.empty());
        }
    }

    /** How often (show time) the show state is published for its file when it is kept. */
    static final long PERSIST_EVERY_NANOS = 100_000_000L;

    /** As above, with {@code extra} stages in their places. */
    static PipelinePart start(ArtworkManifest manifest, ParameterLayout layout, PipelineOptions options,
                              Optional<JournalWriter> journal, Stages extra) {
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        SnapshotExchange snapshots = new SnapshotExchange(defaults, ConductorSettings.DEFAULT.touchCapacity());
        ConductorStages stages = ConductorStages.standard(new BindingConditioner(manifest.bindings(), layout));
        // Always in place, even with no cues.json: a journal recorded with --control holds console
        // commands (parameter sets and fades too), and its replay must apply them the same way.
        CueStage cueStage = new CueStage(extra.cues().orElse(CueList.EMPTY), layout, extra.answerConsoles());
        stages.cuesAndFades(cueStage);
        extra.modelResults().ifPresent(stages::modelResults);
        extra.last().forEach(stages::then);
        // Last of all: it saves what every stage before it did in the frame.
        extra.persistence().ifPresent(exchange -> stages.then(new PersistenceStage(cueStage, layout,
                extra.cues().orElse(CueList.EMPTY), PERSIST_EVERY_NANOS, exchange)));
        Conductor conductor = new Conductor(layout, snapshots, stages, ConductorSettings.DEFAULT,
                new Outbox(Outbox.DEFAULT_SIZE), System.getLogger(Conductor.class.getName()));
        InputRing ring = journal.isPresent()
                ? new InputRing(InputRing.DEFAULT_SIZE, options.ringWait(),
                        DaemonThreads.named("vernissage-conductor", "vernissage-journal"), conductor, journal.get())
                : new InputRing(InputRing.DEFAULT_SIZE, options.ringWait(),
                        DaemonThreads.named("vernissage-conductor"), conductor);
        ring.start();
        return new PipelinePart(conductor, ring, snapshots, cueStage);
    }

    /** The conductor's cue stage (a reloaded cue list is offered to it). */
    CueStage cueStage() {
        return cues;
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
