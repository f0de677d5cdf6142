package org.vernissage.engine.render.output;

import static org.lwjgl.glfw.GLFW.GLFW_NATIVE_CONTEXT_API;
import static org.lwjgl.glfw.GLFW.GLFW_PLATFORM_X11;
import static org.lwjgl.glfw.GLFW.GLFW_VISIBLE;
import static org.lwjgl.glfw.GLFW.glfwGetWindowAttrib;
import static org.lwjgl.opengl.GL11C.*;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lwjgl.system.MemoryUtil;
import org.vernissage.engine.render.CanvasRegion;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.GlfwWindowContext;
import org.vernissage.engine.render.Output;
import org.vernissage.engine.render.RgbaImage;

/**
 * The child process of {@link TwoWindowsXvfbTest}: on the X display in {@code DISPLAY}, opens the
 * run's hidden context and a venue of two windows and one fullscreen output sharing it, presents a few frames of a canvas
 * drawn in the hidden context (two windows and the screen filled), and prints what each window's
 * back buffer held before its swap:
 * {@code window N WIDTHxHEIGHT visible=V vsync=S row=v0,v1,...} (the green channel of the middle row).
 */
public final class TwoWindowsUnderX {

    static final int CANVAS_WIDTH = 100;
    static final int HEIGHT = 50;
    static final int WINDOW_WIDTH = 60;

    private TwoWindowsUnderX() {
    }

    static int source(int y) {
        return 40 + (int) Math.round(200.0 * y / (HEIGHT - 1));
    }

    public static void main(String[] args) throws Exception {
        try (GlfwWindowContext run = GlfwWindowContext.openHidden(GLFW_PLATFORM_X11, GLFW_NATIVE_CONTEXT_API, "test")) {
            Venue venue = new Venue(List.of(
                    new OutputSpec("left", new Placement.Window(0, 0, WINDOW_WIDTH, HEIGHT), new CanvasRegion(0, 0, 0.6, 1),
                            CornerPin.IDENTITY, MeshWarp.identity(2, 2), new EdgeBlend(0, 1 / 3.0, 0, 0, 2.2, 2), false),
                    new OutputSpec("right", new Placement.Window(WINDOW_WIDTH + 10, 0, WINDOW_WIDTH, HEIGHT),
                            new CanvasRegion(0.4, 0, 0.6, 1), CornerPin.IDENTITY, MeshWarp.identity(2, 2),
                            new EdgeBlend(1 / 3.0, 0, 0, 0, 2.2, 2), false),
                    new OutputSpec("wall", new Placement.Fullscreen(0, ""), CanvasRegion.FULL, CornerPin.IDENTITY,
                            MeshWarp.identity(2, 2), EdgeBlend.NONE, false)));
            VenueOutputs outputs = new VenueOutputs(Path.of(args[0]), venue);
            List<Output> built = outputs.build(run, settings -> null);
            RgbaImage[] shown = new RgbaImage[built.size()];
            for (int i = 0; i < built.size(); i++) {
                int index = i;
                ((WindowWarpOutput) built.get(i)).beforeSwap((output, width, height) -> shown[index] = readBack(width, height));
            }
            try (Framebuffer canvas = Canvases.filled(CANVAS_WIDTH, HEIGHT, (x, y) -> source(y))) {
                for (int frame = 0; frame < 3; frame++) {
                    run.pollEvents();
                    for (Output output : built) {
                        output.present(null, null, canvas);
                    }
                }
            }
            for (int i = 0; i < built.size(); i++) {
                WindowWarpOutput window = (WindowWarpOutput) built.get(i);
                List<String> row = new ArrayList<>();
                for (int x = 0; x < shown[i].width(); x++) {
                    row.add(Integer.toString(shown[i].channel(x, shown[i].height() / 2, 1)));
                }
                System.out.println("window " + (i + 1) + " " + window.windowWidth() + "x" + window.windowHeight()
                        + " visible=" + glfwGetWindowAttrib(window.window(), GLFW_VISIBLE)
                        + " vsync=" + window.description().contains("vsync") + " row=" + String.join(",", row));
            }
            for (Output output : built.reversed()) {
                output.close();
            }
            outputs.close();
        }
    }

    private static RgbaImage readBack(int width, int height) {
        ByteBuffer pixels = MemoryUtil.memAlloc(width * height * 4);
        try {
            glReadBuffer(GL_BACK);
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
            return RgbaImage.fromGlRows(pixels, width, height);
        } finally {
            MemoryUtil.memFree(pixels);
        }
    }
}
