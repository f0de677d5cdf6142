package org.vernissage.engine.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * Writes every frame as a numbered PNG ({@code frame-000000.png}, ...) into a folder.
 *
 * <p>The render thread only reads pixels into one of a few reused buffers; a writer thread of its
 * own encodes and writes them. Capturing promises every frame, so when the disk falls behind the
 * render thread waits for a free buffer rather than skip one: use it for recordings and offline
 * renders, not to watch a live show. Created and closed by the app; {@link #onFrame} runs on the
 * render thread.
 */
public final class PngFrameCapture implements FrameListener, AutoCloseable {

    private static final int BUFFERS = 3;

    private final Path folder;
    private final BlockingQueue<Pending> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Pending> full = new ArrayBlockingQueue<>(BUFFERS);
    private final Thread writer;
    private volatile IOException failure;
    private volatile long written; // writer thread only

    /** A pixel buffer on its way to disk. */
    private static final class Pending {
        final ByteBuffer pixels;
        int width;
        int height;
        long frameIndex;
        boolean last;

        Pending(int bytes) {
            pixels = ByteBuffer.allocateDirect(bytes);
        }
    }

    public PngFrameCapture(Path folder, int width, int height) throws IOException {
        this.folder = folder;
        Files.createDirectories(folder);
        if (!Files.isWritable(folder)) {
            throw new IOException("capture folder " + folder + " is not writable");
        }
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new Pending(width * height * 4));
        }
        this.writer = new Thread(this::writeLoop, "vernissage-capture");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void onFrame(FrameInfo frame, ParameterSnapshot parameters, Framebuffer image) {
        if (failure != null) {
            throw new UncheckedIOException("capture to " + folder + " failed", failure);
        }
        Pending pending = take(free);
        pending.pixels.clear();
        image.readPixels(pending.pixels);
        pending.width = image.width();
        pending.height = image.height();
        pending.frameIndex = frame.index();
        pending.last = false;
        full.add(pending);
    }

    private void writeLoop() {
        while (true) {
            Pending pending = take(full);
            if (pending.last) {
                return;
            }
            try {
                pending.pixels.position(0);
                RgbaImage.fromGlRows(pending.pixels, pending.width, pending.height)
                        .writePng(folder.resolve(String.format("frame-%06d.png", pending.frameIndex)));
                written++;
            } catch (IOException e) {
                failure = e;
            } finally {
                free.add(pending);
            }
        }
    }

    private static Pending take(BlockingQueue<Pending> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while capturing", e);
        }
    }

    /** Frames written so far (exact once {@link #close} has returned). */
    public long framesWritten() {
        return written;
    }

    /** Waits until every captured frame is on disk. */
    @Override
    public void close() throws IOException {
        Pending marker = take(free);
        marker.last = true;
        full.add(marker);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
