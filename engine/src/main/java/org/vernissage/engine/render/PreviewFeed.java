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

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
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
import org.vernissage.engine.provenance.MarkedPng;
import org.vernissage.engine.provenance.Provenance;

/**
 * A live thumbnail of the output for consoles, a few times a second, that never makes the render
 * thread wait: the small image (an {@link OffscreenOutput} of the canvas) is read into one of two
 * pixel-pack buffers asynchronously, and the buffer filled one period earlier (long done by then)
 * is mapped and copied out; a writer thread "vernissage-preview" encodes it as a PNG and keeps the
 * newest. Between two periods a frame costs one clock read, and so does every frame while nobody
 * has asked for a thumbnail in the last {@value #WANTED_SECONDS} seconds (a console that closes
 * its page stops the work).
 *
 * <pre>
 *   render thread, every period:  glReadPixels -> PBO[k]  (no wait)    map PBO[k-1] -> free buffer -> full
 *   "vernissage-preview":         full -> PNG bytes -> latest (AtomicReference)               -> free
 * </pre>
 *
 * <p>{@link #onFrame} and {@link #close}'s GL part on the render thread, which owns the buffers
 * (the listener of the offscreen output made for it); {@link #latestPng} on any thread. The
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
        this.width = width;
        this.provenance = provenance;
        this.height = height;
        this.periodNanos = period.toNanos();
        for (int i = 0; i < POOL; i++) {
            free.offer(ByteBuffer.allocateDirect(width * height * 4));
        }
        this.encoder = new SupervisedAgent(new Encoder(), System.getLogger(PreviewFeed.class.getName()));
        this.thread = AgentThread.parking("vernissage-preview", Duration.ofMillis(20));
        thread.add(encoder);
    }

    /** Render thread: every period, starts a read of {@code image} and takes the previous one. */
    @Override
    public void onFrame(FrameInfo frame, ParameterSnapshot parameters, Framebuffer image) {
        long now = System.nanoTime();
        if (now - lastAskedNanos > WANTED_NANOS
                || (lastReadNanos != Long.MIN_VALUE && now - lastReadNanos < periodNanos)) {
            return;
        }
        lastReadNanos = now;
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
     * The newest thumbnail as a PNG, or empty before the first; asking keeps them coming for the
     * next few seconds (the first ask after a quiet spell gets the last one made, or none). Any thread.
     */
    public Optional<byte[]> latestPng() {
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
     * Encodes thumbnails on "vernissage-preview", which owns {@link #image}. The GL rows go straight
     * into an opaque 3-byte BGR image made once (no RGBA copy, no int[] of packed pixels, no new
     * image per thumbnail), written at deflate level {@value #DEFLATE_LEVEL}: the JDK's writer then
     * takes about a third of the time it took on a packed ARGB image at its own level (see
     * docs/performance.md). Alpha is left out: a projector shows none, so neither does the preview.
     */
    private final class Encoder implements Agent {

        private static final int DEFLATE_LEVEL = 1;

        private final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        private final byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();

        @Override
        public int doWork() throws IOException {
            ByteBuffer pixels = full.poll();
            if (pixels == null) {
                return 0;
            }
            try {
                copyGlRows(pixels);
            } finally {
                free.offer(pixels); // the render thread may fill it again while this one is encoded
            }
            latest.set(MarkedPng.bytes(image, provenance, DEFLATE_LEVEL));
            made = made + 1;
            return 1;
        }

        /** GL's bottom-up RGBA rows to the image's top-down BGR ones. */
        private void copyGlRows(ByteBuffer rgba) {
            int start = rgba.position();
            int rowBytes = width * 4;
            int out = 0;
            for (int row = height - 1; row >= 0; row--) {
                int in = start + row * rowBytes;
                for (int x = 0; x < width; x++, in += 4) {
                    bgr[out++] = rgba.get(in + 2);
                    bgr[out++] = rgba.get(in + 1);
                    bgr[out++] = rgba.get(in);
                }
            }
        }

        @Override
        public String roleName() {
            return "preview";
        }
    }
}
