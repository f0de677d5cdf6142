package org.vernissage.engine.render;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * Keeps a copy of the newest frame and the parameter values it was drawn with, for whoever wants
 * to look at the show from another thread: golden-image checks, end-to-end tests, previews.
 *
 * <p>{@link #onFrame} runs on the render thread and reuses its buffers (one pixel read per frame;
 * a larger buffer only when the canvas grows);
 * {@link #awaitFrameAfter} is called from any other thread and returns a copy it owns. Created by
 * whoever registers it with the render loop.
 */
public final class FrameGrabber implements FrameListener {

    private ByteBuffer pixels;
    private final float[] values;
    private long frameIndex = -1;
    private double frameTime;
    private int width;
    private int height;

    /** A frame as it was grabbed. */
    public record Grab(long frameIndex, double timeSeconds, RgbaImage image, float[] parameters) {
    }

    public FrameGrabber(int width, int height, int parameterSlots) {
        this.pixels = ByteBuffer.allocateDirect(width * height * 4);
        this.values = new float[parameterSlots];
    }

    @Override
    public synchronized void onFrame(FrameInfo frame, ParameterSnapshot parameters, Framebuffer image) {
        int bytes = image.width() * image.height() * 4;
        if (pixels.capacity() < bytes) {
            pixels = ByteBuffer.allocateDirect(bytes); // the canvas grew: once per resize, not per frame
        }
        pixels.clear();
        image.readPixels(pixels);
        parameters.copyValuesInto(values);
        frameIndex = frame.index();
        frameTime = frame.timeSeconds();
        width = image.width();
        height = image.height();
        notifyAll();
    }

    /**
     * Waits for the first frame whose index is greater than {@code index} (use -1 for any frame)
     * and returns a copy of it.
     */
    public synchronized Grab awaitFrameAfter(long index, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (frameIndex <= index) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new TimeoutException("no frame after " + index + " within " + timeout);
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
        pixels.position(0);
        return new Grab(frameIndex, frameTime, RgbaImage.fromGlRows(pixels, width, height), values.clone());
    }
}
