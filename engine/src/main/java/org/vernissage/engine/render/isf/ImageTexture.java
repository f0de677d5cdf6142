package org.vernissage.engine.render.isf;

import static org.lwjgl.opengl.GL30C.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.lwjgl.system.MemoryUtil;
import org.vernissage.engine.render.RgbaImage;
import org.vernissage.engine.render.TextureImage;

/**
 * A still image file (PNG, JPEG: what {@code javax.imageio} reads) as an RGBA8 texture, loaded
 * once, upright in ISF's coordinates (normalised (0, 0) is the image's bottom-left corner).
 *
 * <p>Render thread only (it uploads); owned by the artwork that loaded it. Reads the disk: at
 * setup or reload, never while drawing.
 */
final class ImageTexture implements TextureImage, AutoCloseable {

    private final int texture;
    private final int width;
    private final int height;

    private ImageTexture(int texture, int width, int height) {
        this.texture = texture;
        this.width = width;
        this.height = height;
    }

    /** @throws IOException when the file is missing or not an image ImageIO can read */
    static ImageTexture load(Path file) throws IOException {
        return upload(RgbaImage.readPng(file));
    }

    /** A 1x1 transparent black image: what an image input samples until something is bound. */
    static ImageTexture blank() {
        return upload(new RgbaImage(1, 1, new byte[4]));
    }

    private static ImageTexture upload(RgbaImage image) {
        int w = image.width();
        int h = image.height();
        ByteBuffer pixels = MemoryUtil.memAlloc(w * h * 4);
        try {
            // GL's rows start at the bottom; an image file's at the top.
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 4; c++) {
                        pixels.put(((h - 1 - y) * w + x) * 4 + c, (byte) image.channel(x, y, c));
                    }
                }
            }
            int texture = glGenTextures();
            glBindTexture(GL_TEXTURE_2D, texture);
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
            Samplers.clampLinear();
            glBindTexture(GL_TEXTURE_2D, 0);
            return new ImageTexture(texture, w, h);
        } finally {
            MemoryUtil.memFree(pixels);
        }
    }

    @Override
    public int textureId() {
        return texture;
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
    public void close() {
        glDeleteTextures(texture);
    }
}
