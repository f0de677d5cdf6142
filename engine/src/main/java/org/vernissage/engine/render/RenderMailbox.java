package org.vernissage.engine.render;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.vernissage.engine.fault.FaultCounts;

/**
 * The render thread's mailbox: bounded, for work that other threads (a console, a file watcher, a
 * model trainer) need done with the GL context current. The render loop drains it at each frame
 * boundary, before it latches the frame's snapshot.
 *
 * <p>Neither side ever blocks. {@link #post} is lock-free and refuses, counting, when the mailbox is
 * full; a drain runs at most one mailbox-full of tasks, so a thread posting without pause delays a
 * frame by at most that many tasks. The queue is Agrona's {@link ManyToOneConcurrentArrayQueue}:
 * bounded, many producers and one consumer, no lock and no allocation per message (unlike
 * {@code ConcurrentLinkedQueue}'s nodes or {@code ArrayBlockingQueue}'s lock, which a producer
 * holding it would make the render thread wait on), and with a {@code drain} that takes a handler
 * made once.
 *
 * <p>{@link #post} and the counters: any thread. {@link #drain}: the render thread only. Made by
 * whoever wires the run (it hands the mailbox to the threads that post), and given to one render
 * loop.
 */
public final class RenderMailbox {

    /** Enough for bursts of console commands between two frames; a full mailbox is a runaway poster. */
    public static final int DEFAULT_CAPACITY = 64;

    private final ManyToOneConcurrentArrayQueue<RenderTask> queue;
    private final int capacity;
    private final Logger logger;
    private final Consumer<RenderTask> runner = this::runOne;
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicBoolean refusalLogged = new AtomicBoolean();
    private final AtomicLong ran = new AtomicLong();      // render thread writes
    private final FaultCounts failed;                     // render thread writes
    private RenderControl control;                                    // render thread only
    private volatile Thread sleeper;                                  // the render thread while it rests

    public RenderMailbox() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity the most tasks waiting at once (at least 2) */
    public RenderMailbox(int capacity) {
        this(capacity, System.getLogger(RenderMailbox.class.getName()));
    }

    RenderMailbox(int capacity, Logger logger) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a render mailbox holds at least 2 tasks, got " + capacity);
        }
        this.failed = new FaultCounts("render mailbox", "that task was skipped and the show goes on", logger);
        this.queue = new ManyToOneConcurrentArrayQueue<>(capacity);
        this.capacity = queue.capacity(); // Agrona rounds up to a power of two
        this.logger = logger;
    }

    /**
     * Leaves {@code task} for the render thread's next frame boundary. Any thread; never blocks.
     *
     * @return false when the mailbox is full: the task is dropped and counted
     */
    public boolean post(RenderTask task) {
        if (queue.offer(task)) {
            posted.incrementAndGet();
            Thread resting = sleeper;
            if (resting != null) {
                LockSupport.unpark(resting); // a standby's rest ends for it: an opening is not late
            }
            return true;
        }
        refused.incrementAndGet();
        if (refusalLogged.compareAndSet(false, true)) {
            logger.log(Level.WARNING, "the render thread's mailbox is full (" + capacity + " tasks): work posted"
                    + " to it is refused and counted; something posts faster than one mailbox-full per frame");
        }
        return false;
    }

    /** Posts a resize of the canvas to {@code width} x {@code height}; see {@link RenderControl#resizeCanvas}. */
    public boolean postResize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a canvas needs at least 1x1 pixels, got " + width + "x" + height);
        }
        return post(control -> control.resizeCanvas(width, height));
    }

    /**
     * Render thread, at a frame boundary: runs what is waiting, at most one mailbox-full.
     *
     * @return how many tasks ran (failed ones included)
     */
    int drain(RenderControl control) {
        this.control = control;
        return queue.drain(runner, capacity);
    }

    /**
     * Render thread: sleeps up to {@code nanos}, less if a task is posted meanwhile (or was
     * already waiting). What a standby's rest waits in. Allocates nothing.
     */
    void awaitPost(long nanos) {
        sleeper = Thread.currentThread();
        try {
            // After announcing: a post that came before is seen here, one after unparks us.
            if (queue.isEmpty()) {
                LockSupport.parkNanos(this, nanos);
            }
        } finally {
            sleeper = null;
        }
    }

    /** Render thread: whether a task is waiting. */
    boolean hasWaiting() {
        return !queue.isEmpty();
    }

    private void runOne(RenderTask task) {
        try {
            task.run(control);
            ran.lazySet(ran.get() + 1); // one writer
        } catch (Exception e) {
            failed.record(e, "a task posted to the render thread");
        }
    }

    /** The most tasks waiting at once. */
    public int capacity() {
        return capacity;
    }

    /** Tasks accepted so far. */
    public long posted() {
        return posted.get();
    }

    /** Tasks refused because the mailbox was full. */
    public long refused() {
        return refused.get();
    }

    /** Tasks that ran to the end. */
    public long ran() {
        return ran.get();
    }

    /** Tasks that threw. */
    public long failed() {
        return failed.total();
    }

    /** One line for the statistics, e.g. "render mailbox: posted 3, ran 3, failed 0, refused 0". */
    public String describe() {
        return "render mailbox: posted " + posted() + ", ran " + ran() + ", failed " + failed() + ", refused "
                + refused();
    }
}
