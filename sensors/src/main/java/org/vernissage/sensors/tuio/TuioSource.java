package org.vernissage.sensors.tuio;

import java.net.SocketAddress;
import java.util.Objects;
import org.vernissage.engine.pipeline.TouchKind;

/**
 * What the adapter knows of one TUIO source: who it is (sender address and port, the name it
 * declares, and the protocol generation it speaks), the last frame number applied per profile, and its live touch points with what was
 * last sent for each, in arrays allocated once. Entries are unordered; removing one moves the last
 * into its place.
 *
 * <p>Owned by {@link TuioSources}; read and written only on the receiving thread.
 */
final class TuioSource {

    /** Frame counters: one per TUIO 1.1 profile (cursors, objects, blobs), one for TUIO 2. */
    static final int SEQUENCE_SLOTS = 4;
    /** {@link #setFrame} of a point not set in any numbered frame. */
    static final long NO_FRAME = Long.MIN_VALUE;
    /** {@link #lastSent} of a point whose last event may not have reached the engine. */
    static final long NEVER_SENT = Long.MIN_VALUE;

    final int id;

    // Identity: the sender's address object is the one the socket handed us (the JDK reuses it
    // for a sender it saw last), so comparing it allocates nothing.
    private SocketAddress sender;
    private boolean tuio2;
    private final byte[] name = new byte[StagedFrame.MAX_NAME_BYTES];
    private int nameLength;
    private boolean claimed;
    private boolean active;
    private long lastHeardNanos;

    private final long[] lastSequence = new long[SEQUENCE_SLOTS];
    private final boolean[] hasSequence = new boolean[SEQUENCE_SLOTS];

    private final TouchKind[] kinds;
    private final long[] sessions;
    private final int[] classIds;
    private final float[] xs;
    private final float[] ys;
    private final float[] angles;
    private final float[] vxs;
    private final float[] vys;
    private final long[] lastSent;
    private final long[] setFrame;
    private int count;

    TuioSource(int id, int capacity) {
        this.id = id;
        kinds = new TouchKind[capacity];
        sessions = new long[capacity];
        classIds = new int[capacity];
        xs = new float[capacity];
        ys = new float[capacity];
        angles = new float[capacity];
        vxs = new float[capacity];
        vys = new float[capacity];
        lastSent = new long[capacity];
        setFrame = new long[capacity];
    }

    // ---- identity ---------------------------------------------------------------------------

    boolean isClaimed() {
        return claimed;
    }

    boolean isActive() {
        return active;
    }

    boolean matches(SocketAddress from, StagedFrame frame) {
        if (!claimed || tuio2 != frame.isTuio2() || !Objects.equals(sender, from)
                || nameLength != frame.nameLength()) {
            return false;
        }
        for (int i = 0; i < nameLength; i++) {
            if (name[i] != frame.nameByte(i)) {
                return false;
            }
        }
        return true;
    }

    /** Takes this slot for a new source (a fresh one, or one whose owner fell silent). */
    void claim(SocketAddress from, StagedFrame frame) {
        forget();
        sender = from;
        tuio2 = frame.isTuio2();
        nameLength = frame.nameLength();
        for (int i = 0; i < nameLength; i++) {
            name[i] = frame.nameByte(i);
        }
        claimed = true;
    }

    /** Drops every point and frame number, keeping the identity: a restart starts clean. */
    void forget() {
        count = 0;
        active = false;
        for (int slot = 0; slot < SEQUENCE_SLOTS; slot++) {
            hasSequence[slot] = false;
        }
    }

    void heard(long nanos) {
        active = true;
        lastHeardNanos = nanos;
    }

    long lastHeardNanos() {
        return lastHeardNanos;
    }

    /** For the first log line about this source (allocates). */
    String describe() {
        String declared = new String(name, 0, nameLength, java.nio.charset.StandardCharsets.UTF_8);
        return "#" + id + " (" + (tuio2 ? "TUIO 2, " : "TUIO 1.1, ")
                + (declared.isEmpty() ? "no source name" : "'" + declared + "'") + " from " + sender + ")";
    }

    // ---- frame numbers ----------------------------------------------------------------------

    boolean hasSequence(int slot) {
        return hasSequence[slot];
    }

    long lastSequence(int slot) {
        return lastSequence[slot];
    }

    void sequence(int slot, long number) {
        hasSequence[slot] = true;
        lastSequence[slot] = number;
    }

    // ---- points -----------------------------------------------------------------------------

    int count() {
        return count;
    }

    /** The entry of {@code session} of {@code kind} ({@code null}: of any kind), or -1. */
    int find(TouchKind kind, long session) {
        for (int i = 0; i < count; i++) {
            if (sessions[i] == session && (kind == null || kinds[i] == kind)) {
                return i;
            }
        }
        return -1;
    }

    /** A new entry, or -1 when the source has as many points as it may. */
    int add(TouchKind kind, long session) {
        if (count == sessions.length) {
            return -1;
        }
        int i = count++;
        kinds[i] = kind;
        sessions[i] = session;
        lastSent[i] = NEVER_SENT;
        setFrame[i] = NO_FRAME;
        return i;
    }

    void removeAt(int i) {
        int last = --count;
        kinds[i] = kinds[last];
        sessions[i] = sessions[last];
        classIds[i] = classIds[last];
        xs[i] = xs[last];
        ys[i] = ys[last];
        angles[i] = angles[last];
        vxs[i] = vxs[last];
        vys[i] = vys[last];
        lastSent[i] = lastSent[last];
        setFrame[i] = setFrame[last];
        kinds[last] = null;
    }

    void set(int i, int classId, float x, float y, float angle, float vx, float vy) {
        classIds[i] = classId;
        xs[i] = x;
        ys[i] = y;
        angles[i] = angle;
        vxs[i] = vx;
        vys[i] = vy;
    }

    void kind(int i, TouchKind kind) {
        kinds[i] = kind;
    }

    TouchKind kind(int i) {
        return kinds[i];
    }

    long session(int i) {
        return sessions[i];
    }

    int classId(int i) {
        return classIds[i];
    }

    float x(int i) {
        return xs[i];
    }

    float y(int i) {
        return ys[i];
    }

    float angle(int i) {
        return angles[i];
    }

    float vx(int i) {
        return vxs[i];
    }

    float vy(int i) {
        return vys[i];
    }

    long lastSent(int i) {
        return lastSent[i];
    }

    void lastSent(int i, long nanos) {
        lastSent[i] = nanos;
    }

    long setFrame(int i) {
        return setFrame[i];
    }

    void setFrame(int i, long number) {
        setFrame[i] = number;
    }
}
