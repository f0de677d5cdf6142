package org.vernissage.engine.pipeline;

/**
 * A reusable staging area for events that must reach the conductor together: the values of one
 * OSC bundle, the touches of one TUIO frame. An adapter clears it, adds events, and hands it to
 * {@link InputSink#offer}, which copies it into the ring all or nothing.
 *
 * <p>Pre-allocated at a fixed capacity (one array per field, no object per event). Owned and used
 * by one adapter thread; not thread-safe.
 */
public final class InputBatch {

    /** The due time meaning "apply as soon as it arrives" (OSC's time tag 1). */
    public static final long IMMEDIATELY = Long.MIN_VALUE;

    private final InputKind[] kinds;
    private final int[] channels;
    private final float[] values;
    private final long[] dues;
    private final TouchKind[] touchKinds;
    private final TouchPhase[] phases;
    private final int[] sources;
    private final long[] sessions;
    private final int[] classIds;
    private final float[] xs;
    private final float[] ys;
    private final float[] angles;
    private final float[] vxs;
    private final float[] vys;
    private int size;
    private long arrivalNanos;

    public InputBatch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        kinds = new InputKind[capacity];
        channels = new int[capacity];
        values = new float[capacity];
        dues = new long[capacity];
        touchKinds = new TouchKind[capacity];
        phases = new TouchPhase[capacity];
        sources = new int[capacity];
        sessions = new long[capacity];
        classIds = new int[capacity];
        xs = new float[capacity];
        ys = new float[capacity];
        angles = new float[capacity];
        vxs = new float[capacity];
        vys = new float[capacity];
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
        return kinds.length;
    }

    public boolean isFull() {
        return size == kinds.length;
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
        kinds[size] = InputKind.CHANNEL;
        channels[size] = channel;
        values[size] = value;
        dues[size] = dueNanos;
        size++;
        return true;
    }

    /**
     * Adds a touch event. Positions are normalised to 0..1 (0,0 top left, as TUIO has it),
     * velocities in those units per second, the angle in radians.
     *
     * @param source which tracker or phone server the session ids belong to (ids are per source)
     * @return false when the batch is full (nothing added)
     */
    public boolean addTouch(TouchKind kind, TouchPhase phase, int source, long session, int classId,
                            float x, float y, float angle, float vx, float vy, long dueNanos) {
        if (isFull()) {
            return false;
        }
        kinds[size] = InputKind.TOUCH;
        touchKinds[size] = kind;
        phases[size] = phase;
        sources[size] = source;
        sessions[size] = session;
        classIds[size] = classId;
        xs[size] = x;
        ys[size] = y;
        angles[size] = angle;
        vxs[size] = vx;
        vys[size] = vy;
        dues[size] = dueNanos;
        size++;
        return true;
    }

    /** Copies event {@code i} into a ring slot; {@code continues} says more of the group follows. */
    void copyInto(int i, InputEvent event, boolean continues) {
        if (kinds[i] == InputKind.CHANNEL) {
            event.setChannel(channels[i], values[i], arrivalNanos, dues[i], continues);
        } else {
            event.setTouch(touchKinds[i], phases[i], sources[i], sessions[i], classIds[i], xs[i], ys[i],
                    angles[i], vxs[i], vys[i], arrivalNanos, dues[i], continues);
        }
    }

    // Read access, for tests and for adapters that inspect what they staged.

    public InputKind kind(int i) {
        return kinds[i];
    }

    public int channel(int i) {
        return channels[i];
    }

    public float value(int i) {
        return values[i];
    }

    public long dueNanos(int i) {
        return dues[i];
    }

    public TouchKind touchKind(int i) {
        return touchKinds[i];
    }

    public TouchPhase phase(int i) {
        return phases[i];
    }

    public int source(int i) {
        return sources[i];
    }

    public long session(int i) {
        return sessions[i];
    }

    public int classId(int i) {
        return classIds[i];
    }

    public float x(int i) {
        return xs[i];
    }

    public float y(int i) {
        return ys[i];
    }

    public float angle(int i) {
        return angles[i];
    }

    public float vx(int i) {
        return vxs[i];
    }

    public float vy(int i) {
        return vys[i];
    }
}
