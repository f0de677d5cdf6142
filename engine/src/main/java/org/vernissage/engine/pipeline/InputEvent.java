package org.vernissage.engine.pipeline;

/**
 * One pre-allocated slot of the input ring. Producers fill it in place through
 * {@link InputRing}'s translators; the conductor reads it. Never allocated per event.
 *
 * <p>Written by exactly one producer thread between claim and publish, then read by the ring's
 * consumers; the Disruptor's sequence barriers order those accesses.
 */
public final class InputEvent {

    /** The kinds of event the ring carries. Plain ints keep the slot free of references. */
    public static final int SET_PARAMETER = 1;

    private int kind;
    private int slot;
    private float value;
    private long arrivalNanos;

    void set(int kind, int slot, float value, long arrivalNanos) {
        this.kind = kind;
        this.slot = slot;
        this.value = value;
        this.arrivalNanos = arrivalNanos;
    }

    public int kind() {
        return kind;
    }

    /** The snapshot slot the value is for (see {@code ParameterLayout}). */
    public int slot() {
        return slot;
    }

    public float value() {
        return value;
    }

    /** When the input reached the engine, on the engine's {@code Clock}. */
    public long arrivalNanos() {
        return arrivalNanos;
    }
}
