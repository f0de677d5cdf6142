package org.vernissage.sensors.tuio;

import java.net.SocketAddress;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;
import org.vernissage.sensors.tuio.FrameOrder.Verdict;

/**
 * Turns complete TUIO frames into touch events for the engine, one {@link InputBatch} per frame,
 * offered all or nothing; and keeps the engine's touch points alive between frames.
 *
 * <p>A frame, against what its source had: points of the frame's profile missing from its alive
 * list are REMOVED; points it sets are ADDED (new session) or UPDATED; any point of the source
 * not sent for {@link TuioSettings#keepaliveInterval()} is re-sent as UPDATED in the same batch.
 * REMOVED events come first, so the engine's touch set has room for the new ones. A refused batch
 * is counted and the source's points are marked unsent, so the next {@link #refresh} sends them
 * all again (a lost ADDED heals as an UPDATED; a lost REMOVED ends with the engine's timeout).
 *
 * <p>Between frames, {@link #refresh} re-sends every point not sent for the keepalive interval,
 * for as long as its source was heard within {@link TuioSettings#silenceTimeout()}; a source
 * silent longer is forgotten (points and frame numbers), without REMOVED events: we do not know
 * that the points went, so the engine's own touch timeout ends them, as it would for any point
 * whose source died.
 *
 * <p>Owned by one {@link TuioDecoder}; receiving thread only. Allocates nothing once the sources
 * it serves are registered.
 */
final class TouchPublisher {

    private final TuioSources sources;
    private final FrameOrder order;
    private final InputSink sink;
    private final InputBatch batch;
    private final TuioStats stats;
    private final TuioInputLog log;
    private final long keepaliveNanos;
    private final long silenceNanos;

    TouchPublisher(TuioSettings settings, InputSink sink, TuioStats stats, TuioInputLog log) {
        this.sources = new TuioSources(settings);
        this.order = new FrameOrder(settings);
        this.sink = sink;
        // Per frame: at most every old point removed, then every new one added, a kind change
        // costing two events: 4 events per session bounds it.
        this.batch = new InputBatch(4 * settings.maxSessionsPerSource());
        this.stats = stats;
        this.log = log;
        this.keepaliveNanos = settings.keepaliveInterval().toNanos();
        this.silenceNanos = settings.silenceTimeout().toNanos();
    }

    /** Applies a complete frame received at {@code now} from {@code sender}; the caller then resets it. */
    void commit(StagedFrame frame, SocketAddress sender, long now) {
        TuioSource source = sources.resolve(sender, frame);
        if (source == null) {
            dropFrame(TuioDropReason.SOURCE_OVERFLOW, frame, sender, frame.sequence());
            return;
        }
        if (sources.claimedNew()) {
            stats.sourceSeen();
            log.info("new TUIO source " + source.describe());
        } else if (source.isActive() && now - source.lastHeardNanos() >= silenceNanos) {
            forget(source); // refresh() has not run since it fell silent: start clean all the same
        }
        long silence = source.isActive() ? now - source.lastHeardNanos() : Long.MAX_VALUE;
        source.heard(now);
        Verdict verdict = order.classify(source, frame, silence);
        if (verdict == Verdict.LATE) {
            dropFrame(TuioDropReason.LATE_FRAME, frame, sender, frame.sequence());
            return;
        }
        if (verdict == Verdict.SAME && !setsAnythingNew(source, frame)) {
            dropFrame(TuioDropReason.DUPLICATE_FRAME, frame, sender, frame.sequence());
            return;
        }
        batch.clear(now);
        if (verdict == Verdict.RESTART) {
            removeAll(source, frame.scope);
        }
        removeDeparted(source, frame);
        int applicable = frame.messages();
        for (int r = 0; r < frame.recordCount(); r++) {
            applicable -= applyRecord(source, frame, r, verdict, sender, now);
        }
        addStale(source, now);
        if (frame.sequenced()) {
            source.sequence(frame.sequenceSlot, frame.sequence());
        }
        publishFrame(source, frame, sender, applicable);
    }

    /**
     * Re-sends the points that were not sent for the keepalive interval, one batch per source,
     * and forgets sources silent for longer than the silence timeout. Call it after every datagram
     * and whenever the receiver wakes without one.
     */
    void refresh(long now) {
        for (int s = 0; s < sources.size(); s++) {
            TuioSource source = sources.get(s);
            if (!source.isActive()) {
                continue;
            }
            if (now - source.lastHeardNanos() >= silenceNanos) {
                forget(source);
                continue;
            }
            batch.clear(now);
            addStale(source, now);
            if (batch.size() == 0) {
                continue;
            }
            if (sink.offer(batch)) {
                stats.keepaliveSent(batch.size());
            } else {
                markUnsent(source);
                log.keepaliveRefused();
            }
        }
    }

    // ---- one frame --------------------------------------------------------------------------

