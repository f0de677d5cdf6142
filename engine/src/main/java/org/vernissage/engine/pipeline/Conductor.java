package org.vernissage.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.fault.FaultCounts;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.FrameMarkFlyweight;

/**
 * The single writer of show state: an ordered list of {@link ConductorStage}s (see
 * {@link ConductorStages}: parameters, bindings, cues and fades, model results, touches) that
 * every input event passes through, in ring order. Each event goes to the stages that declared its
 * kind id, found in a table built once (no lookup by name per event). At the end of each batch,
 * never in the middle of an all-or-nothing group, the conductor publishes a snapshot of the
 * {@link ShowState} for the render thread: a burst of a thousand OSC messages costs one snapshot
 * copy, not a thousand. What must leave the conductor goes to its {@link Outbox}, which never
 * blocks it.
 *
 * <p>Time moves only with the events: a value applies at its arrival or its due time, and each
 * {@code FRAME_MARK} moves the horizon to the next frame's time, releasing scheduled events and
 * moving every stage's time on (idle easing, fades, touch timeouts). So the state after N events is
 * a function of those N events alone, which is what makes a journal replay to the same frames.
 *
 * <p>Nothing stops the show: each stage call is guarded (a {@link StageGuard}): an exception skips
 * that event for that stage, is counted and logged once per kind, and the conductor goes on and
 * still publishes at the end of the batch or group; a stage that throws
 * {@link ConductorSettings#stageFailureLimit()} times in a row is disabled and the rest runs on.
 *
 * <p>Runs on the conductor thread the ring gives it; nothing else reads or writes its fields
 * (except {@link #stats()} and the fault counters, which any thread may read).
 */
public final class Conductor implements EventHandler<InputEvent> {

    private final SnapshotExchange snapshots;
    private final ShowState show;
    private final ConductorStage[] stages;
    private final StageGuard[] guards;
    /** For each kind id, the indexes of the stages that take it, in list order. */
    private final int[][] routes = new int[EventKinds.MAX_KIND + 1][];
    private final ScheduledEvents scheduled;
    private final InputEvent due = new InputEvent();
    private final FrameMarkFlyweight frameMark = new FrameMarkFlyweight();
    private final ConductorStats stats = new ConductorStats();
    private final FaultCounts faults;
    private final Outbox outbox;
    private long eventsConsumed;
    private long inputsApplied;
    private long newestArrivalNanos = Long.MIN_VALUE;
    private long horizonNanos = Long.MIN_VALUE;

    /** A conductor for direct parameter values only (no bindings), with default settings. */
    public Conductor(ParameterLayout layout, SnapshotExchange snapshots) {
        this(layout, snapshots, ChannelConditioner.NONE, ConductorSettings.DEFAULT);
    }

    /** The standard stages with the bindings' {@code conditioner}, and an outbox of the default size. */
    public Conductor(ParameterLayout layout, SnapshotExchange snapshots, ChannelConditioner conditioner,
                     ConductorSettings settings) {
        this(layout, snapshots, conditioner, settings, System.getLogger(Conductor.class.getName()));
    }

    /** @param log where failures of the conductor and its stages are reported (once per kind) */
    public Conductor(ParameterLayout layout, SnapshotExchange snapshots, ChannelConditioner conditioner,
                     ConductorSettings settings, Logger log) {
        this(layout, snapshots, ConductorStages.standard(conditioner), settings, new Outbox(Outbox.DEFAULT_SIZE),
                log);
    }

    /**
     * @param stages the stages, in the order {@link ConductorStages} keeps
     * @param outbox where stages post what leaves the conductor; its one consumer is an outside agent
     * @param log where failures of the conductor and its stages are reported (once per kind)
     */
    public Conductor(ParameterLayout layout, SnapshotExchange snapshots, ConductorStages stages,
                     ConductorSettings settings, Outbox outbox, Logger log) {
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.show = new ShowState(layout, settings.touchCapacity(), outbox, stats);
        this.scheduled = new ScheduledEvents(settings.scheduledCapacity());
        this.faults = new FaultCounts("conductor", FaultCounts.EVENT_SKIPPED, log);
        List<ConductorStage> list = stages.build(settings);
        this.stages = list.toArray(ConductorStage[]::new);
        this.guards = new StageGuard[this.stages.length];
        for (int i = 0; i < this.stages.length; i++) {
            guards[i] = new StageGuard(new FaultCounts("conductor stage " + this.stages[i].name(),
                    FaultCounts.EVENT_SKIPPED, log), log,
                    settings.stageFailureLimit());
        }
        buildRoutes();
    }

