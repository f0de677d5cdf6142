package org.vernissage.sensors.tuio;

import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.osc.OscMessageView;

/**
 * One TUIO frame while its datagram is read: the source name it declares, its alive list and the
 * points it sets, staged in arrays allocated once, until the message that ends the frame (TUIO
 * 1.1 fseq, TUIO 2 alv) hands it to {@link TouchPublisher}. Nothing is applied before the frame
 * is complete, so a frame cut short by its datagram changes nothing.
 *
 * <p>One per TUIO 1.1 profile and one for TUIO 2, owned by the reader that fills it, on the
 * receiving thread.
 */
final class StagedFrame {

    /** Bytes of a declared source name that identify it; a longer name is compared by its start. */
    static final int MAX_NAME_BYTES = 64;
    /** An alive list can never be longer than an OSC message's arguments. */
    static final int MAX_ALIVE = OscMessageView.MAX_ARGUMENTS;

    /** For logs: the profile address, e.g. "/tuio/2Dcur" or "/tuio2". */
    final String label;
    /** The one kind a TUIO 1.1 profile speaks for; {@code null}: all kinds (TUIO 2). */
    final TouchKind scope;
    /** Which of a source's frame counters this frame is numbered in. */
    final int sequenceSlot;

    private final byte[] name = new byte[MAX_NAME_BYTES];
    private final long[] alive = new long[MAX_ALIVE];
    private final long[] sessions;
    private final TouchKind[] kinds;
    private final int[] classIds;
    private final float[] xs;
    private final float[] ys;
    private final float[] angles;
    private final float[] vxs;
    private final float[] vys;
    private final int[] recordMessages;

    private boolean open;
    private int messages;
    private int nameLength;
    private boolean aliveSeen;
    private int aliveCount;
    private int recordCount;
    private boolean sequenced;
    private long sequence;

    StagedFrame(String label, TouchKind scope, int sequenceSlot, int capacity) {
        this.label = label;
        this.scope = scope;
        this.sequenceSlot = sequenceSlot;
        sessions = new long[capacity];
        kinds = new TouchKind[capacity];
        classIds = new int[capacity];
        xs = new float[capacity];
        ys = new float[capacity];
        angles = new float[capacity];
        vxs = new float[capacity];
        vys = new float[capacity];
        recordMessages = new int[capacity];
    }

    /** TUIO 2 frames speak for every kind; a TUIO 1.1 frame for its profile's kind. */
    boolean isTuio2() {
        return scope == null;
    }

    void reset() {
        open = false;
        messages = 0;
        nameLength = 0;
        aliveSeen = false;
        aliveCount = 0;
        recordCount = 0;
        sequenced = false;
        sequence = 0;
    }

    /** Counts one more message as part of this frame (which opens it). */
    void countMessage() {
        open = true;
        messages++;
    }

    boolean isOpen() {
        return open;
    }

    /** Messages staged so far, each to be counted once as applied, dropped or rejected. */
    int messages() {
        return messages;
    }

    // ---- source name ------------------------------------------------------------------------

    void name(OscMessageView view, int index) {
        nameLength = Math.min(view.stringLength(index), MAX_NAME_BYTES);
        for (int i = 0; i < nameLength; i++) {
            name[i] = view.stringByte(index, i);
        }
    }

    int nameLength() {
        return nameLength;
    }

    byte nameByte(int i) {
        return name[i];
    }

    // ---- frame number -----------------------------------------------------------------------

    /** The frame's number; an unsequenced frame (TUIO 1.1 fseq -1, TUIO 2 id 0) is always applied. */
    void sequence(boolean isSequenced, long number) {
        this.sequenced = isSequenced;
        this.sequence = number;
    }

    boolean sequenced() {
        return sequenced;
    }

    long sequence() {
        return sequence;
    }

    // ---- alive list -------------------------------------------------------------------------

    /** Takes arguments {@code from}.. of {@code view} (checked to be ids) as the alive list. */
    void alive(OscMessageView view, int from) {
        aliveSeen = true;
        aliveCount = 0;
        for (int i = from; i < view.argumentCount() && aliveCount < alive.length; i++) {
            alive[aliveCount++] = TuioArguments.sessionId(view, i);
        }
    }

    boolean aliveSeen() {
        return aliveSeen;
    }

    boolean isAlive(long session) {
        for (int i = 0; i < aliveCount; i++) {
            if (alive[i] == session) {
                return true;
            }
        }
        return false;
    }

    // ---- the points set in this frame -------------------------------------------------------

    /**
     * Stages a point. A second message for a session already staged merges into it: a token or
     * pointer outranks a bounds message (TUIO 2 sends bounds as the geometry of a token too),
     * otherwise the later message wins.
     *
     * @return false when the frame already holds as many sessions as it can (nothing staged)
     */
    boolean stage(long session, TouchKind kind, int classId, float x, float y, float angle, float vx,
                  float vy) {
        int r = indexOf(session);
        if (r < 0) {
            if (recordCount == sessions.length) {
                return false;
            }
            r = recordCount++;
            sessions[r] = session;
            recordMessages[r] = 0;
        } else if (rank(kind) < rank(kinds[r])) {
            recordMessages[r]++;
            return true;
        }
        recordMessages[r]++;
        kinds[r] = kind;
        classIds[r] = classId;
        xs[r] = x;
        ys[r] = y;
        angles[r] = angle;
        vxs[r] = vx;
        vys[r] = vy;
        return true;
    }

    int recordCount() {
        return recordCount;
    }

    long session(int r) {
        return sessions[r];
    }

    TouchKind kind(int r) {
        return kinds[r];
    }

    int classId(int r) {
        return classIds[r];
    }

    float x(int r) {
        return xs[r];
    }

    float y(int r) {
        return ys[r];
    }

    float angle(int r) {
        return angles[r];
    }

    float vx(int r) {
        return vxs[r];
    }

    float vy(int r) {
        return vys[r];
    }

    /** How many messages were merged into record {@code r}. */
    int recordMessages(int r) {
        return recordMessages[r];
    }

    /** Bounds describe a shape; tokens and pointers are the thing itself. */
    static int rank(TouchKind kind) {
        return kind == TouchKind.BLOB ? 1 : 2;
    }

    private int indexOf(long session) {
        for (int r = 0; r < recordCount; r++) {
            if (sessions[r] == session) {
                return r;
            }
        }
        return -1;
    }
}
