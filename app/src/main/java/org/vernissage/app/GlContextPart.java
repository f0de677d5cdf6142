package org.vernissage.app;

import java.util.Optional;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.GlContext;
import org.vernissage.engine.render.GlContextException;
import org.vernissage.engine.render.GlfwWindowContext;

/**
 * The OpenGL context frames are drawn with: headless (EGL, no display needed), a window, or a
 * monitor filled. Opened current on the thread preparing the run, which renders.
 *
 * <p>Render thread only: opened, used and closed there. Owned by the run's {@link RunParts}.
 */
final class GlContextPart implements RunPart {

    private final GlContext context;

    private GlContextPart(GlContext context) {
        this.context = context;
    }

    /**
     * Opens the context {@code output} asks for; a window is titled after the artwork. With
     * {@code venue} (the frames go to a venue's outputs) a run with a display renders in a hidden
     * window whose context the venue's windows share: no window of its own appears.
     */
    static GlContextPart open(OutputOptions output, String artworkTitle, boolean venue)
            throws GlContextException {
        FrameSize size = output.size();
        if (output.headless()) {
            return new GlContextPart(EglSurfacelessContext.open(size.width(), size.height()));
        }
        if (venue) {
            return new GlContextPart(GlfwWindowContext.openHidden("Vernissage: " + artworkTitle));
        }
        return new GlContextPart(GlfwWindowContext.open("Vernissage: " + artworkTitle, size.width(), size.height(),
                output.fullscreenMonitor()));
    }

    GlContext context() {
        return context;
    }

    @Override
    public Optional<String> banner() {
        return Optional.of(context.description());
    }

    @Override
    public void close() {
        context.close();
    }
}
