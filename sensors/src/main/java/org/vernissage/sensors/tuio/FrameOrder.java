package org.vernissage.sensors.tuio;

/**
 * Decides whether a frame from a source comes in order, by its frame number (TUIO 1.1 fseq, TUIO
 * 2 frame id) against the last one applied from the same source and profile:
 * <ul>
 *   <li>unsequenced (TUIO 1.1 fseq 0 or -1, which trackers send with redundant bundles while
 *       idle; TUIO 2 frame id 0, reserved): always applied, and the last number stays;</li>
 *   <li>greater than the last: {@link Verdict#NEWER}, applied;</li>
 *   <li>equal: {@link Verdict#SAME}: either a repeated datagram or the next part of a frame that
 *       did not fit one datagram (trackers then send each part with the full alive list and the
 *       same number); the publisher tells them apart by whether it sets any point not yet set in
 *       that frame;</li>
 *   <li>smaller: {@link Verdict#LATE} (dropped), unless the source had been silent for at least
 *       {@link TuioSettings#restartSilence()} or the number went back by more than
 *       {@link TuioSettings#restartJumpFrames()}: then the tracker restarted
 *       ({@link Verdict#RESTART}) and its old points go. A restart that is both quick and small
 *       is dropped as late until its numbers pass the old ones (at most that many frames), or
 *       until the source is forgotten after {@link TuioSettings#silenceTimeout()}.</li>
 * </ul>
 * Numbers are compared as 64-bit values (TUIO 1.1 signed, TUIO 2 unsigned 32-bit), so a TUIO 2
 * counter that wraps reads as a big jump back: a restart. (A TUIO 1.1 counter past 2^31, a year
 * of frames at 60 per second, reads negative: unnumbered, so still applied.)
 *
 * <p>Immutable; used on the receiving thread.
 */
final class FrameOrder {

    /** The outcome for one frame. */
    enum Verdict { UNSEQUENCED, NEWER, SAME, LATE, RESTART }

    private final long restartSilenceNanos;
    private final long restartJumpFrames;

    FrameOrder(TuioSettings settings) {
        this.restartSilenceNanos = settings.restartSilence().toNanos();
        this.restartJumpFrames = settings.restartJumpFrames();
    }

    /**
     * @param silenceNanos how long the source was silent before this frame arrived
     */
    Verdict classify(TuioSource source, StagedFrame frame, long silenceNanos) {
        if (!frame.sequenced()) {
            return Verdict.UNSEQUENCED;
        }
        int slot = frame.sequenceSlot;
        if (!source.hasSequence(slot)) {
            return Verdict.NEWER;
        }
        long last = source.lastSequence(slot);
        long number = frame.sequence();
        if (number > last) {
            return Verdict.NEWER;
        }
        if (number == last) {
            return Verdict.SAME;
        }
        if (last - number > restartJumpFrames || silenceNanos >= restartSilenceNanos) {
            return Verdict.RESTART;
        }
        return Verdict.LATE;
    }
}
