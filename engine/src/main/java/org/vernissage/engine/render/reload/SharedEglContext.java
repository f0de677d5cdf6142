package org.vernissage.engine.render.reload;

import static org.lwjgl.egl.EGL15.EGL_CONFIG_ID;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MAJOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MINOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK;
import static org.lwjgl.egl.EGL15.EGL_NONE;
import static org.lwjgl.egl.EGL15.EGL_NO_CONTEXT;
import static org.lwjgl.egl.EGL15.EGL_NO_SURFACE;
import static org.lwjgl.egl.EGL15.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL15.eglBindAPI;
import static org.lwjgl.egl.EGL15.eglChooseConfig;
import static org.lwjgl.egl.EGL15.eglCreateContext;
import static org.lwjgl.egl.EGL15.eglGetCurrentContext;
import static org.lwjgl.egl.EGL15.eglGetCurrentDisplay;
import static org.lwjgl.egl.EGL15.eglGetError;
import static org.lwjgl.egl.EGL15.eglMakeCurrent;
import static org.lwjgl.egl.EGL15.eglQueryContext;
import static org.lwjgl.opengl.GL30C.GL_MAJOR_VERSION;
import static org.lwjgl.opengl.GL30C.GL_MINOR_VERSION;
import static org.lwjgl.opengl.GL30C.glGetInteger;

import java.util.Optional;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.MemoryStack;

/**
 * A second EGL context in the share group of the render thread's context, made current on
 * another thread (the hot reload's build thread) without a surface: programs it links are usable
 * by the render context. Framebuffers and vertex arrays are not shared (GL container objects), so
 * the build thread makes its own.
 *
 * <p>{@link #ofCurrent} on the render thread with its context current; {@link #makeCurrent} and
 * {@link #release} on the build thread. Never destroyed (see {@code HotReload}'s closing): owned
 * by the {@link HotReload} that made it, then by the process.
 */
final class SharedEglContext {

    private final long display;
    private final long context;
    private final GLCapabilities capabilities;

    private SharedEglContext(long display, long context, GLCapabilities capabilities) {
        this.display = display;
        this.context = context;
        this.capabilities = capabilities;
    }

    /**
     * A context sharing objects with the one current on this thread; empty when that one is not
     * an EGL context (a GLFW window on GLX) or EGL refuses: the caller then builds on the render
     * thread.
     */
    static Optional<SharedEglContext> ofCurrent() {
        try {
            if (EGL.getFunctionProvider() == null) {
                return Optional.empty();
            }
        } catch (RuntimeException | LinkageError noEgl) {
            return Optional.empty();
        }
        long display = eglGetCurrentDisplay();
        long current = eglGetCurrentContext();
        if (current == EGL_NO_CONTEXT) {
            return Optional.empty();
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            int[] configId = new int[1];
            if (!eglQueryContext(display, current, EGL_CONFIG_ID, configId)) {
                return Optional.empty();
            }
            PointerBuffer configs = stack.mallocPointer(1);
            int[] count = new int[1];
            if (!eglChooseConfig(display, new int[] {EGL_CONFIG_ID, configId[0], EGL_NONE}, configs, count)
                    || count[0] == 0) {
                return Optional.empty();
            }
            long shared = eglCreateContext(display, configs.get(0), current, new int[] {
                EGL_CONTEXT_MAJOR_VERSION, glGetInteger(GL_MAJOR_VERSION),
                EGL_CONTEXT_MINOR_VERSION, glGetInteger(GL_MINOR_VERSION),
                EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                EGL_NONE});
            if (shared == EGL_NO_CONTEXT) {
                return Optional.empty();
            }
            return Optional.of(new SharedEglContext(display, shared, GL.getCapabilities()));
        }
    }

    /** Build thread: makes this context current there, surfaceless. */
    void makeCurrent() {
        eglBindAPI(EGL_OPENGL_API);
        if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
            throw new IllegalStateException("EGL could not make the hot reload's shared context current (error 0x"
                    + Integer.toHexString(eglGetError()) + ")");
        }
        // Same driver, same context version: the render thread's function table serves here too.
        GL.setCapabilities(capabilities);
    }

    /** Build thread: leaves no context current there. */
    void release() {
        GL.setCapabilities(null);
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    }
}
