package org.vernissage.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import org.vernissage.engine.param.ParameterLayout;

/**
 * The single writer of show state: applies every input event, in ring order, to the parameter
 * values, and at the end of each batch publishes a snapshot for the render thread. Batching means
 * a burst of a thousand OSC messages costs one snapshot copy, not a thousand.
 *
 * <p>Runs on the conductor thread the ring gives it; nothing else reads or writes its fields.
 */
public final class Conductor implements EventHandler<InputEvent> {

    private final ParameterLayout layout;
    private final SnapshotExchange snapshots;
    private final float[] values;
    private long inputsApplied;
    private long newestArrivalNanos = Long.MIN_VALUE;

    public Conductor(ParameterLayout layout, SnapshotExchange snapshots) {
        this.layout = layout;
        this.snapshots = snapshots;
        this.values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
    }

    @Override
    public void onEvent(InputEvent event, long sequence, boolean endOfBatch) {
        if (event.kind() == InputEvent.SET_PARAMETER) {
            apply(event);
        }
        if (endOfBatch) {
            snapshots.publish(values, inputsApplied, newestArrivalNanos);
        }
    }

    private void apply(InputEvent event) {
        int slot = event.slot();
        if (slot < 0 || slot >= values.length) {
            return; // an adapter resolved against another layout: never index out of the show
        }
        values[slot] = layout.clamp(slot, event.value());
        inputsApplied++;
        newestArrivalNanos = Math.max(newestArrivalNanos, event.arrivalNanos());
    }
}
