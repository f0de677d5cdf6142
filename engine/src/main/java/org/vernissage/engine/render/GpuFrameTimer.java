package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL11C.GL_RENDERER;
import static org.lwjgl.opengl.GL11C.glGetString;
import static org.lwjgl.opengl.GL15C.GL_QUERY_RESULT;
import static org.lwjgl.opengl.GL15C.GL_QUERY_RESULT_AVAILABLE;
import static org.lwjgl.opengl.GL15C.GL_QUERY_COUNTER_BITS;
import static org.lwjgl.opengl.GL15C.glBeginQuery;
import static org.lwjgl.opengl.GL15C.glDeleteQueries;
import static org.lwjgl.opengl.GL15C.glEndQuery;
import static org.lwjgl.opengl.GL15C.glGenQueries;
import static org.lwjgl.opengl.GL15C.nglGetQueryObjectiv;
import static org.lwjgl.opengl.GL15C.glGetQueryi;
import static org.lwjgl.opengl.GL33C.GL_TIME_ELAPSED;
import static org.lwjgl.opengl.GL33C.nglGetQueryObjecti64v;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;

/**
 * The GPU time of each frame, from OpenGL timer queries ({@code GL_TIME_ELAPSED}) around the
 * frame's drawing into the canvas, added up for the energy estimate. A small ring of query objects
 * lets a result be read frames later, and only once {@code GL_QUERY_RESULT_AVAILABLE} says it is
 * there: the render thread never waits for the GPU to answer. A frame whose ring slot still waits
 * for its previous result is not timed (counted in {@link #untimedFrames}) rather than waited for.
 *
 * <p>What is timed: the artwork's render, the caption and the dimming (or the closed hours' clear),
 * not the outputs: a window's swap may wait for the display, and that wait is not GPU work. The
 * outputs' blits and pixel reads are small beside the artwork. A timer query measures elapsed GPU
 * time between its two ends, so gaps where the GPU waited for the CPU inside a frame count too: an
 * upper bound of the GPU's busy time.
 *
 * <p>Made on the render thread with the context current (it reads what the context can do and
 * {@code GL_RENDERER}); {@link #start}, {@link #begin}, {@link #end} and {@link #close} are called
 * by the render loop that owns it, on the render thread; the totals ({@link #gpuNanos},
 * {@link #timedFrames}, {@link #untimedFrames}) are volatile with one writer, read by any thread
 * (the energy sampler). Where the context has no timer queries it says so once, at start, and
 * counts nothing.
 */
public final class GpuFrameTimer {

    private static final Logger LOG = System.getLogger(GpuFrameTimer.class.getName());

    /** Results a few frames late are fine; eight frames is well past any driver's queue depth. */
    static final int RING = 8;

    private final boolean supported;
    private final String renderer;
    private final int[] queries = new int[RING];
    private final boolean[] pending = new boolean[RING];
    private final long[] beganNanos = new long[RING];
    // The driver writes its answers here, at an address taken once: LWJGL's single-value getters
    // wrap a fresh buffer per call, and taking an IntBuffer's or LongBuffer's address per call
    // allocates too (RenderAllocationTest saw 144 B a frame), which the render thread must not.
    private final ByteBuffer answer = ByteBuffer.allocateDirect(Long.BYTES).order(ByteOrder.nativeOrder());
    private final long answerAddress = MemoryUtil.memAddress(answer);
    private int next;          // the slot the next frame uses
    private int oldest;        // the oldest slot that may be pending
    private int inFlight;      // slots pending
    private boolean started;
    private boolean active;    // a query is open in this frame
    private volatile long gpuNanos;
    private volatile long timedFrames;
    private volatile long untimedFrames;
    private volatile long rejectedFrames;

    /** Reads whether the current context has timer queries and what renders it. Render thread, context current. */
    public GpuFrameTimer() {
        GLCapabilities caps = GL.getCapabilities();
        boolean timerQueries = caps.OpenGL33 || caps.GL_ARB_timer_query;
        // The spec allows 0 counter bits: the query exists but counts nothing.
        this.supported = timerQueries && glGetQueryi(GL_TIME_ELAPSED, GL_QUERY_COUNTER_BITS) > 0;
        String name = glGetString(GL_RENDERER);
        this.renderer = name != null ? name : "unknown renderer";
    }

