package org.vernissage.engine.pipeline;

/**
 * Everything the render thread draws one frame with: the parameter values, the touch points alive,
 * and what they were made of.
 *
 * <p>Immutable by contract: the conductor fills a snapshot only while it is its private back
 * buffer in {@link SnapshotExchange}; once published, only the render thread reads it, until it
 * latches a newer one and hands this one back.
 */
public final class ParameterSnapshot {

    private final float[] values;
    private final TouchSet touches;
    private long eventsConsumed;
    private long inputsApplied;
    private long newestArrivalNanos;

    ParameterSnapshot(int slots, int touchCapacity) {
        this.values = new float[slots];
        this.touches = new TouchSet(touchCapacity);
    }

    /** The value of snapshot slot {@code slot}. */
    public float value(int slot) {
        return values[slot];
    }

    public int slotCount() {
        return values.length;
    }

    /** Copies all slots into {@code target} (at least {@link #slotCount()} long). */
    public void copyValuesInto(float[] target) {
        System.arraycopy(values, 0, target, 0, values.length);
    }

    /** The touch points alive when the snapshot was made. */
    public TouchSet touches() {
        return touches;
    }

    /**
     * How many ring events (of every kind) the conductor had consumed when it made this snapshot:
     * the snapshot is a function of exactly those events, which is what replay relies on.
     */
    public long eventsConsumed() {
        return eventsConsumed;
    }

    /** How many parameter and channel values the conductor had applied. */
    public long inputsApplied() {
        return inputsApplied;
    }

    /** Arrival time of the newest input in this snapshot, or {@link Long#MIN_VALUE} if none. */
    public long newestArrivalNanos() {
        return newestArrivalNanos;
    }

    void fill(float[] source, TouchSet touchSource, long eventsConsumed, long inputsApplied,
              long newestArrivalNanos) {
        System.arraycopy(source, 0, values, 0, values.length);
        if (touchSource != null) {
            touches.copyFrom(touchSource);
        }
        this.eventsConsumed = eventsConsumed;
        this.inputsApplied = inputsApplied;
        this.newestArrivalNanos = newestArrivalNanos;
    }
}
