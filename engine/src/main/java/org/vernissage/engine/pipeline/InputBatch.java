package org.vernissage.engine.pipeline;

import org.vernissage.engine.pipeline.event.ChannelValueFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ParameterSetFlyweight;
import org.vernissage.engine.pipeline.event.TouchFlyweight;

/**
 * A reusable staging area for events that must reach the conductor together: the values of one
 * OSC bundle, the touches of one TUIO frame. An adapter clears it, adds events, and hands it to
 * {@link InputSink#offer}, which copies it into the ring all or nothing.
 *
 * <p>Pre-allocated at a fixed capacity: one {@link InputEvent} envelope per place (their payloads
 * in one shared array), written through
 * the kinds' flyweights exactly as a ring slot is, so copying into the ring is a copy of bytes.
 * Owned and used by one adapter thread; not thread-safe.
 */
public final class InputBatch {

    /** The due time meaning "apply as soon as it arrives" (OSC's time tag 1). */
    public static final long IMMEDIATELY = Long.MIN_VALUE;

    private final InputEvent[] events;
    private final ChannelValueFlyweight channelView = new ChannelValueFlyweight();
    private final TouchFlyweight touchView = new TouchFlyweight();
    private final ParameterSetFlyweight parameterView = new ParameterSetFlyweight();
    private int size;
    private long arrivalNanos;

    public InputBatch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        events = new InputEvent[capacity];
        com.lmax.disruptor.EventFactory<InputEvent> slots = InputEvent.slots(capacity);
        for (int i = 0; i < capacity; i++) {
            events[i] = slots.newInstance();
        }
    }

    /** Empties the batch for a new group that arrived at {@code arrivalNanos} (engine clock). */
    public void clear(long arrivalNanos) {
        this.size = 0;
        this.arrivalNanos = arrivalNanos;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return events.length;
    }

    public boolean isFull() {
        return size == events.length;
    }

    public long arrivalNanos() {
        return arrivalNanos;
    }

    /**
     * Adds a raw value for binding channel {@code channel}, due at {@code dueNanos} on the engine
     * clock ({@link #IMMEDIATELY} for now).
     *
     * @return false when the batch is full (nothing added)
     */
    public boolean addChannel(int channel, float value, long dueNanos) {
        if (isFull()) {
            return false;
        }
        events[size++].setChannel(channel, value, arrivalNanos, dueNanos, false);
        return true;
    }

    /**
     * Adds a value for snapshot slot {@code slot}, already in parameter units (a
     * {@link EventKinds#PARAMETER_SET}: no binding conditions it), due at {@code dueNanos}.
     *
     * @return false when the batch is full (nothing added)
     */
    public boolean addParameter(int slot, float value, long dueNanos) {
        if (isFull()) {
            return false;
        }
        ParameterSetFlyweight.encode(events[size++].begin(EventKinds.PARAMETER_SET, arrivalNanos, dueNanos, false),
                slot, value);
        return true;
    }

    /**
     * Adds a touch event (the record is {@link TouchFlyweight}'s). Positions are normalised to 0..1
     * (0,0 top left, as TUIO has it), velocities in those units per second, the angle in radians.
     *
     * @param source which tracker or phone server the session ids belong to (ids are per source)
     * @return false when the batch is full (nothing added)
     */
    public boolean addTouch(TouchKind kind, TouchPhase phase, int source, long session, int classId,
                            float x, float y, float angle, float vx, float vy, long dueNanos) {
        if (isFull()) {
            return false;
        }
        events[size++].setTouch(kind, phase, source, session, classId, x, y, angle, vx, vy, arrivalNanos,
                dueNanos, false);
        return true;
    }

    /**
     * Adds an event of any kind (a model input, a model command) for the caller to fill through
     * the kind's flyweight or {@code encode}, due at {@code dueNanos}.
     *
     * @return the event to fill, or null when the batch is full (nothing added)
     */
    public InputEvent add(int kind, int length, long dueNanos) {
        if (isFull()) {
            return null;
        }
        return events[size++].begin(kind, length, arrivalNanos, dueNanos, false);
    }

    /** Copies event {@code i} into a ring slot; {@code continues} says more of the group follows. */
    void copyInto(int i, InputEvent slot, boolean continues) {
        slot.copyFrom(events[i]);
        slot.stamp(arrivalNanos, continues);
    }

    // Read access, for tests and for adapters that inspect what they staged.

    /** Event {@code i} as staged (its arrival is the batch's, set when it is offered). */
    public InputEvent event(int i) {
        return events[i];
    }

    /** The kind id of event {@code i} ({@link org.vernissage.engine.pipeline.event.EventKinds}). */
    public int kind(int i) {
        return events[i].kind();
    }

    public long dueNanos(int i) {
        return events[i].dueNanos();
    }

    /** Event {@code i}'s channel-value payload; valid until the next read access. */
    public ChannelValueFlyweight channelValue(int i) {
        return channelView.wrap(events[i]);
    }

    /** Event {@code i}'s touch payload; valid until the next read access. */
    public TouchFlyweight touch(int i) {
        return touchView.wrap(events[i]);
    }

    /** The slot of event {@code i}, a {@link EventKinds#PARAMETER_SET}. */
    public int parameterSlot(int i) {
        return parameterView.wrap(events[i]).slot();
    }

    /** The value of event {@code i}, a {@link EventKinds#PARAMETER_SET}. */
    public float parameterValue(int i) {
        return parameterView.wrap(events[i]).value();
    }

    public int channel(int i) {
        return channelValue(i).channel();
    }

    public float value(int i) {
        return channelValue(i).value();
    }

    public TouchKind touchKind(int i) {
        return touch(i).kind();
    }

    public TouchPhase phase(int i) {
        return touch(i).phase();
    }

    public int source(int i) {
        return touch(i).source();
    }

    public long session(int i) {
        return touch(i).session();
    }

    public int classId(int i) {
        return touch(i).classId();
    }

    public float x(int i) {
        return touch(i).x();
    }

    public float y(int i) {
        return touch(i).y();
    }

    public float angle(int i) {
        return touch(i).angle();
    }

    public float vx(int i) {
        return touch(i).vx();
    }

    public float vy(int i) {
        return touch(i).vy();
    }
}