    /** Resolves once which stages take which kind ids. */
    private void buildRoutes() {
        List<List<Integer>> byKind = new ArrayList<>();
        for (int k = 0; k <= EventKinds.MAX_KIND; k++) {
            byKind.add(new ArrayList<>());
        }
        for (int i = 0; i < stages.length; i++) {
            for (int kind : stages[i].kinds()) {
                if (!EventKinds.isValid(kind) || kind == EventKinds.FRAME_MARK) {
                    throw new IllegalArgumentException("stage " + stages[i].name() + " declares kind " + kind
                            + ": a stage takes kind ids 1 to " + EventKinds.MAX_KIND
                            + " other than FRAME_MARK (time reaches every stage through advanceTo)");
                }
                byKind.get(kind).add(i);
            }
        }
        for (int k = 0; k <= EventKinds.MAX_KIND; k++) {
            routes[k] = byKind.get(k).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** What the conductor has done so far. Any thread. */
    public ConductorStats stats() {
        return stats;
    }

    /** The outbox its stages post to. */
    public Outbox outbox() {
        return outbox;
    }

    /** Exceptions the conductor's own code threw (each skipped one event). Any thread. */
    public FaultCounts faults() {
        return faults;
    }

    /**
     * The conductor's own faults, then each stage's, in stage order: for the statistics line
     * ({@link FaultCounts#toString()} names the owner and counts per kind). Any thread.
     */
    public List<FaultCounts> allFaults() {
        List<FaultCounts> all = new ArrayList<>();
        all.add(faults);
        for (StageGuard guard : guards) {
            all.add(guard.faults());
        }
        return all;
    }

    /** The stages' names, in order. */
    public List<String> stageNames() {
        List<String> names = new ArrayList<>();
        for (ConductorStage stage : stages) {
            names.add(stage.name());
        }
        return names;
    }

    /** Exceptions the stage named {@code name} threw. Any thread. */
    public FaultCounts stageFaults(String name) {
        return guard(name).faults();
    }

    /** Whether the stage named {@code name} was disabled for failing too often. Any thread. */
    public boolean stageDisabled(String name) {
        return guard(name).disabled();
    }

    private StageGuard guard(String name) {
        for (int i = 0; i < stages.length; i++) {
            if (stages[i].name().equals(name)) {
                return guards[i];
            }
        }
        throw new IllegalArgumentException("no stage named " + name + "; the stages are " + stageNames());
    }

    @Override
    public void onEvent(InputEvent event, long sequence, boolean endOfBatch) {
        eventsConsumed++;
        try {
            route(event);
        } catch (Exception e) {
            // the conductor's own code failed on this event: skip it, keep the show state as it is
            faults.record(e, EventKinds.name(event.kind()) + " event (ring sequence " + sequence + ")");
        }
        // A group is published whole: its last event ends it, and the producer published all of
        // its events at once, so the rest is already on its way.
        if (endOfBatch && !event.continues()) {
            snapshots.publish(show.values(), show.touches(), eventsConsumed, inputsApplied, newestArrivalNanos);
            outbox.endOfBatch();
        }
    }

    private void route(InputEvent event) {
        if (event.kind() == EventKinds.FRAME_MARK) {
            advanceTo(frameMark.wrap(event).horizonNanos());
        } else if (event.dueNanos() != InputBatch.IMMEDIATELY && event.dueNanos() > horizonNanos) {
            if (scheduled.park(event)) {
                stats.eventScheduled();
            } else {
                stats.scheduledEventDropped();
            }
        } else {
            apply(event, Math.max(event.arrivalNanos(), event.dueNanos()));
        }
    }

    private void advanceTo(long horizon) {
        if (horizon <= horizonNanos) {
            return;
        }
        horizonNanos = horizon;
        while (scheduled.nextDueNanos() <= horizon) {
            scheduled.takeInto(due);
            apply(due, due.dueNanos());
        }
        for (int i = 0; i < stages.length; i++) {
            StageGuard guard = guards[i];
            if (!guard.active()) {
                continue;
            }
            try {
                stages[i].advanceTo(horizon, show);
                guard.succeeded();
            } catch (Exception e) {
                guard.failed(e, "advancing to a frame");
            }
        }
    }

    private void apply(InputEvent event, long nanos) {
        int kind = event.kind();
        int[] route = kind > 0 && kind < routes.length ? routes[kind] : null;
        if (route == null || route.length == 0) {
            stats.eventUnrouted();
            return;
        }
        boolean applied = false;
        for (int i : route) {
            StageGuard guard = guards[i];
            if (!guard.active()) {
                continue;
            }
            try {
                applied |= stages[i].onEvent(event, nanos, show);
                guard.succeeded();
            } catch (Exception e) {
                guard.failed(e, "a " + EventKinds.name(kind) + " event");
            }
        }
        if (applied) {
            inputsApplied++;
            newestArrivalNanos = Math.max(newestArrivalNanos, event.arrivalNanos());
        }
    }
}
