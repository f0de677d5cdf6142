package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.glfw.GLFW.GLFW_EGL_CONTEXT_API;
import static org.lwjgl.glfw.GLFW.GLFW_PLATFORM_NULL;
import static org.lwjgl.glfw.GLFW.glfwSetWindowShouldClose;
import static org.lwjgl.glfw.GLFW.glfwSetWindowSize;
import static org.lwjgl.opengl.GL11C.GL_NO_ERROR;
import static org.lwjgl.opengl.GL11C.GL_RGBA;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.glGetError;
import static org.lwjgl.opengl.GL11C.glPixelStorei;
import static org.lwjgl.opengl.GL11C.glReadPixels;
import static org.lwjgl.opengl.GL11C.GL_PACK_ALIGNMENT;
import static org.lwjgl.opengl.GL30C.GL_READ_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.MemoryUtil;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.pipeline.SnapshotExchange;

/**
 * A real GLFW window, on GLFW's null platform (no display server needed) with an EGL context:
 * the window output letterboxes the canvas into the window's framebuffer, follows a window resize
 * through GLFW's framebuffer-size callback while the canvas keeps its size, and ends the run when
 * the window is asked to close. Runs in the suite: the null platform needs only Mesa's EGL, like
 * every other GL test here.
 */
class WindowOutputTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 36;

    @TempDir
    Path temp;

    /** What the window showed after a frame, read back from its default framebuffer. */
    private record Shown(long frame, int canvasWidth, int windowWidth, int windowHeight, RgbaImage pixels) {
    }

    @Test
    void theWindowShowsTheCanvasLetterboxedAndFollowsAResize() throws Exception {
        // The GL entry points come through EGL, as for the headless tests in this JVM.
        Configuration.OPENGL_CONTEXT_API.set("EGL");
        ArtworkManifest manifest = TestArtworkFolder.create(temp, "quadrants", "main.frag", "[]")
                .file("main.frag", """
                        uniform vec2 RENDERSIZE;
                        out vec4 fragColor;
                        void main() {
                            vec2 uv = gl_FragCoord.xy / RENDERSIZE;
                            fragColor = vec4(uv.x < 0.5 ? 1.0 : 0.0, uv.y < 0.5 ? 1.0 : 0.0, 0.0, 1.0);
                        }
                        """).load();
        List<Shown> shown = new ArrayList<>();
        // The null platform's EGL surface keeps the size the window opened with: open it larger than
        // it will be resized to, so that what the output draws after the resize can be read back.
        try (GlfwWindowContext window = GlfwWindowContext.open(GLFW_PLATFORM_NULL, GLFW_EGL_CONTEXT_API, "test",
                2 * WIDTH, 2 * HEIGHT, -1)) {
            WindowOutput output = new WindowOutput(window);
            Output readBack = new Output() {
                @Override
                public String description() {
                    return "read back";
                }

                @Override
                public void present(org.vernissage.engine.artwork.FrameInfo frame,
                                    org.vernissage.engine.pipeline.ParameterSnapshot parameters, Framebuffer canvas) {
                    shown.add(new Shown(frame.index(), canvas.width(), output.windowWidth(), output.windowHeight(),
                            readWindow(output.windowWidth(), output.windowHeight())));
                    if (frame.index() == 0) {
                        glfwSetWindowSize(window.handle(), 100, 50); // seen at the next poll
                    } else if (frame.index() == 2) {
                        glfwSetWindowShouldClose(window.handle(), true);
                    }
                }
            };
            RenderLoop loop = RenderLoop.builder(window, new FragmentShaderArtwork(manifest, manifest.layout()),
                    new SnapshotExchange(new float[0]), new SteppedPacer(new ManualClock(0), 30), WIDTH, HEIGHT)
                    .output(output).output(readBack).build();

            loop.run(100);

            assertEquals(GL_NO_ERROR, glGetError());
            assertEquals(1, output.windowResizes());
        }

        assertEquals(3, shown.size(), "the run ended when the window was asked to close");
        Shown first = shown.get(0);
        assertEquals(128, first.windowWidth());
        // Same shape, twice the size: the canvas fills the window; quadrants as drawn.
        assertColour(first.pixels(), 16, 8, 255, 0);
        assertColour(first.pixels(), 112, 60, 0, 255);

        Shown resized = shown.get(1);
        assertEquals(100, resized.windowWidth());
        assertEquals(50, resized.windowHeight());
        assertEquals(WIDTH, resized.canvasWidth(), "the canvas keeps the artwork's size");
        // 64x36 in 100x50: 89x50, 5 columns of black on each side.
        assertColour(resized.pixels(), 2, 25, 0, 0);
        assertColour(resized.pixels(), 97, 25, 0, 0);
        assertColour(resized.pixels(), 10, 5, 255, 0);
        assertColour(resized.pixels(), 90, 45, 0, 255);
    }

    /** The window's default framebuffer as a top-down image (before the next frame overwrites it). */
    private static RgbaImage readWindow(int width, int height) {
        ByteBuffer pixels = MemoryUtil.memAlloc(width * height * 4);
        try {
            glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
            return RgbaImage.fromGlRows(pixels, width, height);
        } finally {
            MemoryUtil.memFree(pixels);
        }
    }

    private static void assertColour(RgbaImage image, int x, int y, int red, int green) {
        assertTrue(Math.abs(image.channel(x, y, 0) - red) <= 2 && Math.abs(image.channel(x, y, 1) - green) <= 2
                && image.channel(x, y, 2) <= 2, "at (" + x + ", " + y + ") expected red " + red + " green " + green
                + ", found " + image.channel(x, y, 0) + ", " + image.channel(x, y, 1) + ", " + image.channel(x, y, 2));
    }
}
