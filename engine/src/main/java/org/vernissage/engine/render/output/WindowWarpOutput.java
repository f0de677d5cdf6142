package org.vernissage.engine.render.output;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;
import static org.lwjgl.opengl.GL11C.glFlush;

import org.lwjgl.glfw.GLFWFramebufferSizeCallback;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.Output;
import org.vernissage.engine.render.ShaderBuildException;

/**
 * A venue output in a GLFW window (or a monitor filled) of its own, whose context shares the run's
 * objects: each frame it makes its context current, draws the canvas texture (shared) warped and
 * blended into the window's framebuffer, swaps, and makes the run's context current again. The
 * canvas is flushed in the run's context first: GL makes a shared object's changes visible in
 * another context only after a flush there and a bind here.
 *
 * <p>Only one of a venue's windows swaps with vsync ({@link VenueOutputs} picks the last one
 * presented): each window waiting for a vertical blank in turn would divide the frame rate by the
 * number of windows. The others swap at once, so their frames are queued by the time the last
 * swap waits; on one GPU driving several projectors from one clock, that keeps them in step.
 *
 * <p>Render thread only; the window's framebuffer-size callback runs there too (from
 * {@code glfwPollEvents}). Owned by the render loop, which closes it (renderer, callback, window)
 * before the run's context closes.
 */
public final class WindowWarpOutput implements Output {

    /** Sees the window's back buffer after the draw, before the swap: tests read pixels there. */
    @FunctionalInterface
    public interface BeforeSwap {
        void drawn(WindowWarpOutput output, int width, int height);
    }

    private final OutputSettings settings;
    private final long window;
    private final long runWindow;
    private final GLCapabilities capabilities;
    private final GLCapabilities runCapabilities;
    private final WarpRenderer renderer;
    private final GLFWFramebufferSizeCallback resized;
    private final String description;
    private BeforeSwap beforeSwap;
    private int width;
    private int height;

    /**
     * Takes over {@code window} (made by {@link VenueOutputs} sharing the context of
     * {@code runWindow}, which is current now and again on return).
     */
    WindowWarpOutput(OutputSettings settings, long window, long runWindow, boolean vsync, String where)
            throws ShaderBuildException {
        this.settings = settings;
        this.window = window;
        this.runWindow = runWindow;
        this.runCapabilities = GL.getCapabilities();
        int[] w = new int[1];
        int[] h = new int[1];
        glfwGetFramebufferSize(window, w, h);
        width = w[0];
        height = h[0];
        glfwMakeContextCurrent(window);
        try {
            capabilities = GL.createCapabilities();
            glfwSwapInterval(vsync ? 1 : 0);
            renderer = new WarpRenderer(settings); // its vertex array belongs to this window's context
        } finally {
            glfwMakeContextCurrent(runWindow);
            GL.setCapabilities(runCapabilities);
        }
        resized = GLFWFramebufferSizeCallback.create((handle, newWidth, newHeight) -> {
            width = newWidth;
            height = newHeight;
        });
        glfwSetFramebufferSizeCallback(window, resized);
        description = "output " + settings.number() + " \"" + settings.name() + "\" " + where + (vsync ? ", vsync" : "")
                + ", warped and blended";
    }

    /** Sets the test hook called after each draw, before the swap (null for none). */
    public void beforeSwap(BeforeSwap hook) {
        this.beforeSwap = hook;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void present(FrameInfo frame, ParameterSnapshot parameters, Framebuffer canvas) {
        glFlush(); // the canvas drawn in the run's context, visible to this window's
        glfwMakeContextCurrent(window);
        GL.setCapabilities(capabilities);
        try {
            if (width > 0 && height > 0) { // 0 x 0 while minimised
                glBindFramebuffer(GL_FRAMEBUFFER, 0);
                renderer.draw(canvas.colorTexture(), width, height);
                if (beforeSwap != null) {
                    beforeSwap.drawn(this, width, height);
                }
            }
            glfwSwapBuffers(window);
        } finally {
            glfwMakeContextCurrent(runWindow);
            GL.setCapabilities(runCapabilities);
        }
    }

    @Override
    public boolean closeRequested() {
        return glfwWindowShouldClose(window);
    }

    public OutputSettings settings() {
        return settings;
    }

    /** The GLFW window (tests). */
    public long window() {
        return window;
    }

    public int windowWidth() {
        return width;
    }

    public int windowHeight() {
        return height;
    }

    @Override
    public void close() {
        glfwMakeContextCurrent(window);
        GL.setCapabilities(capabilities);
        renderer.close();
        glfwMakeContextCurrent(runWindow);
        GL.setCapabilities(runCapabilities);
        glfwSetFramebufferSizeCallback(window, null);
        resized.free();
        glfwDestroyWindow(window);
    }
}
