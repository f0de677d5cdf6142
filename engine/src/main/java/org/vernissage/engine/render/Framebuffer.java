package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL30C.*;

import java.nio.ByteBuffer;

/**
 * An offscreen image the artwork draws every frame into (RGBA8 for the canvas): the same path
 * whether the frame then goes to a window, a projector or only to a capture, so headless output
 * equals what a window shows.
 *
 * <p>Render thread only, with its GL context current; owned by the render loop.
 */
public final class Framebuffer implements RenderTarget, AutoCloseable {

    private final int width;
    private final int height;
    private final TargetFormat format;
    private final int framebuffer;
    private final int colorTexture;
    private final BufferAddresses addresses = new BufferAddresses();

    /** An RGBA8 image: what screens and PNG files take. */
    public Framebuffer(int width, int height) {
        this(width, height, TargetFormat.RGBA8);
    }

    public Framebuffer(int width, int height, TargetFormat format) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a framebuffer needs at least 1x1 pixels, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.format = format;
        this.colorTexture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, colorTexture);
        glTexImage2D(GL_TEXTURE_2D, 0, format.internalFormat(), width, height, 0, GL_RGBA, format.componentType(),
                (ByteBuffer) null);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glBindTexture(GL_TEXTURE_2D, 0);

        this.framebuffer = glGenFramebuffers();
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colorTexture, 0);
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            close();
            throw new IllegalStateException("the driver cannot render into a " + width + "x" + height
                    + " " + format + " framebuffer (status 0x" + Integer.toHexString(status) + ")");
        }
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public TargetFormat format() {
        return format;
    }

    @Override
    public int framebufferId() {
        return framebuffer;
    }

    @Override
    public int colorTexture() {
        return colorTexture;
    }

    /** Makes this the target of subsequent draws, with a matching viewport. */
    @Override
    public void bind() {
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glViewport(0, 0, width, height);
    }

    /**
     * Copies the image into {@code target} as RGBA bytes, rows bottom-up as GL stores them.
     * {@code target} needs {@code width * height * 4} bytes from its position.
     *
     * @throws IllegalArgumentException when it has fewer: GL would write past its end
     */
    public void readPixels(ByteBuffer target) {
        int bytes = width * height * 4;
        if (target.remaining() < bytes) {
            throw new IllegalArgumentException("reading a " + width + "x" + height + " frame needs " + bytes
                    + " bytes, the buffer has " + target.remaining());
        }
        glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        nglReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, addresses.of(target) + target.position());
    }

    @Override
    public void close() {
        glDeleteFramebuffers(framebuffer);
        glDeleteTextures(colorTexture);
    }
}
