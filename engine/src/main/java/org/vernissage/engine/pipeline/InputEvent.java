package org.vernissage.engine.pipeline;

import org.vernissage.engine.pipeline.event.ChannelValueFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.FrameMarkFlyweight;
import org.vernissage.engine.pipeline.event.ParameterSetFlyweight;
import org.vernissage.engine.pipeline.event.TouchFlyweight;

/**
 * One pre-allocated slot of the input ring: an envelope. The envelope says what the event is
 * ({@link #kind()}, a never-reused id from {@link EventKinds}), when it arrived and when it is due,
 * and whether the next event belongs to the same all-or-nothing group; its fixed-size
 * payload holds the kind's fields, read and written through that kind's flyweight
 * (see the layouts in {@code org.vernissage.engine.pipeline.event}). Never allocated per event:
 * a slot's payload is {@link #PAYLOAD_CAPACITY} bytes at {@link #payloadOffset()} of
 * {@link #payloadArray()}: the ring's slots share one array made with the ring, an event made
 * on its own (a batch's, a parked one, a reader's) has an array of its own.
 *
 * <pre>
 *  envelope: kind (int) | continues (boolean) | arrival (long, ns) | due (long, ns) | length (int)
 *  payload:  {@value #PAYLOAD_CAPACITY} bytes of an array, the first {@code length} meaningful
 * </pre>
 *
 * <p>Written by exactly one producer thread between claim and publish, then read by the ring's
 * consumers; the Disruptor's sequence barriers order those accesses.
 */
public final class InputEvent {

    /** Bytes every slot's payload holds: room for the largest kind, and for kinds to come. */
    public static final int PAYLOAD_CAPACITY = 64;

    private final byte[] array;
    private final int offset;
    private int kind = EventKinds.NONE;
    private boolean continues;
    private long arrivalNanos;
    private long dueNanos = InputBatch.IMMEDIATELY;
    private int length;

    /** An event with a payload array of its own. */
    public InputEvent() {
        this(new byte[PAYLOAD_CAPACITY], 0);
    }

    /** An event whose payload is {@code PAYLOAD_CAPACITY} bytes at {@code offset} of a shared array. */
    InputEvent(byte[] array, int offset) {
        if (offset < 0 || offset + PAYLOAD_CAPACITY > array.length) {
            throw new IllegalArgumentException("no room for a payload at " + offset + " of " + array.length + " bytes");
        }
        this.array = array;
        this.offset = offset;
    }

    /**
     * Slots over one shared array, made in order by a ring's factory (or a batch, or the scheduled
     * events): slot {@code i}'s payload is bytes {@code i * PAYLOAD_CAPACITY} on. One array instead
     * of one per slot, and flyweights re-wrapped from slot to slot store no reference. The factory
     * makes at most {@code size} slots.
     */
    static com.lmax.disruptor.EventFactory<InputEvent> slots(int size) {
        byte[] shared = new byte[size * PAYLOAD_CAPACITY];
        int[] next = {0};
        return () -> new InputEvent(shared, PAYLOAD_CAPACITY * next[0]++); // past size: refused by the constructor
    }

    /**
     * Starts an event of {@code kind} whose payload is {@code length} bytes; returns this event,
     * for the kind's flyweight (or its {@code encode}) to fill.
     */
    public InputEvent begin(int kind, int length, long arrivalNanos, long dueNanos, boolean continues) {
        if (length < 0 || length > PAYLOAD_CAPACITY) {
            throw new IllegalArgumentException("a payload holds 0 to " + PAYLOAD_CAPACITY + " bytes, not " + length);
        }
        this.kind = kind;
        this.length = length;
        this.arrivalNanos = arrivalNanos;
        this.dueNanos = dueNanos;
        this.continues = continues;
        return this;
    }

    /** Starts an event of a known {@code kind}, with that kind's payload length. */
    public InputEvent begin(int kind, long arrivalNanos, long dueNanos, boolean continues) {
        return begin(kind, EventKinds.payloadLength(kind), arrivalNanos, dueNanos, continues);
    }

    // Writers for the common kinds: each one call to the kind's flyweight, which declares the layout.

    public void setParameter(int slot, float value, long arrivalNanos) {
        ParameterSetFlyweight.encode(begin(EventKinds.PARAMETER_SET, arrivalNanos, InputBatch.IMMEDIATELY, false),
                slot, value);
    }

    public void setChannel(int channel, float value, long arrivalNanos, long dueNanos, boolean continues) {
        ChannelValueFlyweight.encode(begin(EventKinds.CHANNEL_VALUE, arrivalNanos, dueNanos, continues), channel,
                value);
    }

    /** See {@link TouchFlyweight#encode} for the fields. */
    public void setTouch(TouchKind touchKind, TouchPhase phase, int source, long session, int classId,
                  float x, float y, float angle, float vx, float vy,
                  long arrivalNanos, long dueNanos, boolean continues) {
        TouchFlyweight.encode(begin(EventKinds.TOUCH, arrivalNanos, dueNanos, continues), touchKind, phase, source,
                session, classId, x, y, angle, vx, vy);
    }

    public void setFrame(long frameIndex, long frameNanos, long horizonNanos, long eventsLatched) {
        FrameMarkFlyweight.encode(begin(EventKinds.FRAME_MARK, frameNanos, InputBatch.IMMEDIATELY, false),
                frameIndex, horizonNanos, eventsLatched);
    }

    /** Copies envelope and payload of {@code other}: a parked event, a replayed one, a batch's. */
    public void copyFrom(InputEvent other) {
        kind = other.kind;
        continues = other.continues;
        arrivalNanos = other.arrivalNanos;
        dueNanos = other.dueNanos;
        length = other.length;
        System.arraycopy(other.array, other.offset, array, offset, other.length);
    }

    /** Re-stamps a copied event: the ring gives a batch's events the batch's arrival and grouping. */
    void stamp(long arrivalNanos, boolean continues) {
        this.arrivalNanos = arrivalNanos;
        this.continues = continues;
    }

    /** The kind id ({@link EventKinds}). */
    public int kind() {
        return kind;
    }

    /** True when the next event belongs to the same all-or-nothing group as this one. */
    public boolean continues() {
        return continues;
    }

    /** When the input reached the engine, on the engine's {@code Clock}; for a frame, its time. */
    public long arrivalNanos() {
        return arrivalNanos;
    }

    /** When to apply it, on the engine clock, or {@link InputBatch#IMMEDIATELY}. */
    public long dueNanos() {
        return dueNanos;
    }

    /**
     * The array holding the payload, at {@link #payloadOffset()}: for flyweights and for copying
     * bytes (the journal). Shared with other slots of the same ring: touch only this event's
     * {@link #PAYLOAD_CAPACITY} bytes.
     */
    public byte[] payloadArray() {
        return array;
    }

    /** Where the payload starts in {@link #payloadArray()}. */
    public int payloadOffset() {
        return offset;
    }

    /** How many payload bytes are meaningful. */
    public int payloadLength() {
        return length;
    }
}