    /** Whether this context's timer queries count GPU time. Any thread. */
    public boolean supported() {
        return supported;
    }

    /** The context's {@code GL_RENDERER} string, e.g. "llvmpipe (LLVM 15.0.7, 256 bits)". Any thread. */
    public String renderer() {
        return renderer;
    }

    /** Makes the query objects, once; or says once that there are none. Render thread. */
    void start() {
        if (started) {
            return;
        }
        started = true;
        if (!supported) {
            LOG.log(Level.WARNING, "this OpenGL (" + renderer + ") has no timer queries: GPU time is not measured"
                    + " and the energy estimate leaves the GPU out");
            return;
        }
        glGenQueries(queries);
    }

    /** Opens this frame's query if its slot is free (its last result read). Render thread. */
    void begin() {
        if (!supported || !started) {
            return;
        }
        if (active) {
            end(); // the last frame broke off between begin and end: close its query first
        }
        collect();
        if (pending[next]) {
            untimedFrames = untimedFrames + 1; // one writer: no read-modify-write race
            return;
        }
        beganNanos[next] = System.nanoTime();
        glBeginQuery(GL_TIME_ELAPSED, queries[next]);
        active = true;
    }

    /** Closes this frame's query; its result is read at a later frame's begin, once ready. Render thread. */
    void end() {
        if (!active) {
            return;
        }
        glEndQuery(GL_TIME_ELAPSED);
        active = false;
        pending[next] = true;
        inFlight++;
        next = (next + 1) % RING;
    }

    /** Reads results oldest first while they are available; never waits. */
    private void collect() {
        while (inFlight > 0) {
            int query = queries[oldest];
            nglGetQueryObjectiv(query, GL_QUERY_RESULT_AVAILABLE, answerAddress);
            if (answer.getInt(0) == 0) {
                return; // later ones finish after it: ask again next frame
            }
            nglGetQueryObjecti64v(query, GL_QUERY_RESULT, answerAddress);
            long elapsed = answer.getLong(0);
            // No frame's GPU time can exceed the wall time since its query began; llvmpipe gives
            // the very first query of a context a start of 0 (its result is then the time since
            // boot). Such a result is dropped, said once and counted, not added. That first answer
            // is the driver's known quirk, said at debug level only (a technician reading the
            // terminal at every start must not be alarmed by it); a later one is worth a warning.
            if (elapsed < 0 || elapsed > System.nanoTime() - beganNanos[oldest]) {
                if (rejectedFrames == 0) {
                    boolean firstAnswer = timedFrames == 0;
                    LOG.log(firstAnswer ? Level.DEBUG : Level.WARNING, "the GPU timer of " + renderer + " gave "
                            + elapsed + " ns for one frame" + (firstAnswer ? " (its first answer)" : "")
                            + ", longer than the frame has existed: such results are dropped and counted");
                }
                rejectedFrames = rejectedFrames + 1;
            } else {
                gpuNanos = gpuNanos + elapsed;
                timedFrames = timedFrames + 1;
            }
            pending[oldest] = false;
            inFlight--;
            oldest = (oldest + 1) % RING;
        }
    }

    /**
     * Reads what results are ready (without waiting: the rest are lost, a few frames at most) and
     * deletes the queries. Render thread, at the end of the run.
     */
    void close() {
        if (!supported || !started) {
            return;
        }
        if (active) {
            glEndQuery(GL_TIME_ELAPSED);
            active = false;
        }
        collect();
        glDeleteQueries(queries);
        started = false;
    }

    /** GPU nanoseconds of the frames timed so far. Any thread. */
    public long gpuNanos() {
        return gpuNanos;
    }

    /** Frames whose GPU time has been read. Any thread. */
    public long timedFrames() {
        return timedFrames;
    }

    /** Frames not timed because their ring slot was still waiting for its result. Any thread. */
    public long untimedFrames() {
        return untimedFrames;
    }

    /** Frames whose result was impossible (longer than the wall time since it began) and was dropped. Any thread. */
    public long rejectedFrames() {
        return rejectedFrames;
    }

    /** Results still not read (at most {@link #RING}); after close, those lost. Render thread. */
    int unread() {
        return inFlight;
    }
}
