package org.vernissage.engine.pipeline;

/**
 * The parameter values the render thread draws one frame with, plus what they were made of.
 *
 * <p>Immutable by contract: the conductor fills a snapshot only while it is its private back
 * buffer in {@link SnapshotExchange}; once published, only the render thread reads it, until it
 * latches a newer one and hands this one back.
 */
public final class ParameterSnapshot {

    private final float[] values;
    private long inputsApplied;
    private long newestArrivalNanos;

    ParameterSnapshot(int slots) {
        this.values = new float[slots];
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

    /** How many input events the conductor had applied when it made this snapshot. */
    public long inputsApplied() {
        return inputsApplied;
    }

    /** Arrival time of the newest input in this snapshot, or {@link Long#MIN_VALUE} if none. */
    public long newestArrivalNanos() {
        return newestArrivalNanos;
    }

    void fill(float[] source, long inputsApplied, long newestArrivalNanos) {
        System.arraycopy(source, 0, values, 0, values.length);
        this.inputsApplied = inputsApplied;
        this.newestArrivalNanos = newestArrivalNanos;
    }
}
