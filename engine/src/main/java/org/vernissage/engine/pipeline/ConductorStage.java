package org.vernissage.engine.pipeline;

/**
 * One step of the conductor: the bindings, the touches, and (added by later issues) cues and
 * fades and model results. The conductor keeps its stages in an ordered list; each event goes to
 * the stages that declared its kind id, in list order, and each frame mark moves every stage's
 * time on, in list order. A stage changes show state only through the {@link ShowState} it is
 * handed, on the conductor thread, so the conductor stays its single writer.
 *
 * <p>Called only on the conductor thread. A stage must be a function of the calls it receives (no
 * clock of its own, no other input), so that a replayed journal reproduces the same show state bit
 * for bit; it must not allocate per event. A stage that throws loses that one event, is counted
 * and logged once per kind; after {@link ConductorSettings#stageFailureLimit()} failures in a row
 * it is disabled and the rest of the conductor runs on without it.
 */
public interface ConductorStage {

    /** Names the stage in statistics and log lines, e.g. "bindings". */
    String name();

    /**
     * The kind ids ({@link org.vernissage.engine.pipeline.event.EventKinds}) this stage takes. Read
     * once, when the conductor builds its routing table.
     */
    int[] kinds();

    /**
     * Handles one event of a kind it declared, at {@code nanos} (its arrival, or its due time if
     * it was scheduled).
     *
     * @return true when the event was applied as input (it counts in a snapshot's inputs applied)
     */
    boolean onEvent(InputEvent event, long nanos, ShowState show);

    /** Time moved on to {@code horizonNanos} (a frame mark): ease, fade, time out. */
    void advanceTo(long horizonNanos, ShowState show);
}