    /**
     * Whether a frame numbered like the last one carries a point not yet set in that frame: the
     * next part of a frame split over datagrams, rather than a repeated datagram.
     */
    private static boolean setsAnythingNew(TuioSource source, StagedFrame frame) {
        for (int r = 0; r < frame.recordCount(); r++) {
            long session = frame.session(r);
            if (!frame.isAlive(session)) {
                continue;
            }
            int e = source.find(frame.scope, session);
            if (e < 0 || source.setFrame(e) != frame.sequence()) {
                return true;
            }
        }
        return false;
    }

    private void removeAll(TuioSource source, TouchKind scope) {
        for (int e = source.count() - 1; e >= 0; e--) {
            if (scope == null || source.kind(e) == scope) {
                add(source, e, TouchPhase.REMOVED);
                source.removeAt(e);
            }
        }
    }

    /** Removal moves the last entry into the hole; walking down, that entry was already seen. */
    private void removeDeparted(TuioSource source, StagedFrame frame) {
        for (int e = source.count() - 1; e >= 0; e--) {
            if ((frame.scope == null || source.kind(e) == frame.scope) && !frame.isAlive(source.session(e))) {
                add(source, e, TouchPhase.REMOVED);
                source.removeAt(e);
            }
        }
    }

    /** Applies staged point {@code r}; returns how many of its messages were not applicable. */
    private int applyRecord(TuioSource source, StagedFrame frame, int r, Verdict verdict,
                            SocketAddress sender, long now) {
        long session = frame.session(r);
        int messages = frame.recordMessages(r);
        if (!frame.isAlive(session)) {
            log.rejectNotAlive(messages, frame, sender, session);
            return messages;
        }
        TouchKind kind = frame.kind(r);
        int e = source.find(frame.scope, session);
        if (verdict == Verdict.SAME && e >= 0 && source.setFrame(e) == frame.sequence()) {
            log.drop(TuioDropReason.DUPLICATE_FRAME, messages, frame.label, sender, session);
            return messages;
        }
        TouchPhase phase = TouchPhase.UPDATED;
        if (e < 0) {
            e = source.add(kind, session);
            if (e < 0) {
                log.drop(TuioDropReason.SESSION_OVERFLOW, messages, frame.label, sender, session);
                return messages;
            }
            phase = TouchPhase.ADDED;
        } else if (source.kind(e) != kind) {
            if (StagedFrame.rank(kind) < StagedFrame.rank(source.kind(e))) {
                markSet(source, e, frame); // bounds of a known token or pointer: its geometry only
                return 0;
            }
            add(source, e, TouchPhase.REMOVED); // a TUIO 2 session changed kind: the old point goes
            source.kind(e, kind);
            phase = TouchPhase.ADDED;
        }
        source.set(e, frame.classId(r), frame.x(r), frame.y(r), frame.angle(r), frame.vx(r), frame.vy(r));
        markSet(source, e, frame);
        add(source, e, phase);
        source.lastSent(e, now);
        return 0;
    }

    /**
     * Notes the numbered frame that set a point, so a repeat of that frame is known for one. An
     * unnumbered frame leaves it: a repeat of the last numbered frame is still a repeat after it.
     */
    private static void markSet(TuioSource source, int e, StagedFrame frame) {
        if (frame.sequenced()) {
            source.setFrame(e, frame.sequence());
        }
    }

    private void publishFrame(TuioSource source, StagedFrame frame, SocketAddress sender, int applicable) {
        if (batch.size() == 0 || sink.offer(batch)) {
            stats.applied(applicable);
            stats.frameApplied(batch.size());
            return;
        }
        markUnsent(source);
        stats.frameDropped();
        log.drop(TuioDropReason.RING_FULL, applicable, frame.label, sender, frame.sequence());
    }

    private void dropFrame(TuioDropReason reason, StagedFrame frame, SocketAddress sender, long number) {
        stats.frameDropped();
        log.drop(reason, frame.messages(), frame.label, sender, number);
    }

    // ---- keeping points alive ---------------------------------------------------------------

    /** Adds an UPDATED for every point of the source not sent for the keepalive interval. */
    private void addStale(TuioSource source, long now) {
        for (int e = 0; e < source.count(); e++) {
            long sent = source.lastSent(e);
            if (sent == TuioSource.NEVER_SENT || now - sent >= keepaliveNanos) {
                add(source, e, TouchPhase.UPDATED);
                source.lastSent(e, now);
            }
        }
    }

    private static void markUnsent(TuioSource source) {
        for (int e = 0; e < source.count(); e++) {
            source.lastSent(e, TuioSource.NEVER_SENT);
        }
    }

    private void forget(TuioSource source) {
        stats.sourceForgotten();
        log.info("TUIO source " + source.describe() + " silent for " + silenceNanos / 1_000_000
                + " ms: forgot its " + source.count() + " point(s); the engine times them out");
        source.forget();
    }

    private void add(TuioSource source, int e, TouchPhase phase) {
        // The batch holds 4 events per session, more than one frame can produce (see above).
        batch.addTouch(source.kind(e), phase, source.id, source.session(e), source.classId(e),
                source.x(e), source.y(e), source.angle(e), source.vx(e), source.vy(e),
                InputBatch.IMMEDIATELY);
    }
}
