package org.vernissage.engine.render.graph;

import static org.lwjgl.opengl.GL30C.GL_FLOAT;
import static org.lwjgl.opengl.GL30C.GL_READ_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.GL_RGBA;
import static org.lwjgl.opengl.GL30C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL30C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;
import static org.lwjgl.opengl.GL30C.glBindTexture;
import static org.lwjgl.opengl.GL30C.glGetTexImage;
import static org.lwjgl.opengl.GL30C.glPixelStorei;
import static org.lwjgl.opengl.GL30C.glReadPixels;
import static org.lwjgl.opengl.GL30C.GL_PACK_ALIGNMENT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.TextureImage;

/**
 * A headless GL context for one test class of the graph (JUnit runs a class's tests on one thread,
 * which is then the render thread), and pixel reads in GL's own coordinates (origin bottom left).
 */
final class GraphGl implements BeforeAllCallback, AfterAllCallback {

    private EglSurfacelessContext context;

    EglSurfacelessContext context() {
        return context;
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws Exception {
        context = EglSurfacelessContext.open(64, 64);
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (context != null) {
            context.close();
        }
    }

    /** The RGBA8 pixel at ({@code x}, {@code y}), y from the bottom. */
    static int[] pixel(Framebuffer image, int x, int y) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, image.framebufferId());
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        byte[] rgba = new byte[4];
        var buffer = java.nio.ByteBuffer.allocateDirect(4);
        glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, buffer);
        buffer.get(rgba);
        return new int[] {rgba[0] & 0xff, rgba[1] & 0xff, rgba[2] & 0xff, rgba[3] & 0xff};
    }

    /** The float texel at ({@code x}, {@code y}) of a float image, y from the bottom. */
    static float[] texel(TextureImage image, int x, int y) {
        float[] all = new float[image.width() * image.height() * 4];
        glBindTexture(GL_TEXTURE_2D, image.textureId());
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_FLOAT, all);
        glBindTexture(GL_TEXTURE_2D, 0);
        int at = 4 * (y * image.width() + x);
        return new float[] {all[at], all[at + 1], all[at + 2], all[at + 3]};
    }

    /** Writes a text file, making its folder. */
    static Path write(Path folder, String name, String text) {
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} in 0..1 as an 8-bit channel, as GL stores it. */
    static int byteOf(double value) {
        return (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
    }
}
