package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL11C.GL_RGBA;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.glReadPixels;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.BufferUtils;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.reload.HotReload;
import org.vernissage.osc.OscWriter;

/**
 * The hot reload in a live {@code vernissage run}: on by default, a save shows in the frames, a
 * broken save is in the statistics with its file and line, the value OSC gave a parameter (held by
 * the conductor) survives; {@code --no-reload} leaves the files alone. The runs are headless EGL,
 * so each save is first warmed in the cache warmer's own context: its counts are in the
 * statistics, and its context and thread are gone when the run ends.
 */
class ReloadPartTest {

    private static final int SIZE = 32;

    @TempDir
    Path temp;

    /** The centre pixel of the newest frame, as 0xRRGGBB; written on the render thread. */
    private volatile int centre = -1;

    private final FrameListener grabber = new FrameListener() {
        private final ByteBuffer pixel = BufferUtils.createByteBuffer(4);

        @Override
        public void onFrame(org.vernissage.engine.artwork.FrameInfo frame,
                            org.vernissage.engine.pipeline.ParameterSnapshot parameters,
                            org.vernissage.engine.render.Framebuffer image) {
            image.bind();
            glReadPixels(SIZE / 2, SIZE / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
            centre = (pixel.get(0) & 0xff) << 16 | (pixel.get(1) & 0xff) << 8 | (pixel.get(2) & 0xff);
        }
    };

    private Path piece() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("piece"));
        Files.writeString(folder.resolve("artwork.json"), """
                {"title": "Reloaded", "artist": "Test", "year": 2026, "description": "Edited while it plays.",
                 "shader": "main.frag",
                 "parameters": [{"name": "level", "type": "float", "min": 0, "max": 1, "default": 0.2}],
                 "osc": [{"address": "/piece/level", "parameter": "level"}]}
                """);
        Files.writeString(folder.resolve("main.frag"), shader("0.0"));
        return folder;
    }

    private static String shader(String blue) {
        return """
                uniform float level;
                out vec4 fragColor;
                void main() { fragColor = vec4(level, 1.0, %s, 1.0); }
                """.formatted(blue);
    }

    private static int rgb(double r, double g, double b) {
        return (int) Math.round(r * 255) << 16 | (int) Math.round(g * 255) << 8 | (int) Math.round(b * 255);
    }

    private RunOptions options(Path folder) {
        return RunOptions.defaults(folder).withSize(new FrameSize(SIZE, SIZE)).withOsc("127.0.0.1", 0)
                .withFramesPerSecond(60);
    }

    @Test
    void aSaveShowsABrokenSaveIsReportedAndTheConductorsValueSurvives() throws Exception {
        Path folder = piece();
        try (BackgroundRun background = BackgroundRun.start(options(folder), List.of(grabber));
             DatagramChannel osc = DatagramChannel.open()) {
            ByteBuffer packet = ByteBuffer.allocate(64);
            int length = new OscWriter().wrap(packet).message("/piece/level").f(0.6f).end().length();
            osc.send(packet.limit(length), new InetSocketAddress("127.0.0.1", background.run().oscPort()));
            Await.until(() -> centre == rgb(0.6, 1.0, 0.0), "the value sent over OSC on the wall");

            Files.writeString(folder.resolve("main.frag"), shader("1.0"));
            Await.until(() -> centre == rgb(0.6, 1.0, 1.0), "the edited shader on the wall, with the value OSC gave");

            Files.writeString(folder.resolve("main.frag"), shader("1.0").replace("out vec4", "out vec4 vec4"));
            Await.until(() -> background.run().report().lines().stream().anyMatch(line -> line.contains("failing now")),
                    "the broken save in the statistics");
            String line = background.run().report().lines().stream().filter(l -> l.startsWith("hot reload:"))
                    .findFirst().orElseThrow();
            assertTrue(line.contains("1 reload, 1 failed") && line.contains("main.frag:2"), line);
            assertEquals(rgb(0.6, 1.0, 1.0), centre, "the last good image stays");
            assertTrue(background.console().contains("hot reload on"), background.console());
            assertTrue(background.console().contains("each save warmed off the render thread first"),
                    "headless EGL with Mesa's disk cache: the warmer is on; " + background.console());
            assertWarmed(background);
        }
        assertNoReloadThreadLeft();
    }

    /** The good save was drawn in the warmer's context, the broken one failed there, unreported (the reload reported it). */
    private static void assertWarmed(BackgroundRun background) {
        List<String> lines = background.run().report().lines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("hot reload: warmed off the render thread: 1 (1 failed)")),
                "the warmer's counts: " + lines);
    }

    /** The watcher's thread, where the warm context was current, ended with the run. */
    private static void assertNoReloadThreadLeft() {
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(thread -> thread.getName().equals(HotReload.THREAD_NAME) && thread.isAlive()),
                "no hot reload (warmer) thread left after the run");
    }

    @Test
    void noReloadLeavesTheRunAlone() throws Exception {
        Path folder = piece();
        try (BackgroundRun background = BackgroundRun.start(options(folder).withReload(false), List.of(grabber))) {
            Await.until(() -> centre == rgb(0.2, 1.0, 0.0), "the first frames");
            Files.writeString(folder.resolve("main.frag"), shader("1.0"));
            Thread.sleep(500); // five times the debounce
            assertEquals(rgb(0.2, 1.0, 0.0), centre, "no reload with --no-reload");
            assertFalse(background.console().contains("hot reload"), background.console());
            assertTrue(background.run().report().lines().stream().noneMatch(l -> l.startsWith("hot reload")));
        }
    }

    private static String isf(String blue) {
        return """
                /*{"ISFVSN": "2", "INPUTS": [{"NAME": "level", "TYPE": "float", "DEFAULT": 0.2, "MIN": 0, "MAX": 1}]}*/
                void main() { gl_FragColor = vec4(level, 1.0, %s, 1.0); }
                """.formatted(blue);
    }

    @Test
    void aLoneIsfFileReloadsWhenSavedAndItsOscValueSurvives() throws Exception {
        Path file = temp.resolve("lone.fs");
        Files.writeString(file, isf("0.0"));
        try (BackgroundRun background = BackgroundRun.start(options(file), List.of(grabber));
             DatagramChannel osc = DatagramChannel.open()) {
            ByteBuffer packet = ByteBuffer.allocate(64);
            int length = new OscWriter().wrap(packet).message("/vernissage/lone/level").f(0.6f).end().length();
            osc.send(packet.limit(length), new InetSocketAddress("127.0.0.1", background.run().oscPort()));
            Await.until(() -> centre == rgb(0.6, 1.0, 0.0), "the value sent to the input's own address on the wall");

            Files.writeString(file, isf("1.0"));
            Await.until(() -> centre == rgb(0.6, 1.0, 1.0), "the edited ISF file on the wall, with the value OSC gave");

            Files.writeString(file, isf("1.0").replace("void main()", "void main("));
            Await.until(() -> background.run().report().lines().stream().anyMatch(line -> line.contains("failing now")),
                    "the broken save in the statistics");
            String line = background.run().report().lines().stream().filter(l -> l.startsWith("hot reload:"))
                    .findFirst().orElseThrow();
            assertTrue(line.contains("1 reload, 1 failed") && line.contains("lone.fs:2"), line);
            assertEquals(rgb(0.6, 1.0, 1.0), centre, "the last good image stays");
            assertWarmed(background);
        }
        assertNoReloadThreadLeft();
    }
}
