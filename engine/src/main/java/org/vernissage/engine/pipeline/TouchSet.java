package org.vernissage.engine.pipeline;

import org.vernissage.engine.pipeline.event.TouchFlyweight;

/**
 * The touch points alive at one moment: TUIO cursors, objects and blobs, and phone fingers, each
 * with its source, session id, position (0..1, origin top left), angle and velocity. A fixed
 * capacity; the oldest-first order is stable, so index {@code i} follows one point while it lives.
 *
 * <p>The conductor's own copy is written only on the conductor thread; the copy inside a
 * {@link ParameterSnapshot} is filled by the conductor before publishing and then read only by
 * the render thread.
 */
public final class TouchSet {

    private final TouchKind[] kinds;
    private final int[] sources;
    private final long[] sessions;
    private final int[] classIds;
    private final float[] xs;
    private final float[] ys;
    private final float[] angles;
    private final float[] vxs;
    private final float[] vys;
    private final long[] addedNanos;
    private final long[] updatedNanos;
    private int count;

    public TouchSet(int capacity) {
        kinds = new TouchKind[capacity];
        sources = new int[capacity];
        sessions = new long[capacity];
        classIds = new int[capacity];
        xs = new float[capacity];
        ys = new float[capacity];
        angles = new float[capacity];
        vxs = new float[capacity];
        vys = new float[capacity];
        addedNanos = new long[capacity];
        updatedNanos = new long[capacity];
    }

    public int capacity() {
        return kinds.length;
    }

    /** How many points are alive. */
    public int count() {
        return count;
    }

    public TouchKind kind(int i) {
        return kinds[i];
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

    /** When the point appeared, on the engine clock. */
    public long addedNanos(int i) {
        return addedNanos[i];
    }

    /** When its source last reported it. */
    public long updatedNanos(int i) {
        return updatedNanos[i];
    }

    /** The index of the point {@code session} from {@code source} and {@code kind}, or -1. */
    public int indexOf(TouchKind kind, int source, long session) {
        for (int i = 0; i < count; i++) {
            if (sessions[i] == session && sources[i] == source && kinds[i] == kind) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Adds or moves a point.
     *
     * @return false when it is new and the set is full (it is not kept)
     */
    boolean put(TouchFlyweight e, long nowNanos) {
        TouchKind kind = e.kind();
        int i = indexOf(kind, e.source(), e.session());
        if (i < 0) {
            if (count == kinds.length) {
                return false;
            }
            i = count++;
            kinds[i] = kind;
            sources[i] = e.source();
            sessions[i] = e.session();
            addedNanos[i] = nowNanos;
        }
        classIds[i] = e.classId();
        xs[i] = e.x();
        ys[i] = e.y();
        angles[i] = e.angle();
        vxs[i] = e.vx();
        vys[i] = e.vy();
        updatedNanos[i] = nowNanos;
        return true;
    }

    /** Removes a point if present; later points move down one index, keeping their order. */
    boolean remove(TouchKind kind, int source, long session) {
        int i = indexOf(kind, source, session);
        if (i < 0) {
            return false;
        }
        removeAt(i);
        return true;
    }

    /** Removes every point not reported since {@code staleBeforeNanos}; returns how many went. */
    int expire(long staleBeforeNanos) {
        int removed = 0;
        for (int i = count - 1; i >= 0; i--) {
            if (updatedNanos[i] < staleBeforeNanos) {
                removeAt(i);
                removed++;
            }
        }
        return removed;
    }

    void copyFrom(TouchSet other) {
        int n = Math.min(other.count, kinds.length);
        System.arraycopy(other.kinds, 0, kinds, 0, n);
        System.arraycopy(other.sources, 0, sources, 0, n);
        System.arraycopy(other.sessions, 0, sessions, 0, n);
        System.arraycopy(other.classIds, 0, classIds, 0, n);
        System.arraycopy(other.xs, 0, xs, 0, n);
        System.arraycopy(other.ys, 0, ys, 0, n);
        System.arraycopy(other.angles, 0, angles, 0, n);
        System.arraycopy(other.vxs, 0, vxs, 0, n);
        System.arraycopy(other.vys, 0, vys, 0, n);
        System.arraycopy(other.addedNanos, 0, addedNanos, 0, n);
        System.arraycopy(other.updatedNanos, 0, updatedNanos, 0, n);
        count = n;
    }

    private void removeAt(int i) {
        int tail = count - i - 1;
        System.arraycopy(kinds, i + 1, kinds, i, tail);
        System.arraycopy(sources, i + 1, sources, i, tail);
        System.arraycopy(sessions, i + 1, sessions, i, tail);
        System.arraycopy(classIds, i + 1, classIds, i, tail);
        System.arraycopy(xs, i + 1, xs, i, tail);
        System.arraycopy(ys, i + 1, ys, i, tail);
        System.arraycopy(angles, i + 1, angles, i, tail);
        System.arraycopy(vxs, i + 1, vxs, i, tail);
        System.arraycopy(vys, i + 1, vys, i, tail);
        System.arraycopy(addedNanos, i + 1, addedNanos, i, tail);
        System.arraycopy(updatedNanos, i + 1, updatedNanos, i, tail);
        count--;
        kinds[count] = null;
    }
}
