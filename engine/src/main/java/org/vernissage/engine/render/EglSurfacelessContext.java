package org.vernissage.engine.render;

import static org.lwjgl.egl.EGL10.EGL_ALPHA_SIZE;
import static org.lwjgl.egl.EGL10.EGL_BLUE_SIZE;
import static org.lwjgl.egl.EGL10.EGL_GREEN_SIZE;
import static org.lwjgl.egl.EGL10.EGL_NONE;
import static org.lwjgl.egl.EGL10.EGL_NO_CONTEXT;
import static org.lwjgl.egl.EGL10.EGL_NO_SURFACE;
import static org.lwjgl.egl.EGL10.EGL_RED_SIZE;
import static org.lwjgl.egl.EGL10.EGL_SURFACE_TYPE;
import static org.lwjgl.egl.EGL10.eglChooseConfig;
import static org.lwjgl.egl.EGL10.eglDestroyContext;
import static org.lwjgl.egl.EGL10.eglGetError;
import static org.lwjgl.egl.EGL10.eglInitialize;
import static org.lwjgl.egl.EGL10.eglMakeCurrent;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL12.eglBindAPI;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MAJOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MINOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK;
import static org.lwjgl.egl.EGL15.eglCreateContext;

import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11C;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.MemoryStack;

/**
 * A headless OpenGL core context through EGL: no X server, no window, no pbuffer, made current
 * without a surface. The display comes from {@link EglHeadlessDisplay} (Mesa's surfaceless
 * platform, or an EGL device). Frames are drawn into framebuffer objects and read back.
 *
 * <p>The EGL display is never terminated: a platform display is one per process, shared by every
 * context on it, and {@code eglTerminate} would pull it from under any other context (a second
 * output, the next run in the same JVM). Closing releases and destroys only this context.
 *
 * <p>Created, used and closed on the render thread, which owns it.
 */
public final class EglSurfacelessContext implements GlContext {

    private static final String INSTALL_HINT =
            "install Mesa's EGL (Debian/Ubuntu: apt-get install libegl1 libegl-mesa0 libgl1-mesa-dri)";

    private final long display;
    private final long context;
    private final int width;
    private final int height;
    private final String description;

    private EglSurfacelessContext(long display, long context, int width, int height, String description) {
        this.display = display;
        this.context = context;
        this.width = width;
        this.height = height;
        this.description = description;
    }

    /** Opens a context for frames of {@code width} x {@code height} and makes it current. */
    public static EglSurfacelessContext open(int width, int height) throws GlContextException {
        // Must precede the first use of the GL class: load GL entry points through EGL, not GLX.
        Configuration.OPENGL_CONTEXT_API.set("EGL");
        loadEgl();
        EglHeadlessDisplay.Found found = EglHeadlessDisplay.find(INSTALL_HINT);
        long display = found.display();
        try (MemoryStack stack = MemoryStack.stackPush()) {
            if (!eglInitialize(display, stack.mallocInt(1), stack.mallocInt(1))) {
                throw new GlContextException("EGL could not initialise Mesa's surfaceless display (error 0x"
                        + Integer.toHexString(eglGetError()) + "); " + INSTALL_HINT);
            }
        }
        if (!eglBindAPI(EGL_OPENGL_API)) {
            throw new GlContextException("this EGL cannot create desktop OpenGL contexts; " + INSTALL_HINT);
        }
        long config = chooseConfig(display);
        for (GlVersion version : GlVersion.PREFERRED) {
            long context = createContext(display, config, version);
            if (context != EGL_NO_CONTEXT) {
                if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
                    int error = eglGetError();
                    eglDestroyContext(display, context);
                    throw new GlContextException("EGL could not make an OpenGL " + version
                            + " context current without a surface (error 0x" + Integer.toHexString(error)
                            + "); " + INSTALL_HINT);
                }
                GL.createCapabilities();
                String renderer = GL11C.glGetString(GL11C.GL_RENDERER);
                return new EglSurfacelessContext(display, context, width, height,
                        "headless EGL (" + found.platform().cliName() + " platform), OpenGL " + version + " core (" + renderer + ")");
            }
        }
        throw new GlContextException("the EGL driver refused OpenGL " + GlVersion.PREFERRED
                + " core contexts; Vernissage needs OpenGL 3.3 core");
    }

    private static void loadEgl() throws GlContextException {
        try {
            // The first touch of EGL loads libEGL in its static initialiser: keep it inside the try.
            if (EGL.getFunctionProvider() == null) {
                EGL.create();
            }
        } catch (RuntimeException | LinkageError missing) {
            throw new GlContextException("no EGL library (libEGL.so.1) for headless rendering; " + INSTALL_HINT,
                    missing);
        }
    }

    private static long chooseConfig(long display) throws GlContextException {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            int[] attributes = {
                EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                EGL_SURFACE_TYPE, 0, // surfaceless: the config never backs a surface
                EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
                EGL_NONE
            };
            PointerBuffer configs = stack.mallocPointer(1);
            int[] count = new int[1];
            if (!eglChooseConfig(display, attributes, configs, count) || count[0] == 0) {
                throw new GlContextException("EGL offers no 8-bit RGBA OpenGL config; " + INSTALL_HINT);
            }
            return configs.get(0);
        }
    }

    private static long createContext(long display, long config, GlVersion version) {
        int[] attributes = {
            EGL_CONTEXT_MAJOR_VERSION, version.major(),
            EGL_CONTEXT_MINOR_VERSION, version.minor(),
            EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
            EGL_NONE
        };
        return eglCreateContext(display, config, EGL_NO_CONTEXT, attributes);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean headless() {
        return true;
    }

    @Override
    public int surfaceWidth() {
        return width;
    }

    @Override
    public int surfaceHeight() {
        return height;
    }

    @Override
    public void pollEvents() {
        // no window, no events
    }

    @Override
    public boolean closeRequested() {
        return false;
    }

    @Override
    public void swapBuffers() {
        // nothing to show: frames leave through captures
    }

    @Override
    public void close() {
        GL.setCapabilities(null);
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display, context);
    }
}
