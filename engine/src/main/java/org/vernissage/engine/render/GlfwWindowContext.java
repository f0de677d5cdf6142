package org.vernissage.engine.render;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.system.MemoryUtil.NULL;

import org.lwjgl.PointerBuffer;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.glfw.GLFWVidMode;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11C;

/**
 * A window (or a fullscreen output on a chosen monitor) with an OpenGL core context, through
 * GLFW. The artwork still draws into an offscreen framebuffer of the requested size, which a
 * {@link WindowOutput} scales onto the window: a projector's resolution never changes how the
 * piece is composed.
 *
 * <p>Created, used and closed on the render thread, which owns it. GLFW wants that to be the
 * process's main thread on some platforms; the launcher runs the render loop there.
 */
public final class GlfwWindowContext implements GlContext {

    private final long window;
    private final String description;
    private final int[] framebufferWidth = new int[1];
    private final int[] framebufferHeight = new int[1];
    private final GLFWErrorCallback errors;
    private final GlVersion version;
    private final int contextApi;

    private GlfwWindowContext(long window, String description, GLFWErrorCallback errors, GlVersion version,
                              int contextApi) {
        this.window = window;
        this.description = description;
        this.errors = errors;
        this.version = version;
        this.contextApi = contextApi;
    }

    /**
     * Opens a window of {@code width} x {@code height}, or a fullscreen output on monitor
     * {@code monitor} (0 = primary) when {@code monitor >= 0}.
     */
    public static GlfwWindowContext open(String title, int width, int height, int monitor)
            throws GlContextException {
        // Probe only the display server the session names: probing Wayland under X11 makes
        // libwayland print noise to the console.
        boolean wayland = System.getenv("WAYLAND_DISPLAY") != null;
        return open(wayland ? GLFW_PLATFORM_WAYLAND : GLFW_PLATFORM_X11, GLFW_NATIVE_CONTEXT_API, title, width, height,
                monitor);
    }

    /**
     * Opens a hidden window whose context the run renders with while the venue's windows, each
     * sharing this context's objects ({@link #openSharedWindow}), show the outputs: no window of the
     * run's own appears besides the venue's.
     */
    public static GlfwWindowContext openHidden(String title) throws GlContextException {
        boolean wayland = System.getenv("WAYLAND_DISPLAY") != null;
        return openHidden(wayland ? GLFW_PLATFORM_WAYLAND : GLFW_PLATFORM_X11, GLFW_NATIVE_CONTEXT_API, title);
    }

    /** As {@link #openHidden(String)} on a chosen GLFW platform and context API (tests). */
    public static GlfwWindowContext openHidden(int platform, int contextApi, String title) throws GlContextException {
        return open(platform, contextApi, title, 64, 64, -2);
    }

    /**
     * As {@link #open(String, int, int, int)} on a chosen GLFW platform and context API: tests open
     * a window on GLFW's null platform (no display) with an EGL context.
     */
    static GlfwWindowContext open(int platform, int contextApi, String title, int width, int height, int monitor)
            throws GlContextException {
        StringBuilder lastError = new StringBuilder();
        GLFWErrorCallback errors = GLFWErrorCallback.create((code, description) -> {
            lastError.setLength(0);
            lastError.append(GLFWErrorCallback.getDescription(description));
        });
        glfwSetErrorCallback(errors);
        if (glfwPlatformSupported(platform)) {
            glfwInitHint(GLFW_PLATFORM, platform);
        }
        if (!glfwInit()) {
            release(errors);
            throw new GlContextException("no display to open a window on (" + lastError
                    + "); run with --headless to render without one");
        }
        boolean hidden = monitor == -2;
        long target = monitor < 0 ? NULL : monitorAt(monitor, errors);
        for (GlVersion version : GlVersion.PREFERRED) {
            glfwDefaultWindowHints();
            glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, version.major());
            glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, version.minor());
            glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
            glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
            glfwWindowHint(GLFW_CONTEXT_CREATION_API, contextApi);
            glfwWindowHint(GLFW_VISIBLE, hidden ? GLFW_FALSE : GLFW_TRUE);
            int windowWidth = width;
            int windowHeight = height;
            if (target != NULL) {
                GLFWVidMode mode = glfwGetVideoMode(target);
                windowWidth = mode.width();
                windowHeight = mode.height();
                glfwWindowHint(GLFW_REFRESH_RATE, mode.refreshRate());
            }
            long window = glfwCreateWindow(windowWidth, windowHeight, title, target, NULL);
            if (window != NULL) {
                glfwMakeContextCurrent(window);
                // Tear-free on projectors; the pacer sets the rate. A hidden window is never swapped.
                glfwSwapInterval(hidden ? 0 : 1);
                GL.createCapabilities();
                if (target != NULL) {
                    glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
                }
                String where = hidden ? "hidden window (the venue's windows share its context)"
                        : target == NULL ? "window" : "fullscreen on monitor " + monitor;
                return new GlfwWindowContext(window, where + ", OpenGL " + version + " core ("
                        + GL11C.glGetString(GL11C.GL_RENDERER) + ")", errors, version, contextApi);
            }
        }
        glfwTerminate();
        release(errors);
        throw new GlContextException("the display's OpenGL driver refused OpenGL " + GlVersion.PREFERRED
                + " core (" + lastError + "); Vernissage needs OpenGL 3.3 core, or use --headless");
    }

    private static long monitorAt(int index, GLFWErrorCallback errors) throws GlContextException {
        PointerBuffer monitors = glfwGetMonitors();
        int count = monitors == null ? 0 : monitors.limit();
        if (index >= count) {
            glfwTerminate();
            release(errors);
            throw new GlContextException("--fullscreen=" + index + ": no such monitor; " + count
                    + " connected (numbered from 0)");
        }
        return monitors.get(index);
    }

    private static void release(GLFWErrorCallback errors) {
        glfwSetErrorCallback(null);
        errors.free();
    }

    /** The GLFW window, for the {@link WindowOutput} that presents to it. */
    public long handle() {
        return window;
    }

    /**
     * Opens another window (or fills {@code monitor}, when not {@code NULL}) whose context shares
     * this one's objects (textures, buffers, programs; not vertex arrays or framebuffers, which GL
     * never shares), with the same OpenGL version and context API. The caller owns the window and
     * destroys it before this context closes. Render thread; leaves this context current.
     *
     * @return the GLFW window, or {@code NULL} when GLFW refused (its error callback says why)
     */
    public long openSharedWindow(String title, int width, int height, long monitor) {
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, version.major());
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, version.minor());
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_CONTEXT_CREATION_API, contextApi);
        long shared = glfwCreateWindow(width, height, title, monitor, window);
        glfwMakeContextCurrent(window);
        return shared;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean headless() {
        return false;
    }

    @Override
    public int surfaceWidth() {
        glfwGetFramebufferSize(window, framebufferWidth, framebufferHeight);
        return framebufferWidth[0];
    }

    @Override
    public int surfaceHeight() {
        glfwGetFramebufferSize(window, framebufferWidth, framebufferHeight);
        return framebufferHeight[0];
    }

    @Override
    public void pollEvents() {
        glfwPollEvents();
    }

    @Override
    public boolean closeRequested() {
        return glfwWindowShouldClose(window);
    }

    @Override
    public void swapBuffers() {
        glfwSwapBuffers(window);
    }

    @Override
    public void close() {
        GL.setCapabilities(null);
        glfwDestroyWindow(window);
        glfwTerminate();
        release(errors);
    }
}
