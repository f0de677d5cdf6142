package org.vernissage.engine.render;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * Hands the whole canvas of every frame to a {@link FrameListener}: a capture to PNG files, a frame
 * grabber, a test's probe.
 *
 * <p>A listener whose buffers were sized once (a capture) is made with {@link #ofSize}: after the
 * canvas is resized to another size, its frames are not handed on (the listener would read past its
 * buffers) but counted, and logged once, until the canvas has that size again.
 *
 * <p>Render thread only; owned by the render loop. The listener stays its creator's to close.
 */
public final class FrameListenerOutput implements Output {

    private static final int ANY = -1;

    private final String description;
    private final FrameListener listener;
    private final int width;
    private final int height;
    private final Logger logger;
    private long skipped;
    private boolean skipLogged;

    private FrameListenerOutput(String description, FrameListener listener, int width, int height, Logger logger) {
        this.description = description;
        this.listener = listener;
        this.width = width;
        this.height = height;
        this.logger = logger;
    }

    /** Every frame, whatever its size, goes to {@code listener}. */
    public static FrameListenerOutput of(String description, FrameListener listener) {
        return new FrameListenerOutput(description, listener, ANY, ANY, logger());
    }

    /** Only frames of {@code width} x {@code height} go to {@code listener}; others are counted. */
    public static FrameListenerOutput ofSize(String description, FrameListener listener, int width, int height) {
        return ofSize(description, listener, width, height, logger());
    }

    static FrameListenerOutput ofSize(String description, FrameListener listener, int width, int height,
                                      Logger logger) {
        return new FrameListenerOutput(description, listener, width, height, logger);
    }

    private static Logger logger() {
        return System.getLogger(FrameListenerOutput.class.getName());
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void present(FrameInfo frame, ParameterSnapshot parameters, Framebuffer canvas) {
        if (width != ANY && (canvas.width() != width || canvas.height() != height)) {
            skipped++;
            return;
        }
        if (listener.wantsFrame()) {
            listener.onFrame(frame, parameters, canvas);
        }
    }

    @Override
    public void canvasResized(int newWidth, int newHeight) {
        if (width != ANY && (newWidth != width || newHeight != height) && !skipLogged) {
            skipLogged = true;
            logger.log(Level.WARNING, description + " takes " + width + "x" + height + " frames; the canvas is now "
                    + newWidth + "x" + newHeight + ": its frames are skipped (and counted) until the canvas is "
                    + width + "x" + height + " again");
        }
    }

    /** Frames not handed on because the canvas had another size. */
    public long framesSkipped() {
        return skipped;
    }
}
