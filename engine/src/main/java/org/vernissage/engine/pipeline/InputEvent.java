package org.vernissage.engine.pipeline;

/**
 * One pre-allocated slot of the input ring. Producers fill it in place through {@link InputRing};
 * the conductor and the journal read it. Never allocated per event.
 *
 * <p>Which fields mean something depends on {@link #kind()}: a {@link InputKind#SET_PARAMETER}
 * uses the slot and value, a {@link InputKind#CHANNEL} the channel and value, a
 * {@link InputKind#TOUCH} the touch fields, a {@link InputKind#FRAME} the frame fields. Every kind
 * has an arrival time and a due time.
 *
 * <p>Written by exactly one producer thread between claim and publish, then read by the ring's
 * consumers; the Disruptor's sequence barriers order those accesses.
 */
public final class InputEvent {

    private InputKind kind = InputKind.SET_PARAMETER;
    private boolean continues;
    private long arrivalNanos;
    private long dueNanos = InputBatch.IMMEDIATELY;
    private int channel;
    private float value;
    private TouchKind touchKind = TouchKind.CURSOR;
    private TouchPhase phase = TouchPhase.ADDED;
    private int source;
    private long session;
    private int classId;
    private float x;
    private float y;
    private float angle;
    private float vx;
    private float vy;
    private long frameIndex;
    private long horizonNanos;
    private long eventsLatched;

    public void setParameter(int slot, float value, long arrivalNanos) {
        head(InputKind.SET_PARAMETER, arrivalNanos, InputBatch.IMMEDIATELY, false);
        this.channel = slot;
        this.value = value;
    }

    public void setChannel(int channel, float value, long arrivalNanos, long dueNanos, boolean continues) {
        head(InputKind.CHANNEL, arrivalNanos, dueNanos, continues);
        this.channel = channel;
        this.value = value;
    }

    public void setTouch(TouchKind touchKind, TouchPhase phase, int source, long session, int classId,
                  float x, float y, float angle, float vx, float vy,
                  long arrivalNanos, long dueNanos, boolean continues) {
        head(InputKind.TOUCH, arrivalNanos, dueNanos, continues);
        this.touchKind = touchKind;
        this.phase = phase;
        this.source = source;
        this.session = session;
        this.classId = classId;
        this.x = x;
        this.y = y;
        this.angle = angle;
        this.vx = vx;
        this.vy = vy;
    }

    public void setFrame(long frameIndex, long frameNanos, long horizonNanos, long eventsLatched) {
        head(InputKind.FRAME, frameNanos, InputBatch.IMMEDIATELY, false);
        this.frameIndex = frameIndex;
        this.horizonNanos = horizonNanos;
        this.eventsLatched = eventsLatched;
    }

    /** Copies every field of {@code other}: used when a scheduled event is parked and applied later. */
    public void copyFrom(InputEvent other) {
        kind = other.kind;
        continues = other.continues;
        arrivalNanos = other.arrivalNanos;
        dueNanos = other.dueNanos;
        channel = other.channel;
        value = other.value;
        touchKind = other.touchKind;
        phase = other.phase;
        source = other.source;
        session = other.session;
        classId = other.classId;
        x = other.x;
        y = other.y;
        angle = other.angle;
        vx = other.vx;
        vy = other.vy;
        frameIndex = other.frameIndex;
        horizonNanos = other.horizonNanos;
        eventsLatched = other.eventsLatched;
    }

    private void head(InputKind kind, long arrivalNanos, long dueNanos, boolean continues) {
        this.kind = kind;
        this.arrivalNanos = arrivalNanos;
        this.dueNanos = dueNanos;
        this.continues = continues;
    }

    public InputKind kind() {
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

    /** The snapshot slot of a {@link InputKind#SET_PARAMETER}. */
    public int slot() {
        return channel;
    }

    /** The binding channel of a {@link InputKind#CHANNEL}. */
    public int channel() {
        return channel;
    }

    public float value() {
        return value;
    }

    public TouchKind touchKind() {
        return touchKind;
    }

    public TouchPhase phase() {
        return phase;
    }

    public int source() {
        return source;
    }

    public long session() {
        return session;
    }

    public int classId() {
        return classId;
    }

    public float x() {
        return x;
    }

    public float y() {
        return y;
    }

    public float angle() {
        return angle;
    }

    public float vx() {
        return vx;
    }

    public float vy() {
        return vy;
    }

    /** The frame a {@link InputKind#FRAME} marks. */
    public long frameIndex() {
        return frameIndex;
    }

    /** A frame's horizon: the time of the next frame, up to which the conductor may advance. */
    public long horizonNanos() {
        return horizonNanos;
    }

    /** How many ring events the snapshot latched for this frame contained. */
    public long eventsLatched() {
        return eventsLatched;
    }
}
