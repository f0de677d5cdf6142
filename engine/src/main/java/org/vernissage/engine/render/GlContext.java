package org.vernissage.engine.render;

/**
 * An OpenGL 3.3+ core context and, for a window, the surface it presents to.
 *
 * <p>Created, used and closed on the render thread only; the render thread owns it. Every GL call
 * in the engine happens on that thread while this context is current.
 */
public interface GlContext extends AutoCloseable {

    /** A short description for logs, e.g. "headless EGL, OpenGL 4.5 (llvmpipe)". */
    String description();

    /** True when there is no window: frames exist only in framebuffers and captures. */
    boolean headless();

    /** Width of the default framebuffer in pixels (for headless, the requested frame width). */
    int surfaceWidth();

    int surfaceHeight();

    /** Handles window events; a headless context has none. */
    void pollEvents();

    /** True once the user asked to close the window (never, headless). */
    boolean closeRequested();

    /** Shows the default framebuffer; a no-op headless. */
    void swapBuffers();

    @Override
    void close();
}
