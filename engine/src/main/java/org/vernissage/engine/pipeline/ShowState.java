package org.vernissage.engine.pipeline;

import org.vernissage.engine.param.ParameterLayout;

/**
 * The show state the conductor owns and its stages change: the parameter values (snapshot slot
 * order), the live touch points, and the outbox for what leaves the conductor (replies, state for
 * consoles, persistence). The conductor publishes the values and touches as a snapshot at the end
 * of each batch.
 *
 * <p>Conductor thread only: the conductor and, through it, its stages are its only writers and
 * readers.
 */
public final class ShowState {

    private final ParameterLayout layout;
    private final float[] values;
    private final TouchSet touches;
    private final Outbox outbox;
    private final ConductorStats stats;

    ShowState(ParameterLayout layout, int touchCapacity, Outbox outbox, ConductorStats stats) {
        this.layout = layout;
        this.values = new float[layout.slotCount()];
        this.touches = new TouchSet(touchCapacity);
        this.outbox = outbox;
        this.stats = stats;
        layout.copyDefaultsInto(values);
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** The parameter values, one per snapshot slot; stages write them in place. */
    public float[] values() {
        return values;
    }

    /** Whether {@code slot} is a slot of this show (an adapter may have resolved against another layout). */
    public boolean validSlot(int slot) {
        return slot >= 0 && slot < values.length;
    }

    /** The live touch points. */
    public TouchSet touches() {
        return touches;
    }

    /** Where a stage posts what must leave the conductor; posting never blocks. */
    public Outbox outbox() {
        return outbox;
    }

    ConductorStats stats() {
        return stats;
    }
}
