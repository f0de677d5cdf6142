package org.vernissage.engine.render;

import static org.lwjgl.glfw.GLFW.glfwGetFramebufferSize;
import static org.lwjgl.glfw.GLFW.glfwSetFramebufferSizeCallback;

import org.lwjgl.glfw.GLFWFramebufferSizeCallback;
import org.lwjgl.glfw.GLFWFramebufferSizeCallbackI;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * Shows the canvas (or a region of it) in the GLFW window or on the fullscreen monitor the run's
 * context was opened with: blitted to the window's current framebuffer size, letterboxed, then
 * swapped. When the window is resized, GLFW's framebuffer-size callback gives the new size and the
 * next frame is placed for it; the canvas keeps the artwork's size (a resize of the canvas is
 * work posted to the render loop's mailbox, not a side effect of dragging a window).
 *
 * <p>Render thread only: GLFW calls the callback from {@code glfwPollEvents}, which the render
 * loop calls on that thread, so the size fields have one writer and one reader on one thread.
 * Owned by the render loop, which closes it (removing the callback) before the context closes.
 */
public final class WindowOutput implements Output {

    private final GlfwWindowContext window;
    private final CanvasRegion region;
    private final RegionBlit blit = new RegionBlit();
    private final GLFWFramebufferSizeCallback resized;
    private int width;
    private int height;
    private long resizes;

    /** The whole canvas in {@code window}. */
    public WindowOutput(GlfwWindowContext window) {
        this(window, CanvasRegion.FULL);
    }

    public WindowOutput(GlfwWindowContext window, CanvasRegion region) {
        this.window = window;
        this.region = region;
        int[] w = new int[1];
        int[] h = new int[1];
        glfwGetFramebufferSize(window.handle(), w, h);
        this.width = w[0];
        this.height = h[0];
        GLFWFramebufferSizeCallbackI onResize = (handle, newWidth, newHeight) -> framebufferResized(newWidth, newHeight);
        this.resized = GLFWFramebufferSizeCallback.create(onResize);
        glfwSetFramebufferSizeCallback(window.handle(), resized);
    }

    private void framebufferResized(int newWidth, int newHeight) {
        width = newWidth;
        height = newHeight;
        resizes++;
    }

    @Override
    public String description() {
        return window.description() + ", " + region.describe();
    }

    @Override
    public CanvasRegion region() {
        return region;
    }

    @Override
    public void present(FrameInfo frame, ParameterSnapshot parameters, Framebuffer canvas) {
        if (width > 0 && height > 0) { // 0 x 0 while minimised: nothing to draw on
            blit.place(region, canvas.width(), canvas.height(), width, height);
            blit.blit(canvas.framebufferId(), 0);
        }
        window.swapBuffers();
    }

    @Override
    public boolean closeRequested() {
        return window.closeRequested();
    }

    /** The window's framebuffer size as last reported, and how often it changed. */
    public int windowWidth() {
        return width;
    }

    public int windowHeight() {
        return height;
    }

    public long windowResizes() {
        return resizes;
    }

    @Override
    public void close() {
        glfwSetFramebufferSizeCallback(window.handle(), null);
        resized.free();
    }
}
