package org.vernissage.engine.render.output;

import static org.lwjgl.opengl.GL30C.GL_DRAW_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;

import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.Output;
import org.vernissage.engine.render.ShaderBuildException;

/**
 * A venue output drawn into an image of its own, warped and blended, then handed to a
 * {@link FrameListener}: a projector rehearsed headless, a preview of what a projector gets, the
 * tests' way of reading what a window would show.
 *
 * <p>Render thread only; owned by the render loop (which closes it: its image and renderer). The
 * settings belong to the {@link VenueOutputs} that made it; the listener stays its creator's.
 */
public final class OffscreenWarpOutput implements Output {

    private final OutputSettings settings;
    private final Framebuffer image;
    private final WarpRenderer renderer;
    private final FrameListener listener;
    private final String description;

    public OffscreenWarpOutput(OutputSettings settings, int width, int height, FrameListener listener)
            throws ShaderBuildException {
        this.settings = settings;
        this.image = new Framebuffer(width, height);
        WarpRenderer made;
        try {
            made = new WarpRenderer(settings);
        } catch (ShaderBuildException | RuntimeException e) {
            image.close();
            throw e;
        }
        this.renderer = made;
        this.listener = listener;
        this.description = "output " + settings.number() + " \"" + settings.name() + "\" offscreen " + width + "x"
                + height + ", warped and blended";
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void present(FrameInfo frame, ParameterSnapshot parameters, Framebuffer canvas) {
        if (!listener.wantsFrame()) {
            return; // nothing to warp for
        }
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, image.framebufferId());
        renderer.draw(canvas.colorTexture(), image.width(), image.height());
        listener.onFrame(frame, parameters, image);
    }

    /** The image this output draws into (valid until closed). */
    public Framebuffer image() {
        return image;
    }

    public OutputSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        renderer.close();
        image.close();
    }
}
