package org.vernissage.sensors.tuio;

import java.net.SocketAddress;
import org.vernissage.osc.OscMessageView;

/**
 * Reads TUIO 1.1 messages ({@link Tuio11Profile}) into one {@link StagedFrame} per profile:
 * <pre>
 *   /tuio/2Dcur source REACTIVISION@10.0.0.2     optional: names the source
 *   /tuio/2Dcur alive 3 7                        the sessions alive now
 *   /tuio/2Dcur set 3 0.5 0.5 0.0 0.0 0.0        one per session that changed
 *   /tuio/2Dcur fseq 1042                        ends the frame: it is applied now
 * </pre>
 * The messages of a frame are checked one by one (a bad set is refused, the rest of the frame
 * still counts); {@code fseq} hands the frame to the {@link TouchPublisher}. A frame must end in
 * the datagram it started in: {@link #endOfDatagram} refuses what is left open.
 *
 * <p>Owned by one {@link TuioDecoder}; receiving thread only; allocates nothing.
 */
final class Tuio11Reader {

    private static final byte[] SET = TuioArguments.ascii("set");
    private static final byte[] ALIVE = TuioArguments.ascii("alive");
    private static final byte[] FSEQ = TuioArguments.ascii("fseq");
    private static final byte[] SOURCE = TuioArguments.ascii("source");
    private static final Tuio11Profile[] PROFILES = Tuio11Profile.values();

    private final StagedFrame[] frames = new StagedFrame[PROFILES.length];
    private final TouchPublisher publisher;
    private final TuioInputLog log;

    Tuio11Reader(int maxSessions, TouchPublisher publisher, TuioInputLog log) {
        for (Tuio11Profile profile : PROFILES) {
            frames[profile.ordinal()] = new StagedFrame(profile.address, profile.kind, profile.sequenceSlot(),
                    maxSessions);
        }
        this.publisher = publisher;
        this.log = log;
    }

    /** The profile whose address {@code view} has, or {@code null}. */
    static Tuio11Profile profileOf(OscMessageView view) {
        for (Tuio11Profile profile : PROFILES) {
            if (view.addressEquals(profile.addressBytes)) {
                return profile;
            }
        }
        return null;
    }

    void onMessage(Tuio11Profile profile, OscMessageView view, SocketAddress sender, long now) {
        StagedFrame frame = frames[profile.ordinal()];
        if (view.argumentCount() == 0 || !TuioArguments.accepts('c', view.typeTag(0))) {
            log.reject(TuioRejection.UNKNOWN_COMMAND, view, sender,
                    "a command string first: set, alive, fseq or source");
        } else if (TuioArguments.stringEquals(view, 0, SET)) {
            set(profile, frame, view, sender);
        } else if (TuioArguments.stringEquals(view, 0, ALIVE)) {
            alive(frame, view, sender);
        } else if (TuioArguments.stringEquals(view, 0, FSEQ)) {
            fseq(frame, view, sender, now);
        } else if (TuioArguments.stringEquals(view, 0, SOURCE)) {
            source(frame, view, sender);
        } else {
            log.reject(TuioRejection.UNKNOWN_COMMAND, view, sender, "set, alive, fseq or source");
        }
    }

    /** Refuses every frame the datagram started but did not end with fseq. */
    void endOfDatagram(SocketAddress sender) {
        for (StagedFrame frame : frames) {
            if (frame.isOpen()) {
                log.rejectFrame(TuioRejection.INCOMPLETE_FRAME, frame, sender,
                        "each frame to end with fseq in the same bundle");
            }
            frame.reset();
        }
    }

    private void set(Tuio11Profile profile, StagedFrame frame, OscMessageView view, SocketAddress sender) {
        if (!TuioArguments.matches(view, profile.setSignature)) {
            log.reject(TuioRejection.BAD_ARGUMENTS, view, sender, profile.setExpected);
            return;
        }
        float x = TuioArguments.real(view, profile.xArg);
        float y = TuioArguments.real(view, profile.yArg);
        float angle = profile.angleArg < 0 ? 0f : TuioArguments.real(view, profile.angleArg);
        float vx = TuioArguments.real(view, profile.vxArg);
        float vy = TuioArguments.real(view, profile.vyArg);
        if (!TouchValues.finite(x, y, angle, vx, vy)) {
            log.reject(TuioRejection.NOT_FINITE, view, sender, "finite numbers for position, angle and velocity");
            return;
        }
        long session = TuioArguments.sessionId(view, 1);
        int classId = profile.classArg < 0 ? TuioDecoder.NO_CLASS : view.intArgument(profile.classArg);
        if (!frame.stage(session, profile.kind, classId, TouchValues.unit(x), TouchValues.unit(y), angle, vx, vy)) {
            log.drop(TuioDropReason.SESSION_OVERFLOW, 1, profile.address, sender, session);
            return;
        }
        frame.countMessage();
    }

    private void alive(StagedFrame frame, OscMessageView view, SocketAddress sender) {
        if (!TuioArguments.allIds(view, 1)) {
            log.reject(TuioRejection.BAD_ARGUMENTS, view, sender, "alive followed by session ids (i)");
            return;
        }
        frame.alive(view, 1);
        frame.countMessage();
    }

    private void source(StagedFrame frame, OscMessageView view, SocketAddress sender) {
        if (!TuioArguments.matches(view, "cS")) {
            log.reject(TuioRejection.BAD_ARGUMENTS, view, sender,
                    "source followed by one string (s), e.g. REACTIVISION@10.0.0.2");
            return;
        }
        frame.name(view, 1);
        frame.countMessage();
    }

    private void fseq(StagedFrame frame, OscMessageView view, SocketAddress sender, long now) {
        if (!TuioArguments.matches(view, "cN")) {
            log.reject(TuioRejection.BAD_ARGUMENTS, view, sender, "fseq followed by one frame number (i)");
            return;
        }
        frame.countMessage();
        int number = view.intArgument(1);
        frame.sequence(number > 0, number); // 0 and -1: a redundant frame, applied unnumbered
        if (frame.aliveSeen()) {
            publisher.commit(frame, sender, now);
        } else {
            log.rejectFrame(TuioRejection.NO_ALIVE, frame, sender, "an alive message before fseq");
        }
        frame.reset();
    }
}
