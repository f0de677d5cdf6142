package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.util.List;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.SnapshotExchange;

/**
 * The render thread's work: once per frame, wait for the pacer, latch the newest parameter
 * snapshot (as late as possible, to keep sensor-to-photon short), let the artwork update and draw
 * into the offscreen framebuffer, hand the frame to listeners, present it.
 *
 * <p>{@link #run} is called on the render thread, with {@code context} current; that thread owns
 * the context, the artwork and every GL object here. {@link #requestStop} may be called from any
 * thread.
 */
public final class RenderLoop {

    private final GlContext context;
    private final Artwork artwork;
    private final SnapshotExchange snapshots;
    private final FramePacer pacer;
    private final FrameStats stats;
    private final List<FrameListener> listeners;
    private final FrameMarker marker;
    private final int width;
    private final int height;
    private final FrameInfo frame = new FrameInfo();
    private volatile boolean stopRequested;

    public RenderLoop(GlContext context, Artwork artwork, SnapshotExchange snapshots,
                      FramePacer pacer, FrameStats stats, List<FrameListener> listeners,
                      int width, int height) {
        this(context, artwork, snapshots, pacer, stats, listeners, FrameMarker.NONE, width, height);
    }

    public RenderLoop(GlContext context, Artwork artwork, SnapshotExchange snapshots,
                      FramePacer pacer, FrameStats stats, List<FrameListener> listeners,
                      FrameMarker marker, int width, int height) {
        this.context = context;
        this.artwork = artwork;
        this.snapshots = snapshots;
        this.pacer = pacer;
        this.stats = stats;
        this.listeners = List.copyOf(listeners);
        this.marker = marker;
        this.width = width;
        this.height = height;
    }

    /** Asks the loop to finish the frame it is making and return. Any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Sets the artwork up and renders until {@code maxFrames} frames are made (0: no limit), the
     * window is closed or a stop is requested; then disposes the artwork.
     *
     * @throws ArtworkException when the artwork cannot be set up; nothing was shown
     */
    public void run(long maxFrames) throws ArtworkException {
        try (Framebuffer image = new Framebuffer(width, height)) {
            image.bind();
            try {
                artwork.setup(width, height);
                loop(image, maxFrames);
            } finally {
                artwork.dispose();
            }
        }
    }

    private void loop(Framebuffer image, long maxFrames) {
        long startNanos = Long.MIN_VALUE;
        long previousNanos = 0;
        for (long index = 0; !stopRequested && (maxFrames == 0 || index < maxFrames); index++) {
            long frameNanos = pacer.awaitFrame(index);
            if (startNanos == Long.MIN_VALUE) {
                startNanos = frameNanos;
                previousNanos = frameNanos;
            }
            context.pollEvents();
            if (context.closeRequested()) {
                return;
            }
            // Work time is a property of the machine, not of show time: always the real clock,
            // even when a stepped pacer drives the artwork's time.
            long workStart = System.nanoTime();
            ParameterSnapshot parameters = snapshots.latch();
            marker.frameLatched(index, frameNanos, pacer.nextFrameNanos(), parameters);
            frame.set(index, (frameNanos - startNanos) / 1e9, (frameNanos - previousNanos) / 1e9, width, height);
            previousNanos = frameNanos;
            drawFrame(image, parameters);
            stats.recordFrame(System.nanoTime() - workStart, pacer.droppedFrames());
        }
    }

    private void drawFrame(Framebuffer image, ParameterSnapshot parameters) {
        image.bind();
        artwork.update(frame, parameters);
        artwork.render(frame);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onFrame(frame, parameters, image);
        }
        if (context.headless()) {
            // Nothing paces a headless frame's GPU work: finish it so frame times are true.
            glFinish();
        } else {
            image.blitToScreen(context.surfaceWidth(), context.surfaceHeight());
            context.swapBuffers();
        }
    }
}
