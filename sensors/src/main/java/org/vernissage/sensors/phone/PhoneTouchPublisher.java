package org.vernissage.sensors.phone;

import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;

/**
 * Turns a phone's finger lists into the engine's touch events: {@link TouchKind#PHONE}, source =
 * the server's touch source, session = {@code participantId * 16 + slot} (see {@link #session}),
 * ADDED / UPDATED / REMOVED by comparing each list with the last, with a velocity from the last
 * two reports. Each message's changes go out as one all-or-nothing {@link InputBatch}, so no frame
 * shows half of a gesture.
 *
 * <p>The conductor forgets a point after 1 s without news; a finger held still makes the page send
 * nothing new, so {@link #refresh} re-sends UPDATED for every finger not published for
 * {@link #REFRESH_NANOS}, called from the server's tick every {@link PhoneInputRouter#TICK_MILLIS}
 * ms: a finger down is re-sent at least every 250 ms.
 *
 * <p>A batch the ring refuses is reported to the caller (which counts it as
 * {@link PhoneDrop#RING_FULL}) and not retried: the
 * server's state stays right, the next refresh re-adds a live finger (UPDATED adds a point the
 * conductor does not know), and a lost REMOVED ends in the conductor's 1 s timeout.
 *
 * <p>Confined to the phones' event loop thread; owned by the {@link PhoneInputRouter}. One
 * pre-allocated batch, no allocation per message.
 */
final class PhoneTouchPublisher {

    /** A finger not published for this long is re-sent by {@link #refresh}. */
    static final long REFRESH_NANOS = 200_000_000L;

    private static final float NANOS_PER_SECOND = 1e9f;

    private final InputSink sink;
    private final int source;
    private final int maxTouches;
    private final PhoneStats stats;
    private final InputBatch batch = new InputBatch(PhoneFrame.MAX_TOUCHES);
    private final boolean[] listed = new boolean[PhoneFrame.MAX_TOUCHES];

    PhoneTouchPublisher(InputSink sink, int source, int maxTouches, PhoneStats stats) {
        this.sink = sink;
        this.source = source;
        this.maxTouches = maxTouches;
        this.stats = stats;
    }

    /**
     * The engine session id of finger {@code slot} of participant {@code participantId}: unique
     * per server while it runs, because participant numbers are never reused and slots are below
     * 16.
     */
    static long session(int participantId, int slot) {
        return (long) participantId * PhoneFrame.MAX_TOUCHES + slot;
    }

    /**
     * Applies the frame's complete finger list to {@code p} (the first
     * {@link PhoneServerSettings#maxTouchesPerPhone()} listed are kept) and publishes the changes.
     *
     * @return false when the ring refused the batch
     */
    boolean onTouches(PhoneParticipant p, PhoneFrame frame, long nowNanos) {
        int kept = Math.min(frame.touchCount(), maxTouches);
        if (kept < frame.touchCount()) {
            stats.countTouchesIgnored(frame.touchCount() - kept);
        }
        p.touchRecordNanos = nowNanos;
        batch.clear(nowNanos);
        for (int i = 0; i < kept; i++) {
            int slot = frame.slot(i);
            listed[slot] = true;
            place(p, slot, frame.x(i), frame.y(i), nowNanos);
        }
        for (int slot = 0; slot < PhoneFrame.MAX_TOUCHES; slot++) {
            if (listed[slot]) {
                listed[slot] = false;
            } else if (p.down[slot]) {
                lift(p, slot);
            }
        }
        return offer();
    }

    /**
     * Re-sends UPDATED for the fingers of {@code p} not published for {@link #REFRESH_NANOS}.
     *
     * @return false when the ring refused the batch
     */
    boolean refresh(PhoneParticipant p, long nowNanos) {
        if (p.touchCount == 0) {
            return true;
        }
        batch.clear(nowNanos);
        for (int slot = 0; slot < PhoneFrame.MAX_TOUCHES; slot++) {
            if (p.down[slot] && nowNanos - p.touchSentNanos[slot] >= REFRESH_NANOS) {
                add(p, slot, TouchPhase.UPDATED, nowNanos);
            }
        }
        return offer();
    }

    /**
     * Lifts every finger of {@code p}: it left, or went silent.
     *
     * @return false when the ring refused the batch
     */
    boolean removeAll(PhoneParticipant p, long nowNanos) {
        if (p.touchCount == 0) {
            return true;
        }
        batch.clear(nowNanos);
        for (int slot = 0; slot < PhoneFrame.MAX_TOUCHES; slot++) {
            if (p.down[slot]) {
                lift(p, slot);
            }
        }
        return offer();
    }

    private void place(PhoneParticipant p, int slot, float x, float y, long nowNanos) {
        TouchPhase phase;
        if (p.down[slot]) {
            long dt = nowNanos - p.touchReportedNanos[slot];
            if (dt > 0) {
                p.touchVx[slot] = (x - p.touchX[slot]) * NANOS_PER_SECOND / dt;
                p.touchVy[slot] = (y - p.touchY[slot]) * NANOS_PER_SECOND / dt;
            }
            phase = TouchPhase.UPDATED;
        } else {
            p.down[slot] = true;
            p.touchCount++;
            p.touchVx[slot] = 0;
            p.touchVy[slot] = 0;
            phase = TouchPhase.ADDED;
        }
        p.touchX[slot] = x;
        p.touchY[slot] = y;
        p.touchReportedNanos[slot] = nowNanos;
        add(p, slot, phase, nowNanos);
    }

    private void lift(PhoneParticipant p, int slot) {
        p.down[slot] = false;
        p.touchCount--;
        batch.addTouch(TouchKind.PHONE, TouchPhase.REMOVED, source, session(p.id(), slot), 0,
                p.touchX[slot], p.touchY[slot], 0, 0, 0, InputBatch.IMMEDIATELY);
    }

    private void add(PhoneParticipant p, int slot, TouchPhase phase, long nowNanos) {
        batch.addTouch(TouchKind.PHONE, phase, source, session(p.id(), slot), 0,
                p.touchX[slot], p.touchY[slot], 0, p.touchVx[slot], p.touchVy[slot], InputBatch.IMMEDIATELY);
        p.touchSentNanos[slot] = nowNanos;
    }

    private boolean offer() {
        return batch.size() == 0 || sink.offer(batch);
    }
}
