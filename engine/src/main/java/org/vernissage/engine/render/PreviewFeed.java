package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL15C.GL_READ_ONLY;
import static org.lwjgl.opengl.GL15C.GL_STREAM_READ;
import static org.lwjgl.opengl.GL15C.glBindBuffer;
import static org.lwjgl.opengl.GL15C.glBufferData;
import static org.lwjgl.opengl.GL15C.glDeleteBuffers;
import static org.lwjgl.opengl.GL15C.glGenBuffers;
import static org.lwjgl.opengl.GL15C.glMapBuffer;
import static org.lwjgl.opengl.GL15C.glUnmapBuffer;
import static org.lwjgl.opengl.GL21C.GL_PIXEL_PACK_BUFFER;
import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.GL_RGBA;
import static org.lwjgl.opengl.GL30C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;
import static org.lwjgl.opengl.GL30C.glReadPixels;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.provenance.Provenance;
import org.vernissage.engine.provenance.ThumbnailJpeg;

/**
 * A live thumbnail of the output for consoles, a few times a second, that never makes the render
 * thread wait: the small image (an {@link OffscreenOutput} of the canvas) is read into one of two
 * pixel-pack buffers asynchronously, and the buffer filled one period earlier (long done by then)
 * is mapped and copied out; a writer thread "vernissage-preview" encodes it as a marked JPEG and
 * keeps the newest. Between two periods a frame costs one clock read, and so does every frame while nobody
 * has asked for a thumbnail in the last {@value #WANTED_SECONDS} seconds (a console that closes
 * its page stops the work).
 *
 * <pre>
 *   render thread, every period:  glReadPixels -> PBO[k]  (no wait)    map PBO[k-1] -> free buffer -> full
 *   "vernissage-preview":         full -> JPEG bytes -> latest (AtomicReference)              -> free
 * </pre>
 *
 * <p>{@link #onFrame} and {@link #close}'s GL part on the render thread, which owns the buffers
 * (the listener of the offscreen output made for it); {@link #latestJpeg} on any thread. The
 * encoder's buffers go back and forth through two single-producer queues, so nothing is allocated
 * on the render thread and nothing is shared without a hand-over.
 */
public final class PreviewFeed implements FrameListener, AutoCloseable {

    private static final int POOL = 2;
    /** How long after a console last asked the thumbnails go on being made. */
    static final int WANTED_SECONDS = 3;
    private static final long WANTED_NANOS = WANTED_SECONDS * 1_000_000_000L;

    private final int width;
    private final int height;
    private final long periodNanos;
    private final Provenance provenance;
    private final int[] packBuffers = new int[2];
    private final OneToOneConcurrentArrayQueue<ByteBuffer> free = new OneToOneConcurrentArrayQueue<>(POOL);
    private final OneToOneConcurrentArrayQueue<ByteBuffer> full = new OneToOneConcurrentArrayQueue<>(POOL);
    private final AtomicReference<byte[]> latest = new AtomicReference<>();
    private final AgentThread thread;
    private final SupervisedAgent encoder;
    private long lastReadNanos = Long.MIN_VALUE;
    private int reads;
    private volatile long lastAskedNanos = System.nanoTime() - WANTED_NANOS - 1;
    private volatile long made;
    private volatile long skipped;

    /**
     * @param width the thumbnail's width (the offscreen output's)
     * @param height its height
     * @param period how often a thumbnail is made
     * @param provenance what each thumbnail says about itself (its XMP mark)
     */
    public PreviewFeed(int width, int height, Duration period, Provenance provenance) {
        this(width, height, period, provenance, true);
    }

    /**
     * @param inBackground whether the encoder's thread runs in {@code SCHED_IDLE} (only on a core
     *     the show leaves free) or in the normal class
     */
    public PreviewFeed(int width, int height, Duration period, Provenance provenance, boolean inBackground) {
        this.width = width;
        this.provenance = provenance;
        this.height = height;
        this.periodNanos = period.toNanos();
        for (int i = 0; i < POOL; i++) {
            free.offer(ByteBuffer.allocateDirect(width * height * 4));
        }
        this.encoder = new SupervisedAgent(new Encoder(), System.getLogger(PreviewFeed.class.getName()));
        this.thread = AgentThread.parking("vernissage-preview", Duration.ofMillis(20), inBackground);
        thread.add(encoder);
    }

