package org.vernissage.engine.render.output;

/**
 * Where one output of a venue shows its picture: a window, a monitor filled (by GLFW's index or by
 * a part of its name), or an offscreen image (tests, previews, a headless rehearsal of the venue).
 *
 * <p>Immutable.
 */
public sealed interface Placement {

    /** A window of {@code width} x {@code height} at {@code x}, {@code y} on the desktop. */
    record Window(int x, int y, int width, int height) implements Placement {
    }

    /**
     * A monitor filled at its current video mode: by index (from 0, GLFW's order) when
     * {@code name} is empty, else the first monitor whose name contains {@code name}.
     */
    record Fullscreen(int index, String name) implements Placement {
    }

    /** An image of {@code width} x {@code height} in a framebuffer: no display needed. */
    record Offscreen(int width, int height) implements Placement {
    }

    /** Whether this placement needs a display (a window or a monitor). */
    default boolean needsDisplay() {
        return !(this instanceof Offscreen);
    }
}
