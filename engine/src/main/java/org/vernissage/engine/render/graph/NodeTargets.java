package org.vernissage.engine.render.graph;

import static org.lwjgl.opengl.GL30C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL30C.GL_DRAW_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.GL_LINEAR;
import static org.lwjgl.opengl.GL30C.GL_READ_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;
import static org.lwjgl.opengl.GL30C.glBlitFramebuffer;
import static org.lwjgl.opengl.GL30C.glClear;
import static org.lwjgl.opengl.GL30C.glClearColor;

import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.TargetFormat;

/**
 * The images one node of a render graph draws into: one {@link Framebuffer}, or two for a node
 * with feedback, swapped every frame (ping-pong) so the node samples last frame's image while it
 * draws this frame's ({@link GraphNode} shows them to others as images that follow the swaps).
 *
 * <p>Content persists across frames (a feedback node sees what it drew, not a cleared image). A
 * resize keeps it: the new images get the old ones scaled with linear filtering, so a trail
 * survives a canvas resize instead of flashing to black.
 *
 * <p>Render thread only, with the GL context current; owned by the {@link RenderGraph}.
 */
final class NodeTargets implements AutoCloseable {

    private final TargetFormat format;
    private final boolean feedback;
    private Framebuffer current;
    private Framebuffer other;

    NodeTargets(int width, int height, TargetFormat format, boolean feedback) {
        this.format = format;
        this.feedback = feedback;
        this.current = cleared(new Framebuffer(width, height, format));
        try {
            this.other = feedback ? cleared(new Framebuffer(width, height, format)) : null;
        } catch (RuntimeException e) {
            current.close();
            throw e;
        }
    }

    private static Framebuffer cleared(Framebuffer target) {
        target.bind();
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
        return target;
    }

    /** Starts a frame: with feedback, last frame's image becomes {@link #previous()}. */
    void beginFrame() {
        if (feedback) {
            Framebuffer drawn = current;
            current = other;
            other = drawn;
        }
    }

    /** Where the node draws this frame. */
    Framebuffer target() {
        return current;
    }

    /** Last frame's image (a feedback node's); without feedback, the same as {@link #target()}. */
    Framebuffer previousFrame() {
        return other == null ? current : other;
    }

    boolean feedback() {
        return feedback;
    }

    TargetFormat format() {
        return format;
    }

    int width() {
        return current.width();
    }

    int height() {
        return current.height();
    }

    /**
     * Remakes the images at a new size, their content scaled into the new ones. When the driver
     * refuses a new image, the old ones stay and the exception goes on.
     */
    void resize(int width, int height) {
        if (width == current.width() && height == current.height()) {
            return;
        }
        Framebuffer newCurrent = scaledCopy(current, width, height);
        Framebuffer newOther;
        try {
            newOther = other == null ? null : scaledCopy(other, width, height);
        } catch (RuntimeException e) {
            newCurrent.close();
            throw e;
        }
        close();
        current = newCurrent;
        other = newOther;
    }

    private Framebuffer scaledCopy(Framebuffer from, int width, int height) {
        Framebuffer to = new Framebuffer(width, height, format);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, from.framebufferId());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to.framebufferId());
        glBlitFramebuffer(0, 0, from.width(), from.height(), 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_LINEAR);
        return to;
    }

    @Override
    public void close() {
        current.close();
        if (other != null) {
            other.close();
        }
    }
}