    /**
     * Render thread: only when a console asked lately and a period has passed since the last read,
     * so the offscreen output draws the small image four frames a second, not every frame.
     */
    @Override
    public boolean wantsFrame() {
        long now = System.nanoTime();
        return now - lastAskedNanos <= WANTED_NANOS
                && (lastReadNanos == Long.MIN_VALUE || now - lastReadNanos >= periodNanos);
    }

    /**
     * Render thread, in the frames {@link #wantsFrame} asked for: starts a read of {@code image}
     * and takes the previous one.
     */
    @Override
    public void onFrame(FrameInfo frame, ParameterSnapshot parameters, Framebuffer image) {
        lastReadNanos = System.nanoTime();
        if (reads == 0) {
            packBuffers[0] = glGenBuffers();
            packBuffers[1] = glGenBuffers();
            for (int buffer : packBuffers) {
                glBindBuffer(GL_PIXEL_PACK_BUFFER, buffer);
                glBufferData(GL_PIXEL_PACK_BUFFER, (long) width * height * 4, GL_STREAM_READ);
            }
        }
        glBindFramebuffer(GL_FRAMEBUFFER, image.framebufferId());
        glBindBuffer(GL_PIXEL_PACK_BUFFER, packBuffers[reads & 1]);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, 0L); // into the buffer: no wait
        if (reads > 0) {
            takePrevious(packBuffers[(reads - 1) & 1]);
        }
        glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
        reads++;
    }

    private void takePrevious(int packBuffer) {
        ByteBuffer target = free.poll();
        if (target == null) {
            skipped = skipped + 1; // the encoder is behind: this thumbnail is dropped
            return;
        }
        glBindBuffer(GL_PIXEL_PACK_BUFFER, packBuffer);
        ByteBuffer mapped = glMapBuffer(GL_PIXEL_PACK_BUFFER, GL_READ_ONLY, (long) width * height * 4, null);
        if (mapped == null) {
            free.offer(target);
            skipped = skipped + 1;
            return;
        }
        target.clear();
        target.put(mapped);
        glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
        target.flip();
        full.offer(target);
        thread.wake();
    }

    /**
     * The newest thumbnail as a JPEG (with its provenance mark), or empty before the first; asking keeps them coming for the
     * next few seconds (the first ask after a quiet spell gets the last one made, or none). Any thread.
     */
    public Optional<byte[]> latestJpeg() {
        lastAskedNanos = System.nanoTime();
        return Optional.ofNullable(latest.get());
    }

    /** Thumbnails made so far. Any thread. */
    public long made() {
        return made;
    }

    /** Thumbnails dropped because the encoder was still busy with the last. Any thread. */
    public long skipped() {
        return skipped;
    }

    /** The encoder's health, for statistics. */
    public AgentHealth health() {
        return encoder;
    }

    /** Render thread: stops the encoder and frees the pixel-pack buffers. */
    @Override
    public void close() {
        thread.close();
        if (reads > 0) {
            glDeleteBuffers(packBuffers);
        }
    }

    /**
     * Encodes thumbnails on "vernissage-preview", which owns its {@link ThumbnailJpeg}: a tenth of
     * a PNG's bytes for each console, in less time (see docs/performance.md).
     */
    private final class Encoder implements Agent {

        private final ThumbnailJpeg jpeg = new ThumbnailJpeg(width, height, provenance);

        @Override
        public int doWork() {
            ByteBuffer pixels = full.poll();
            if (pixels == null) {
                return 0;
            }
            try {
                latest.set(jpeg.bytes(pixels));
                made = made + 1;
            } finally {
                free.offer(pixels);
            }
            return 1;
        }

        @Override
        public void onClose() {
            jpeg.close();
        }

        @Override
        public String roleName() {
            return "preview";
        }
    }
}
