package org.vernissage.engine.render.output;

import static org.lwjgl.opengl.GL11C.*;

import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.RgbaImage;

/** Test canvases filled from Java arithmetic, and reading images back. Render thread, context current. */
final class Canvases {

    /** A pixel's RGB value (same in every channel) at (x, y), y from the top. */
    @FunctionalInterface
    interface Grey {
        int at(int x, int y);
    }

    private Canvases() {
    }

    /** A canvas of {@code width} x {@code height} whose pixels are {@code grey}. */
    static Framebuffer filled(int width, int height, Grey grey) {
        Framebuffer canvas = new Framebuffer(width, height);
        ByteBuffer pixels = MemoryUtil.memAlloc(width * height * 4);
        try {
            for (int glRow = 0; glRow < height; glRow++) {
                int y = height - 1 - glRow;
                for (int x = 0; x < width; x++) {
                    byte v = (byte) grey.at(x, y);
                    pixels.put(v).put(v).put(v).put((byte) 255);
                }
            }
            pixels.flip();
            glBindTexture(GL_TEXTURE_2D, canvas.colorTexture());
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
            glBindTexture(GL_TEXTURE_2D, 0);
        } finally {
            MemoryUtil.memFree(pixels);
        }
        return canvas;
    }

    /** Reads {@code image} back, top row first. */
    static RgbaImage read(Framebuffer image) {
        ByteBuffer pixels = MemoryUtil.memAlloc(image.width() * image.height() * 4);
        try {
            image.readPixels(pixels);
            return RgbaImage.fromGlRows(pixels, image.width(), image.height());
        } finally {
            MemoryUtil.memFree(pixels);
        }
    }
}
