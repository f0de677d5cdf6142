package org.vernissage.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import java.lang.System.Logger;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.event.ChannelValueFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.FrameMarkFlyweight;
import org.vernissage.engine.pipeline.event.ParameterSetFlyweight;
import org.vernissage.engine.pipeline.event.TouchFlyweight;

/**
 * The single writer of show state: applies every input event, in ring order, to the parameter
 * values and the touch set, and publishes a snapshot for the render thread at the end of each
 * batch, never in the middle of an all-or-nothing group. Batching means a burst of a thousand OSC
 * messages costs one snapshot copy, not a thousand.
 *
 * <p>Time moves only with the events: a value applies at its arrival or its due time, and each
 * {@code FRAME_MARK} event moves the horizon to the next frame's time, releasing scheduled
 * events, easing idle bindings and timing out silent touches. So the state after N events is a
 * function of those N events alone, which is what makes a journal replay to the same frames.
 *
 * <p>Nothing stops the show: a conditioner that throws is caught around each call (a
 * {@link StageGuard}): that event is skipped for it, counted, logged once per kind, and the
 * conductor goes on and still publishes at the end of the batch or group; a conditioner that
 * throws {@link ConductorSettings#stageFailureLimit()} times in a row is disabled.
 *
 * <p>Runs on the conductor thread the ring gives it; nothing else reads or writes its fields
 * (except {@link #stats()}, whose counters any thread may read).
 */
public final class Conductor implements EventHandler<InputEvent> {

    private final ParameterLayout layout;
    private final SnapshotExchange snapshots;
    private final ChannelConditioner conditioner;
    private final long touchTimeoutNanos;
    private final float[] values;
    private final TouchSet touches;
    private final ScheduledEvents scheduled;
    private final InputEvent due = new InputEvent();
    private final ParameterSetFlyweight parameterSet = new ParameterSetFlyweight();
    private final ChannelValueFlyweight channelValue = new ChannelValueFlyweight();
    private final TouchFlyweight touch = new TouchFlyweight();
    private final FrameMarkFlyweight frameMark = new FrameMarkFlyweight();
    private final ConductorStats stats = new ConductorStats();
    private final ConsumerFaults faults;
    private final StageGuard bindings;
    private long eventsConsumed;
    private long inputsApplied;
    private long newestArrivalNanos = Long.MIN_VALUE;
    private long horizonNanos = Long.MIN_VALUE;

    /** A conductor for direct parameter values only (no bindings), with default settings. */
    public Conductor(ParameterLayout layout, SnapshotExchange snapshots) {
        this(layout, snapshots, ChannelConditioner.NONE, ConductorSettings.DEFAULT);
    }

    public Conductor(ParameterLayout layout, SnapshotExchange snapshots, ChannelConditioner conditioner,
                     ConductorSettings settings) {
        this(layout, snapshots, conditioner, settings, System.getLogger(Conductor.class.getName()));
    }

    /** @param log where failures of the conductor and its stages are reported (once per kind) */
    public Conductor(ParameterLayout layout, SnapshotExchange snapshots, ChannelConditioner conditioner,
                     ConductorSettings settings, Logger log) {
        this.layout = layout;
        this.snapshots = snapshots;
        this.conditioner = conditioner;
        this.touchTimeoutNanos = settings.touchTimeout().toNanos();
        this.values = new float[layout.slotCount()];
        this.touches = new TouchSet(settings.touchCapacity());
        this.scheduled = new ScheduledEvents(settings.scheduledCapacity());
        layout.copyDefaultsInto(values);
        this.faults = new ConsumerFaults("conductor", log);
        this.bindings = new StageGuard(new ConsumerFaults("conductor stage bindings", log), log,
                settings.stageFailureLimit());
    }

    /** Exceptions the conductor's own code threw (each skipped one event). Any thread. */
    public ConsumerFaults faults() {
        return faults;
    }

    /** Exceptions the bindings stage (the conditioner) threw. Any thread. */
    public ConsumerFaults bindingFaults() {
        return bindings.faults();
    }

    /** Whether the bindings stage was disabled for failing too often. Any thread. */
    public boolean bindingsDisabled() {
        return bindings.disabled();
    }

    /** What the conductor has done so far. Any thread. */
    public ConductorStats stats() {
        return stats;
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
            snapshots.publish(values, touches, eventsConsumed, inputsApplied, newestArrivalNanos);
        }
    }

    private void route(InputEvent event) {
        if (event.kind() == EventKinds.FRAME_MARK) {
            advanceTo(frameMark.wrap(event.payload()).horizonNanos());
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
        if (bindings.active()) {
            try {
                conditioner.advanceTo(horizon, values);
                bindings.succeeded();
            } catch (Exception e) {
                bindings.failed(e, "advancing to a frame");
            }
        }
        stats.touchesExpired(touches.expire(horizon - touchTimeoutNanos));
    }

    private void apply(InputEvent event, long nanos) {
        boolean applied = switch (event.kind()) {
            case EventKinds.PARAMETER_SET -> setParameter(parameterSet.wrap(event.payload()));
            case EventKinds.CHANNEL_VALUE -> channelValue(channelValue.wrap(event.payload()), nanos);
            case EventKinds.TOUCH -> touch(touch.wrap(event.payload()), nanos);
            default -> false;
        };
        if (applied) {
            inputsApplied++;
            newestArrivalNanos = Math.max(newestArrivalNanos, event.arrivalNanos());
        }
    }

    private boolean channelValue(ChannelValueFlyweight event, long nanos) {
        if (!bindings.active()) {
            return true;
        }
        try {
            conditioner.onValue(event.channel(), event.value(), nanos, values);
            bindings.succeeded();
        } catch (Exception e) {
            bindings.failed(e, "a CHANNEL_VALUE for channel " + event.channel());
        }
        return true;
    }

    private boolean setParameter(ParameterSetFlyweight event) {
        int slot = event.slot();
        if (!validSlot(slot)) {
            return false;
        }
        values[slot] = layout.clamp(slot, event.value());
        return true;
    }

    private boolean validSlot(int slot) {
        // an adapter resolved against another layout: never index out of the show
        return slot >= 0 && slot < values.length;
    }

    private boolean touch(TouchFlyweight event, long nanos) {
        if (!event.isValid()) {
            return false; // a damaged payload: no touch kind or phase this engine knows
        }
        if (event.phase() == TouchPhase.REMOVED) {
            touches.remove(event.kind(), event.source(), event.session());
        } else if (!touches.put(event, nanos)) {
            stats.touchRefused();
        }
        return true;
    }
}
