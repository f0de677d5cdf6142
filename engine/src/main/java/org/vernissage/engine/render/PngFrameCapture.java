package org.vernissage.engine.render;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.Agent;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.provenance.MarkedPng;
import org.vernissage.engine.provenance.Provenance;

/**
 * Writes every frame as a numbered PNG ({@code frame-000000.png}, ...) into a folder.
 *
 * <p>The render thread only reads pixels into one of a few reused buffers; a writer agent on a
 * thread of its own ("vernissage-capture", see {@link SupervisedAgent}) encodes and writes them.
 * Capturing promises every frame, so while the disk keeps up but falls behind, the render thread
 * waits for a free buffer rather than skip one: use it for recordings and offline renders, not
 * to watch a live show.
 *
 * <p>A capture that cannot write (the disk is full, the folder went away) never stops the show:
 * the failure is counted ({@link #failures()}), reported once as one WARNING line naming the file
 * and the cause (e.g. "No space left on device") and kept for the final statistics
 * ({@link #failure()}); capture stops there, and from then on {@link #onFrame} returns at once, so
 * the frames keep rendering. {@link #close()} does not throw it again.
 *
 * <p>Threads: created and closed by the app's wiring thread, which owns it; {@link #onFrame} runs
 * on the render thread; the writer agent alone writes files and {@link #framesWritten()}; any
 * thread reads the counters.
 */
public final class PngFrameCapture implements FrameListener, AutoCloseable {

    private static final Logger LOG = System.getLogger(PngFrameCapture.class.getName());
    private static final int BUFFERS = 3;
    /**
     * The longest the idle writer sleeps: the render thread wakes it with each frame, so this only
     * bounds how long a missed wake-up could delay a write.
     */
    private static final Duration POLL = Duration.ofMillis(50);
    /** How long close waits for the frames still queued to reach the disk. */
    private static final long FLUSH_MILLIS = 30_000;

    private final Path folder;
    private final Provenance provenance;
    private final Logger logger;
    private final BlockingQueue<Pending> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Pending> full = new ArrayBlockingQueue<>(BUFFERS);
    private final AgentThread thread;
    private final SupervisedAgent agent;
    private volatile boolean stopped;      // the writer sets it on the first failure
    private volatile String failure;       // what stopped the capture, for people; null while it runs
    private volatile long failures;        // writer thread writes, anyone reads
    private volatile long written;         // writer thread writes, anyone reads
    private volatile long skipped;         // render thread writes: frames not captured after a failure
    private volatile long discarded;       // writer thread writes: frames queued when it failed, not written

    /** A pixel buffer on its way to disk. */
    private static final class Pending {
        final ByteBuffer pixels;
        int width;
        int height;
        long frameIndex;

        Pending(int bytes) {
            pixels = ByteBuffer.allocateDirect(bytes);
        }
    }

    /** @param provenance what every written PNG says about itself (its XMP mark) */
    public PngFrameCapture(Path folder, int width, int height, Provenance provenance) throws IOException {
        this(folder, width, height, provenance, LOG);
    }

    PngFrameCapture(Path folder, int width, int height, Provenance provenance, Logger logger) throws IOException {
        this.folder = folder;
        this.provenance = provenance;
        this.logger = logger;
        Files.createDirectories(folder);
        if (!Files.isWritable(folder)) {
            throw new IOException("capture folder " + folder + " is not writable");
        }
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new Pending(width * height * 4));
        }
        this.agent = new SupervisedAgent(new Writing(), logger);
        this.thread = AgentThread.parking("vernissage-capture", POLL);
        this.thread.add(agent);
    }

    /** Render thread: hands the frame to the writer, or does nothing once capture has stopped. */
    @Override
    public void onFrame(FrameInfo frame, ParameterSnapshot parameters, Framebuffer image) {
        if (stopped) {
            skipped = skipped + 1;
            return;
        }
        Pending pending = takeFree();
        if (pending == null) { // stopped while we waited
            skipped = skipped + 1;
            return;
        }
        pending.pixels.clear();
        image.readPixels(pending.pixels);
        pending.width = image.width();
        pending.height = image.height();
        pending.frameIndex = frame.index();
        full.add(pending);
        thread.wake();
    }

    /** Frames written so far (exact once {@link #close} has returned). */
    public long framesWritten() {
        return written;
    }

    /** Writes that failed (0 or 1: capture stops at the first). */
    public long failures() {
        return failures;
    }

    /**
     * Frames not captured because capture had stopped: rendered after the failure, or already
     * queued for the disk when it happened. With {@link #framesWritten} and {@link #failures}, every
     * frame handed to the capture is counted once.
     */
    public long framesSkipped() {
        return skipped + discarded;
    }

    /** What stopped the capture, naming the file and the cause; null while it works. */
    public String failure() {
        return failure;
    }

    /** The writer agent's health (errors that were not write failures: bugs), for statistics. */
    public AgentHealth health() {
        return agent;
    }

    /**
     * Waits (up to 30 s) until every captured frame is on disk, or, after a failure, counted as
     * skipped (which takes the writer no time), then stops the writer. A capture failure was
     * reported when it happened and is not thrown again.
     */
    @Override
    public void close() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS);
        while (free.size() < BUFFERS && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(1_000_000);
        }
        if (!stopped && free.size() < BUFFERS) {
            logger.log(Level.WARNING, "capture to " + folder + ": frames still queued after " + FLUSH_MILLIS
                    + " ms were not written");
        }
        thread.close();
    }

    private Pending takeFree() {
        try {
            Pending pending = null;
            while (pending == null && !stopped) {
                pending = free.poll(10, TimeUnit.MILLISECONDS);
            }
            if (pending != null && stopped) {
                free.add(pending);
                return null;
            }
            return pending;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    // ---- the writer agent: its thread only ---------------------------------------------------

    private final class Writing implements Agent {

        @Override
        public int doWork() {
            Pending pending = full.poll();
            if (pending == null) {
                return 0;
            }
            try {
                if (!stopped) {
                    write(pending);
                } else {
                    discarded = discarded + 1; // queued before the failure: not written, still counted
                }
            } finally {
                free.add(pending); // whatever happened, the render thread gets its buffer back
            }
            return 1;
        }

        @Override
        public String roleName() {
            return "capture";
        }
    }

    private void write(Pending pending) {
        Path file = folder.resolve(String.format("frame-%06d.png", pending.frameIndex));
        try {
            pending.pixels.position(0);
            MarkedPng.write(RgbaImage.fromGlRows(pending.pixels, pending.width, pending.height).toBufferedImage(),
                    provenance, file);
            written = written + 1;
        } catch (IOException e) {
            stop(file, e);
        }
    }

    /** The first write failure: count it, say it once, delete the partial file, stop capturing. */
    private void stop(Path file, IOException e) {
        failure = "capture stopped: writing " + file + " failed: " + rootCause(e) + "; " + written
                + " frames were written to " + folder;
        failures = failures + 1;
        stopped = true;
        try {
            Files.deleteIfExists(file); // a truncated PNG is worse than none
        } catch (IOException ignored) {
            // the folder itself may be gone; the failure above is what matters
        }
        logger.log(Level.WARNING, failure + "; the show goes on without capture");
        logger.log(Level.DEBUG, "capture failure", e);
    }

    /** The innermost message: ImageIO wraps "No space left on device" in its own exception. */
    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.toString() : message;
    }
}
