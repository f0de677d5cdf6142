package org.vernissage.engine.journal;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.FrameMarkFlyweight;
import org.vernissage.engine.render.FramePacer;

/**
 * Plays a journal back into a fresh input ring, frame by frame, as the pacer of a replay's render
 * loop. Before frame N may latch, it publishes exactly the recorded events that frame N showed
 * (its frame mark says how many), waits until the conductor has published a snapshot of exactly
 * those, and hands the render loop frame N's recorded time. The conductor being a function of its
 * events alone, frame N then draws from the same values at the same time as in the recorded run.
 *
 * <p>Events between a frame's latch and its mark (they arrived while the frame was drawn) stay
 * queued until the next frame. With a real clock the replay keeps the recorded pace; without one it
 * renders as fast as it can (for tests and offline renders).
 *
 * <p>Called on the render thread only (it is the replay's only producer into the ring). Owns its
 * reader.
 */
public final class JournalPlayer implements FramePacer, AutoCloseable {

    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final JournalReader reader;
    private final InputRing ring;
    private final SnapshotExchange snapshots;
    private final Clock realClock;
    private final ArrayDeque<InputEvent> queued = new ArrayDeque<>();
    private final ArrayDeque<InputEvent> free = new ArrayDeque<>();
    private final FrameMarkFlyweight frameMark = new FrameMarkFlyweight();
    private long published;
    private long firstFrameNanos = Long.MIN_VALUE;
    private long realStartNanos;
    private long horizonNanos;
    private long framesPlayed;

    /**
     * @param realClock paces frames to the recorded timeline; null renders as fast as possible
     */
    public JournalPlayer(JournalReader reader, InputRing ring, SnapshotExchange snapshots, Clock realClock) {
        this.reader = reader;
        this.ring = ring;
        this.snapshots = snapshots;
        this.realClock = realClock;
    }

    /** Frames handed out so far. */
    public long framesPlayed() {
        return framesPlayed;
    }

    /**
     * Prepares the next recorded frame and returns its time.
     *
     * @throws IllegalStateException when the journal has no more frames (the caller asked for more
     *     than {@link JournalSummary#frames()}), or the conductor stopped consuming
     */
    @Override
    public long awaitFrame(long frameIndex) {
        InputEvent mark = nextMark();
        long frameNanos = mark.arrivalNanos();
        long latched = frameMark.wrap(mark).eventsLatched();
        horizonNanos = frameMark.horizonNanos();
        publishUntil(latched);
        awaitConductor(latched);
        pace(frameNanos);
        framesPlayed++;
        return frameNanos;
    }

    @Override
    public long nextFrameNanos() {
        return horizonNanos;
    }

    @Override
    public long droppedFrames() {
        return 0;
    }

    /**
     * Reads ahead to the next frame mark, queueing everything on the way, the mark included. The
     * queue never holds a mark not yet handed out: each call reads past the previous one.
     */
    private InputEvent nextMark() {
        try {
            while (true) {
                InputEvent e = free.isEmpty() ? new InputEvent() : free.pop();
                if (!reader.next(e)) {
                    free.push(e);
                    throw new IllegalStateException("the journal has no more frames after " + framesPlayed);
                }
                queued.addLast(e);
                if (e.kind() == EventKinds.FRAME_MARK) {
                    return e;
                }
            }
        } catch (JournalException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Publishes queued events, in order, until the conductor will have seen {@code count}. */
    private void publishUntil(long count) {
        while (published < count && !queued.isEmpty()) {
            InputEvent e = queued.pollFirst();
            ring.replay(e);
            published++;
            free.push(e);
        }
    }

    private void awaitConductor(long count) {
        long deadline = System.nanoTime() + STALL_NANOS;
        while (snapshots.publishedEventsConsumed() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replay stalled: the conductor reached "
                        + snapshots.publishedEventsConsumed() + " of " + count + " events");
            }
            LockSupport.parkNanos(20_000);
        }
    }

    private void pace(long frameNanos) {
        if (realClock == null) {
            return;
        }
        if (firstFrameNanos == Long.MIN_VALUE) {
            firstFrameNanos = frameNanos;
            realStartNanos = realClock.nanos();
            return;
        }
        long due = realStartNanos + (frameNanos - firstFrameNanos);
        long remaining;
        while ((remaining = due - realClock.nanos()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
