package org.vernissage.engine.pipeline;

/**
 * Where a touch point is in its life, as its source reported it.
 *
 * <p>Each constant has a fixed {@link #code()}, the number a touch payload and a journal store:
 * never reuse or renumber a code, and never store {@code ordinal()}.
 */
public enum TouchPhase {
    ADDED(1),
    UPDATED(2),
    REMOVED(3);

    private static final TouchPhase[] BY_CODE = {null, ADDED, UPDATED, REMOVED};

    private final int code;

    TouchPhase(int code) {
        this.code = code;
    }

    /** The stored number of this phase. */
    public int code() {
        return code;
    }

    /** The phase stored as {@code code}, or null when no phase has it (a damaged payload). */
    public static TouchPhase fromCode(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
