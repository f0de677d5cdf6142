package org.vernissage.engine.pipeline;

/**
 * What kind of thing a touch point is. TUIO's three profiles, plus an audience phone's finger.
 *
 * <p>Each constant has a fixed {@link #code()}, the number a touch payload and a journal store:
 * never reuse or renumber a code, and never store {@code ordinal()}.
 */
public enum TouchKind {
    /** A TUIO cursor (/tuio/2Dcur, or a TUIO 2 pointer): a finger or a tracked point. */
    CURSOR(1),
    /** A TUIO object (/tuio/2Dobj, or a TUIO 2 token): a tagged thing with a class id and an angle. */
    OBJECT(2),
    /** A TUIO blob (/tuio/2Dblb, or a TUIO 2 bounds): an untagged shape with an angle and a size. */
    BLOB(3),
    /** A finger on an audience member's phone. */
    PHONE(4);

    private static final TouchKind[] BY_CODE = {null, CURSOR, OBJECT, BLOB, PHONE};

    private final int code;

    TouchKind(int code) {
        this.code = code;
    }

    /** The stored number of this kind. */
    public int code() {
        return code;
    }

    /** The kind stored as {@code code}, or null when no kind has it (a damaged payload). */
    public static TouchKind fromCode(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
