package org.vernissage.sensors.tuio;

import org.vernissage.engine.pipeline.TouchKind;

/**
 * The TUIO 1.1 profiles this adapter reads, with the layout of their {@code set} messages
 * (argument 0 is the word "set"):
 * <pre>
 *   /tuio/2Dcur set s x y X Y m                 cursor: session, position, velocity, acceleration
 *   /tuio/2Dobj set s i x y a X Y A m r         object: session, class id, position, angle, ...
 *   /tuio/2Dblb set s x y a w h f X Y A m r     blob: session, position, angle, size, area, ...
 * </pre>
 * s and i are int32, everything else float32. Positions are 0..1 from the top left, velocities in
 * those units per second, angles in radians. Each profile has its own alive list and fseq.
 *
 * <p>Immutable.
 */
enum Tuio11Profile {
    CURSOR("/tuio/2Dcur", TouchKind.CURSOR, "cIFFFFF", -1, 2, 3, -1, 4, 5,
            "set s x y X Y m: a session id (i) and 5 floats (f)"),
    OBJECT("/tuio/2Dobj", TouchKind.OBJECT, "cINFFFFFFFF", 2, 3, 4, 5, 6, 7,
            "set s i x y a X Y A m r: a session id (i), a class id (i) and 8 floats (f)"),
    BLOB("/tuio/2Dblb", TouchKind.BLOB, "cIFFFFFFFFFFF", -1, 2, 3, 4, 8, 9,
            "set s x y a w h f X Y A m r: a session id (i) and 11 floats (f)");

    final String address;
    final byte[] addressBytes;
    final TouchKind kind;
    /** See {@link TuioArguments} for the letters. */
    final String setSignature;
    /** Argument indexes in a set message; -1 where the profile has no such field. */
    final int classArg;
    final int xArg;
    final int yArg;
    final int angleArg;
    final int vxArg;
    final int vyArg;
    final String setExpected;

    Tuio11Profile(String address, TouchKind kind, String setSignature, int classArg, int xArg, int yArg,
                  int angleArg, int vxArg, int vyArg, String setExpected) {
        this.address = address;
        this.addressBytes = TuioArguments.ascii(address);
        this.kind = kind;
        this.setSignature = setSignature;
        this.classArg = classArg;
        this.xArg = xArg;
        this.yArg = yArg;
        this.angleArg = angleArg;
        this.vxArg = vxArg;
        this.vyArg = vyArg;
        this.setExpected = setExpected;
    }

    /** The source's frame counter this profile numbers its frames in. */
    int sequenceSlot() {
        return ordinal();
    }
}
