package org.vernissage.engine.pipeline.event;

import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;

/**
 * The touch record, declared once: the payload of a {@link EventKinds#TOUCH} event, written by the
 * TUIO and phone adapters (through {@code InputBatch.addTouch}), read by the conductor's touch
 * stage into its {@code TouchSet}, and copied byte for byte into journals.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  kind (u8)    |  phase (u8)   |        reserved (0)           |  0
 *  +---------------------------------------------------------------+
 *  |            source (int32): tracker or phone server            |  4
 *  +---------------------------------------------------------------+
 *  |         session (int64): the point's id within its source     |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 class id (int32): a TUIO object's tag         |  16
 *  +---------------------------------------------------------------+
 *  |           x (float32): 0..1 from the left                     |  20
 *  +---------------------------------------------------------------+
 *  |           y (float32): 0..1 from the top                      |  24
 *  +---------------------------------------------------------------+
 *  |           angle (float32): radians                            |  28
 *  +---------------------------------------------------------------+
 *  |           vx (float32): x units per second                    |  32
 *  +---------------------------------------------------------------+
 *  |           vy (float32): y units per second                    |  36
 *  +---------------------------------------------------------------+
 * </pre>
 * Kind and phase are {@link TouchKind#code()} and {@link TouchPhase#code()}, never ordinals.
 */
public final class TouchFlyweight extends PayloadFlyweight {

    public static final int KIND_OFFSET = 0;
    public static final int PHASE_OFFSET = 1;
    public static final int RESERVED_OFFSET = 2;
    public static final int SOURCE_OFFSET = 4;
    public static final int SESSION_OFFSET = 8;
    public static final int CLASS_ID_OFFSET = 16;
    public static final int X_OFFSET = 20;
    public static final int Y_OFFSET = 24;
    public static final int ANGLE_OFFSET = 28;
    public static final int VX_OFFSET = 32;
    public static final int VY_OFFSET = 36;
    public static final int LENGTH = 40;

    public TouchFlyweight wrap(InputEvent event) {
        wrapPayload(event);
        return this;
    }

    /**
     * Writes a whole touch payload. Positions are normalised to 0..1 (0,0 top left, as TUIO has
     * it), velocities in those units per second, the angle in radians.
     */
    public static void encode(InputEvent payload, TouchKind kind, TouchPhase phase, int source,
                              long session, int classId, float x, float y, float angle, float vx, float vy) {
        putByte(payload, KIND_OFFSET, (byte) kind.code());
        putByte(payload, PHASE_OFFSET, (byte) phase.code());
        putShort(payload, RESERVED_OFFSET, (short) 0);
        putInt(payload, SOURCE_OFFSET, source);
        putLong(payload, SESSION_OFFSET, session);
        putInt(payload, CLASS_ID_OFFSET, classId);
        putFloat(payload, X_OFFSET, x);
        putFloat(payload, Y_OFFSET, y);
        putFloat(payload, ANGLE_OFFSET, angle);
        putFloat(payload, VX_OFFSET, vx);
        putFloat(payload, VY_OFFSET, vy);
    }

    /** The stored kind code, for validating a payload read from outside. */
    public int kindCode() {
        return getByte(KIND_OFFSET) & 0xFF;
    }

    /** The stored phase code, for validating a payload read from outside. */
    public int phaseCode() {
        return getByte(PHASE_OFFSET) & 0xFF;
    }

    /** The kind, or null when the payload holds no valid kind code. */
    public TouchKind kind() {
        return TouchKind.fromCode(kindCode());
    }

    /** The phase, or null when the payload holds no valid phase code. */
    public TouchPhase phase() {
        return TouchPhase.fromCode(phaseCode());
    }

    /** Whether kind and phase are codes this engine knows. */
    public boolean isValid() {
        return kind() != null && phase() != null;
    }

    public int source() {
        return getInt(SOURCE_OFFSET);
    }

    public long session() {
        return getLong(SESSION_OFFSET);
    }

    public int classId() {
        return getInt(CLASS_ID_OFFSET);
    }

    public float x() {
        return getFloat(X_OFFSET);
    }

    public float y() {
        return getFloat(Y_OFFSET);
    }

    public float angle() {
        return getFloat(ANGLE_OFFSET);
    }

    public float vx() {
        return getFloat(VX_OFFSET);
    }

    public float vy() {
        return getFloat(VY_OFFSET);
    }
}
