package org.vernissage.engine.render.reload;

import static org.lwjgl.opengl.GL11C.GL_RENDERER;
import static org.lwjgl.opengl.GL11C.GL_RGBA;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.GL_VENDOR;
import static org.lwjgl.opengl.GL11C.glFinish;
import static org.lwjgl.opengl.GL11C.glGetString;
import static org.lwjgl.opengl.GL11C.glReadPixels;
import static org.lwjgl.opengl.GL11C.glViewport;
import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.lwjgl.BufferUtils;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.FullscreenTriangle;
import org.vernissage.engine.render.GlContext;
import org.vernissage.engine.render.GlfwWindowContext;
import org.vernissage.engine.render.ShaderProgram;

/**
 * The child process of {@link EglBesideGlxXvfbTest}: on the X display in {@code DISPLAY}, a GLFW
 * window (a GLX context, as a windowed run's) draws and swaps frame after frame on the main thread,
 * its back buffer read and checked each frame, while another thread opens unshared EGL surfaceless
 * contexts, builds a program no earlier one had, draws it into a framebuffer and checks its pixels
 * ({@code args[0]} contexts, each drawing {@code args[1]} programs). Prints
 * {@code window RENDERER|VENDOR}, {@code warm RENDERER|VENDOR}, and
 * {@code frames N warm-draws M wrong-window W wrong-warm X} (N: the window's frames while the other
 * thread was at work; W and X: pixels read back that were not the ones drawn); exits 1 on anything thrown.
 */
public final class EglBesideGlxUnderX {

    private EglBesideGlxUnderX() {
    }

    private static String shader(float red, float green) {
        return """
                #version 330 core
                out vec4 fragColor;
                void main() { fragColor = vec4(%s, %s, 0.25, 1.0); }
                """.formatted(red, green);
    }

    public static void main(String[] args) throws Exception {
        int contexts = Integer.parseInt(args[0]);
        int drawsEach = Integer.parseInt(args[1]);
        int side = 64;
        try (GlContext window = GlfwWindowContext.open("egl beside glx", side, side, -1)) {
            System.out.println("window " + glGetString(GL_RENDERER) + "|" + glGetString(GL_VENDOR));
            AtomicReference<Throwable> warmFailed = new AtomicReference<>();
            int[] warmCounts = new int[2]; // draws, wrong pixels: written by the warm thread, read after join
            Thread warm = new Thread(() -> {
                try {
                    warmLoop(contexts, drawsEach, warmCounts);
                } catch (Throwable t) {
                    warmFailed.set(t);
                }
            }, "warm");
            ByteBuffer pixel = BufferUtils.createByteBuffer(4);
            long frames = 0;
            long framesBeside = 0; // drawn while the warm thread was at work
            long wrongWindow = 0;
            try (FullscreenTriangle triangle = new FullscreenTriangle()) {
                warm.start();
                while (warm.isAlive() || frames < 10) {
                    if (warm.isAlive()) {
                        framesBeside++;
                    }
                    float red = (frames % 5) / 5f;
                    try (ShaderProgram program = ShaderProgram.build(FullscreenTriangle.VERTEX_SHADER,
                            shader(red, 0.5f), "window", UnaryOperator.identity())) {
                        window.pollEvents();
                        glBindFramebuffer(GL_FRAMEBUFFER, 0);
                        glViewport(0, 0, window.surfaceWidth(), window.surfaceHeight());
                        program.use();
                        triangle.draw();
                        glFinish();
                        glReadPixels(side / 2, side / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
                        if (!close(pixel.get(0), red) || !close(pixel.get(1), 0.5f)) {
                            wrongWindow++;
                        }
                        window.swapBuffers();
                        frames++;
                    }
                }
                warm.join();
            }
            if (warmFailed.get() != null) {
                warmFailed.get().printStackTrace(System.out);
                System.exit(1);
            }
            System.out.println("frames " + framesBeside + " warm-draws " + warmCounts[0] + " wrong-window " + wrongWindow
                    + " wrong-warm " + warmCounts[1]);
        }
    }

    private static void warmLoop(int contexts, int drawsEach, int[] counts) throws Exception {
        ByteBuffer pixel = BufferUtils.createByteBuffer(4);
        int made = 0;
        for (int c = 0; c < contexts; c++) {
            try (EglSurfacelessContext context = EglSurfacelessContext.open(32, 32)) {
                if (c == 0) {
                    System.out.println("warm " + glGetString(GL_RENDERER) + "|" + glGetString(GL_VENDOR));
                }
                for (int d = 0; d < drawsEach; d++) {
                    float green = (made++ % 97) / 97f;
                    try (Framebuffer target = new Framebuffer(32, 32);
                         FullscreenTriangle triangle = new FullscreenTriangle();
                         ShaderProgram program = ShaderProgram.build(FullscreenTriangle.VERTEX_SHADER,
                                 shader(0.75f, green) + "// " + System.nanoTime() + "\n", "warm",
                                 UnaryOperator.identity())) {
                        target.bind();
                        program.use();
                        triangle.draw();
                        glFinish();
                        glReadPixels(16, 16, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
                        counts[0]++;
                        if (!close(pixel.get(0), 0.75f) || !close(pixel.get(1), green)) {
                            counts[1]++;
                        }
                    }
                }
            }
        }
    }

    private static boolean close(byte channel, float expected) {
        return Math.abs((channel & 0xff) - expected * 255) <= 1.5;
    }
}
