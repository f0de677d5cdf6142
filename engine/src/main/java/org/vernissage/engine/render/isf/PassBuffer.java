package org.vernissage.engine.render.isf;

import static org.lwjgl.opengl.GL30C.*;

import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.TargetFormat;
import org.vernissage.engine.render.TextureImage;

/**
 * The buffer an ISF pass with a {@code TARGET} draws into. A persistent one is two framebuffers
 * used in turn (ping-pong): the pass draws into one while the shader samples the other, which
 * holds the previous frame, so the buffer keeps its content across frames without ever reading
 * and writing one texture at once. A plain one is a single framebuffer.
 *
 * <p>As a {@link TextureImage} it is what the shader samples: the image last drawn. Render thread
 * only; owned by the {@link IsfArtwork} that made it. Remade (content cleared) when its size
 * changes.
 */
final class PassBuffer implements TextureImage, AutoCloseable {

    private final boolean persistent;
    private final TargetFormat format;
    private Framebuffer front;
    private Framebuffer back;

    PassBuffer(boolean persistent, TargetFormat format, int width, int height) {
        this.persistent = persistent;
        this.format = format;
        allocate(width, height);
    }

    private void allocate(int width, int height) {
        front = cleared(width, height);
        back = persistent ? cleared(width, height) : front;
    }

    private Framebuffer cleared(int width, int height) {
        Framebuffer buffer = new Framebuffer(width, height, format);
        glBindTexture(GL_TEXTURE_2D, buffer.colorTexture());
        Samplers.clampLinear();
        glBindTexture(GL_TEXTURE_2D, 0);
        buffer.bind();
        glClearColor(0f, 0f, 0f, 0f);
        glClear(GL_COLOR_BUFFER_BIT);
        return buffer;
    }

    /** Remakes the buffer when its size is not {@code width x height}; true when it did. */
    boolean resize(int width, int height) {
        if (width == front.width() && height == front.height()) {
            return false;
        }
        close();
        allocate(width, height);
        return true;
    }

    /** Binds the framebuffer the pass draws into (for a persistent buffer, not the one sampled). */
    void bindForDrawing() {
        back.bind();
    }

    /** After the pass: what it drew becomes what is sampled. */
    void drawn() {
        Framebuffer drawn = back;
        back = front;
        front = drawn;
    }

    /** The framebuffer holding the image last drawn, for copying it to the frame. */
    int framebufferId() {
        return front.framebufferId();
    }

    @Override
    public int textureId() {
        return front.colorTexture();
    }

    @Override
    public int width() {
        return front.width();
    }

    @Override
    public int height() {
        return front.height();
    }

    @Override
    public void close() {
        front.close();
        if (back != front) {
            back.close();
        }
    }
}
