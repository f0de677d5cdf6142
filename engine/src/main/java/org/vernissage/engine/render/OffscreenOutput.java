package org.vernissage.engine.render;

import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * Shows a region of the canvas in an image of its own size, letterboxed like a window, and hands
 * that image to a {@link FrameListener}: a preview for a console, a region sent to one projector
 * of several, a capture of part of the wall. Works the same headless and windowed.
 *
 * <p>Render thread only; owned by the render loop, which closes it (freeing its framebuffer). The
 * listener stays its creator's.
 */
public final class OffscreenOutput implements Output {

    private final String description;
    private final CanvasRegion region;
    private final Framebuffer image;
    private final FrameListener listener;
    private final RegionBlit blit = new RegionBlit();

    /**
     * @param region the part of the canvas shown
     * @param width the image's width in pixels
     * @param height its height
     * @param listener sees the image every frame it {@linkplain FrameListener#wantsFrame() wants}
     */
    public OffscreenOutput(String name, CanvasRegion region, int width, int height, FrameListener listener) {
        this.region = region;
        this.image = new Framebuffer(width, height);
        this.listener = listener;
        this.description = name + " " + width + "x" + height + ", " + region.describe();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public CanvasRegion region() {
        return region;
    }

    @Override
    public void present(FrameInfo frame, ParameterSnapshot parameters, Framebuffer canvas) {
        if (!listener.wantsFrame()) {
            return; // nothing to draw for: the copy is skipped, not only the listener
        }
        // Placed every frame: a few multiplications, and the canvas may have been resized.
        blit.place(region, canvas.width(), canvas.height(), image.width(), image.height());
        blit.blit(canvas.framebufferId(), image.framebufferId());
        listener.onFrame(frame, parameters, image);
    }

    @Override
    public void close() {
        image.close();
    }
}
