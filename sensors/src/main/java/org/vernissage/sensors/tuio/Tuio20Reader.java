package org.vernissage.sensors.tuio;

import java.net.SocketAddress;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.osc.OscMessageView;

/**
 * Reads TUIO 2.0 messages into one {@link StagedFrame}:
 * <pre>
 *   /tuio2/frm f_id time [dim [source]]    starts a frame: number (i), time tag (t), sensor
 *                                          dimension (i), source "name:instance@address" (s)
 *   /tuio2/ptr ... /tuio2/tok ... /tuio2/bnd ...     components, see {@link Tuio20Component}
 *   /tuio2/alv s_id ...                    the sessions alive now; ends the frame: applied now
 * </pre>
 * Other /tuio2/ messages (symbols, geometry, links, controls) are valid TUIO 2 that this adapter
 * does not map to touches: counted as dropped (IGNORED), not refused. The frame's time and
 * dimension are not used: events apply on arrival, positions are already normalised.
 *
 * <p>Owned by one {@link TuioDecoder}; receiving thread only; allocates nothing.
 */
final class Tuio20Reader {

    static final byte[] PREFIX = TuioArguments.ascii("/tuio2/");
    private static final byte[] FRM = TuioArguments.ascii("/tuio2/frm");
    private static final byte[] ALV = TuioArguments.ascii("/tuio2/alv");
    private static final Tuio20Component[] COMPONENTS = Tuio20Component.values();
    private static final int SEQUENCE_SLOT = 3;

    private final StagedFrame frame;
    private final TouchPublisher publisher;
    private final TuioInputLog log;

    Tuio20Reader(int maxSessions, TouchPublisher publisher, TuioInputLog log) {
        this.frame = new StagedFrame("/tuio2", null, SEQUENCE_SLOT, maxSessions);
        this.publisher = publisher;
        this.log = log;
    }

    /** A message whose address starts with {@link #PREFIX}. */
    void onMessage(OscMessageView view, SocketAddress sender, long now) {
        if (view.addressEquals(FRM)) {
            frame(view, sender);
        } else if (view.addressEquals(ALV)) {
            alive(view, sender, now);
        } else {
            Tuio20Component component = componentOf(view);
            if (component != null) {
                component(component, view, sender);
            } else {
                log.drop(TuioDropReason.IGNORED, 1, "/tuio2", sender, frame.sequence());
            }
        }
    }

    /** Refuses a frame the datagram started but did not end with alv. */
    void endOfDatagram(SocketAddress sender) {
        if (frame.isOpen()) {
            log.rejectFrame(TuioRejection.INCOMPLETE_FRAME, frame, sender,
                    "each /tuio2/frm to end with /tuio2/alv in the same bundle");
        }
        frame.reset();
    }

    private static Tuio20Component componentOf(OscMessageView view) {
        for (Tuio20Component component : COMPONENTS) {
            if (view.addressEquals(component.addressBytes)) {
                return component;
            }
        }
        return null;
    }

    private void frame(OscMessageView view, SocketAddress sender) {
        if (frame.isOpen()) {
            log.rejectFrame(TuioRejection.INCOMPLETE_FRAME, frame, sender,
                    "each /tuio2/frm to end with /tuio2/alv before the next one");
        }
        frame.reset();
        if (!isFrameMessage(view)) {
            // What follows belongs to a frame we cannot number: it is refused as outside a frame.
            log.reject(TuioRejection.BAD_ARGUMENTS, view, sender,
                    "f_id (i), time (t), and optionally dimension (i) and source (s)");
            return;
        }
        frame.countMessage();
        long number = Integer.toUnsignedLong(view.intArgument(0));
        frame.sequence(number != 0, number); // id 0 is reserved: applied unnumbered
        if (view.argumentCount() == 4) {
            frame.name(view, 3);
        }
    }

    private static boolean isFrameMessage(OscMessageView view) {
        int count = view.argumentCount();
        return count >= 2 && count <= 4
                && TuioArguments.accepts('N', view.typeTag(0))
                && TuioArguments.accepts('T', view.typeTag(1))
                && (count < 3 || TuioArguments.accepts('N', view.typeTag(2)))
                && (count < 4 || TuioArguments.accepts('S', view.typeTag(3)));
    }

    private void component(Tuio20Component component, OscMessageView view, SocketAddress sender) {
        if (!frame.isOpen()) {
            log.reject(TuioRejection.NO_FRAME, view, sender, "a /tuio2/frm message first");
            return;
        }
        boolean motion = TuioArguments.matches(view, component.motionSignature);
        if (!motion && !TuioArguments.matches(view, component.signature)) {
            log.reject(TuioRejection.BAD_ARGUMENTS, view, sender, component.expected);
            return;
        }
        float x = TuioArguments.real(view, component.xArg);
        float y = TuioArguments.real(view, component.yArg);
        float angle = TuioArguments.real(view, component.angleArg);
        float vx = motion ? TuioArguments.real(view, component.vxArg) : 0f;
        float vy = motion ? TuioArguments.real(view, component.vyArg) : 0f;
        if (!TouchValues.finite(x, y, angle, vx, vy)) {
            log.reject(TuioRejection.NOT_FINITE, view, sender, "finite numbers for position, angle and velocity");
            return;
        }
        long session = TuioArguments.sessionId(view, 0);
        TouchKind kind = component.kind;
        int classId = component.classArg < 0 ? TuioDecoder.NO_CLASS : view.intArgument(component.classArg);
        if (!frame.stage(session, kind, classId, TouchValues.unit(x), TouchValues.unit(y), angle, vx, vy)) {
            log.drop(TuioDropReason.SESSION_OVERFLOW, 1, "/tuio2", sender, session);
            return;
        }
        frame.countMessage();
    }

    private void alive(OscMessageView view, SocketAddress sender, long now) {
        if (!frame.isOpen()) {
            log.reject(TuioRejection.NO_FRAME, view, sender, "a /tuio2/frm message first");
            return;
        }
        if (!TuioArguments.allIds(view, 0)) {
            log.reject(TuioRejection.BAD_ARGUMENTS, view, sender, "session ids (i)");
            return;
        }
        frame.alive(view, 0);
        frame.countMessage();
        publisher.commit(frame, sender, now);
        frame.reset();
    }
}
