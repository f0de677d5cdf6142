package org.vernissage.sensors.tuio;

import org.vernissage.engine.pipeline.TouchKind;

/**
 * The TUIO 2.0 components this adapter maps to touches, with their argument layouts (the motion
 * attributes at the end are optional; without them the velocity is 0):
 * <pre>
 *   /tuio2/ptr s_id tu_id c_id x y a shear radius press [X Y P m p]   pointer: a CURSOR
 *   /tuio2/tok s_id tu_id c_id x y a [X Y A m r]                      token: an OBJECT, class c_id
 *   /tuio2/bnd s_id x y a w h f [X Y A m r]                           bounds: a BLOB
 * </pre>
 * Ids are int32, the rest float32. A bounds message for a session that is also a token or pointer
 * is that thing's geometry, not a blob of its own.
 *
 * <p>Immutable.
 */
enum Tuio20Component {
    POINTER("/tuio2/ptr", TouchKind.CURSOR, "INNFFFFFF", "INNFFFFFFFFFFF", -1, 3, 4, 5, 9, 10,
            "s_id tu_id c_id (i i i), x y a shear radius press (6 f), optionally X Y P m p (5 f)"),
    TOKEN("/tuio2/tok", TouchKind.OBJECT, "INNFFF", "INNFFFFFFFF", 2, 3, 4, 5, 6, 7,
            "s_id tu_id c_id (i i i), x y a (3 f), optionally X Y A m r (5 f)"),
    BOUNDS("/tuio2/bnd", TouchKind.BLOB, "IFFFFFF", "IFFFFFFFFFFF", -1, 1, 2, 3, 7, 8,
            "s_id (i), x y a w h f (6 f), optionally X Y A m r (5 f)");

    final byte[] addressBytes;
    final TouchKind kind;
    final String signature;
    final String motionSignature;
    final int classArg;
    final int xArg;
    final int yArg;
    final int angleArg;
    /** Only present in the longer, motion signature. */
    final int vxArg;
    final int vyArg;
    final String expected;

    Tuio20Component(String address, TouchKind kind, String signature, String motionSignature,
                    int classArg, int xArg, int yArg, int angleArg, int vxArg, int vyArg, String expected) {
        this.addressBytes = TuioArguments.ascii(address);
        this.kind = kind;
        this.signature = signature;
        this.motionSignature = motionSignature;
        this.classArg = classArg;
        this.xArg = xArg;
        this.yArg = yArg;
        this.angleArg = angleArg;
        this.vxArg = vxArg;
        this.vyArg = vyArg;
        this.expected = expected;
    }
}
