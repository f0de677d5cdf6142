package org.vernissage.engine.render;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
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
     * Waits for the first frame, the newest one included, drawn with parameter values that
     * {@code wanted} accepts, and returns a copy of it: how a test sees that an input reached the
     * picture.
     *
     * @throws TimeoutException naming the last values drawn when no frame had them within {@code timeout}
     */
    public Grab awaitFrameWhere(Predicate<float[]> wanted, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = -1;
        float[] last = null;
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new TimeoutException("no frame drawn with the values awaited within " + timeout + "; the last drawn "
                        + (last == null ? "none" : Arrays.toString(last)));
            }
            Grab grab;
            try {
                grab = awaitFrameAfter(seen, Duration.ofNanos(remaining));
            } catch (TimeoutException none) {
                continue; // said above, with the last values
            }
            if (wanted.test(grab.parameters())) {
                return grab;
            }
            seen = grab.frameIndex();
            last = grab.parameters();
        }
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
