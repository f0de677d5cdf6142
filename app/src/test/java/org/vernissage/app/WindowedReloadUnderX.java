package org.vernissage.app;

import static org.lwjgl.opengl.GL11C.GL_BACK;
import static org.lwjgl.opengl.GL11C.GL_RGBA;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.glReadBuffer;
import static org.lwjgl.opengl.GL11C.glReadPixels;
import static org.lwjgl.opengl.GL30C.GL_READ_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lwjgl.BufferUtils;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.Framebuffer;

/**
 * The child process of {@link WindowedReloadXvfbTest}: on the X display in {@code DISPLAY}, a
 * windowed {@code vernissage run} of the tidewater copy in {@code args[0]} (its window's context is
 * GLX), whose shader is saved {@code args[1]} times while it plays, each save with a constant no
 * cache has seen and blue forced to 1. Prints what the test checks: {@code console} lines (the
 * banner), {@code blue before B} and {@code blue after B} (the blue of the window's centre pixel
 * before the first save and after the last reload), {@code longest frame gap MS} (the longest time
 * between two frames from the first save on: the frame that takes a reload pays its build and first
 * draw), and the run's {@code statistics} lines.
 */
public final class WindowedReloadUnderX {

    static final int WIDTH = 64;
    static final int HEIGHT = 36;
    static final String LAST_LINE = "    fragColor = vec4(color, 1.0);";

    private WindowedReloadUnderX() {
    }

    /** The window's centre pixel as last presented, 0xRRGGBB; -1 before a frame. The render thread writes it. */
    private static volatile int shown = -1;
    /** Set by the main thread before the first save: from then on the render thread keeps the longest gap. */
    private static volatile boolean saving;
    /** The longest time between two frames' listener calls since the first save. The render thread writes it. */
    private static volatile long longestGapNanos;

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int saves = Integer.parseInt(args[1]);
        Path shader = folder.resolve("tidewater.frag");
        String original = Files.readString(shader);
        if (!original.contains(LAST_LINE)) {
            throw new IllegalStateException(shader + " no longer has the line this test edits: " + LAST_LINE);
        }
        RunOptions options = RunOptions.defaults(folder)
                .withOutput(new OutputOptions(false, new FrameSize(WIDTH, HEIGHT), -1, Optional.empty()))
                .withOsc("127.0.0.1", 0).withFramesPerSecond(30);
        try (BackgroundRun background = BackgroundRun.start(options, List.of(new FrontBufferCentre()))) {
            Await.until(() -> shown != -1, "a frame in the window");
            int before = shown & 0xff;
            saving = true;
            for (int k = 1; k <= saves; k++) {
                Files.writeString(shader, original.replace(LAST_LINE, String.format(Locale.ROOT,
                        "    fragColor = vec4(color.r, color.g * %.6f, 1.0, 1.0);", 1.0 - k * 1e-4)));
                int reloads = k;
                Await.until(() -> reloaded(background, reloads), "reload " + k + " in the statistics");
            }
            Await.until(() -> (shown & 0xff) == 0xff, "the edited shader's blue in the window");
            System.out.println("blue before " + before);
            System.out.println("blue after " + (shown & 0xff));
            System.out.printf(Locale.ROOT, "longest frame gap %.1f ms%n", longestGapNanos / 1e6);
            for (String line : background.console().split("\n")) {
                System.out.println("console " + line);
            }
            for (String line : background.run().report().lines()) {
                System.out.println("statistics " + line);
            }
        }
    }

    private static boolean reloaded(BackgroundRun background, int reloads) {
        String prefix = "hot reload: " + reloads + " reload";
        return background.run().report().lines().stream().anyMatch(line -> line.startsWith(prefix));
    }

    /**
     * Times each frame against the one before, and reads the window's back buffer before each frame's outputs: what the window output blitted
     * there for the frame before and presented (the front buffer of Mesa's software GLX, read
     * through the X server, comes back black on Xvfb). Render thread, the window's context current.
     */
    private static final class FrontBufferCentre implements FrameListener {
        private final ByteBuffer pixel = BufferUtils.createByteBuffer(4);
        private long lastNanos;

        @Override
        public void onFrame(FrameInfo frame, ParameterSnapshot parameters, Framebuffer image) {
            long now = System.nanoTime();
            if (saving && lastNanos != 0) {
                // The frame that takes a reload builds the program and draws it first: llvmpipe's JIT.
                longestGapNanos = Math.max(longestGapNanos, now - lastNanos);
            }
            lastNanos = now;
            if (frame.index() == 0) {
                return; // nothing presented yet
            }
            glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
            glReadBuffer(GL_BACK);
            glReadPixels(WIDTH / 2, HEIGHT / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
            shown = (pixel.get(0) & 0xff) << 16 | (pixel.get(1) & 0xff) << 8 | (pixel.get(2) & 0xff);
        }
    }
}
