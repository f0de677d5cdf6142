package org.vernissage.engine.pipeline;

/** What kind of thing a touch point is. TUIO's three profiles, plus an audience phone's finger. */
public enum TouchKind {
    /** A TUIO cursor (/tuio/2Dcur, or a TUIO 2 pointer): a finger or a tracked point. */
    CURSOR,
    /** A TUIO object (/tuio/2Dobj, or a TUIO 2 token): a tagged thing with a class id and an angle. */
    OBJECT,
    /** A TUIO blob (/tuio/2Dblb, or a TUIO 2 bounds): an untagged shape with an angle and a size. */
    BLOB,
    /** A finger on an audience member's phone. */
    PHONE
}
