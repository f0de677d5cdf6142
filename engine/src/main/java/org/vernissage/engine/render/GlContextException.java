package org.vernissage.engine.render;

/**
 * No usable OpenGL context could be made: no display, no EGL, or a driver that refuses every
 * version we ask for. The message says what is missing and how to get it, in one line.
 *
 * <p>Thrown on the render thread while the context is being created.
 */
public class GlContextException extends Exception {

    private static final long serialVersionUID = 1L;

    public GlContextException(String message) {
        super(message);
    }

    public GlContextException(String message, Throwable cause) {
        super(message, cause);
    }
}
