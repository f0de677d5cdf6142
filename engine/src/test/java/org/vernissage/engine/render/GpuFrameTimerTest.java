package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL11C.glFinish;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.pipeline.SnapshotExchange;

/**
 * The GPU time of real frames on the headless context (Mesa's llvmpipe here, which has timer
 * queries): added up over the frames, read only when the driver says a result is available, never
 * waited for.
 */
class GpuFrameTimerTest {

    @RegisterExtension
    static final HeadlessGl GL = new HeadlessGl(64);

    /** Enough work per pixel that llvmpipe takes milliseconds a frame, so a result is late to be ready. */
    private static final String HEAVY = """
            uniform float TIME;
            uniform vec2 RENDERSIZE;
            out vec4 fragColor;
            void main() {
                vec2 uv = gl_FragCoord.xy / RENDERSIZE;
                float v = 0.0;
                for (int i = 0; i < 400; i++) {
                    v += sin(uv.x * float(i) + TIME) * cos(uv.y * float(i));
                }
                fragColor = vec4(fract(v), uv, 1.0);
            }
            """;

    @TempDir
    Path temp;

    private FragmentShaderArtwork heavy() throws Exception {
        ArtworkManifest manifest = TestArtworkFolder.create(temp, "heavy", "main.frag", "[]")
                .file("main.frag", HEAVY).load();
        return new FragmentShaderArtwork(manifest, manifest.layout());
    }

    @Test
    void theFramesGpuTimeAddsUp() throws Exception {
        GpuFrameTimer timer = new GpuFrameTimer();
        assertTrue(timer.supported(), "this context (" + timer.renderer() + ") should have timer queries");
        int frames = 60;
        long wallStart = System.nanoTime();
        RenderLoop.builder(GL.context(), heavy(), new SnapshotExchange(new float[0]),
                        new SteppedPacer(new ManualClock(0), 60), 128, 128)
                .gpuTimer(timer)
                .output(new HeadlessOutput()) // glFinish: each result is ready by the next frame
                .build().run(frames);
        long wall = System.nanoTime() - wallStart;

        System.out.printf("GPU time: %d frames timed, %.3f ms per frame on %s%n", timer.timedFrames(),
                timer.gpuNanos() / 1e6 / timer.timedFrames(), timer.renderer());
        // llvmpipe's first query of a context starts at 0 (a result of the time since boot): dropped.
        assertTrue(timer.rejectedFrames() <= 1, "rejected " + timer.rejectedFrames());
        assertEquals(frames, timer.timedFrames() + timer.rejectedFrames(),
                "every finished frame's result is read, the last at close");
        assertEquals(0, timer.untimedFrames());
        assertEquals(0, timer.unread());
        assertTrue(timer.gpuNanos() > 0, "GPU time " + timer.gpuNanos());
        assertTrue(timer.gpuNanos() < wall, "GPU time " + timer.gpuNanos() + " ns, more than the run's " + wall);
    }

    @Test
    void aResultIsReadWhenAvailableNeverWaitedFor() throws Exception {
        GpuFrameTimer timer = new GpuFrameTimer();
        int frames = 12;
        long[] timedWhenShown = new long[frames];
        RenderLoop.builder(GL.context(), heavy(), new SnapshotExchange(new float[0]),
                        new SteppedPacer(new ManualClock(0), 60), 256, 256)
                .gpuTimer(timer)
                .output(FrameListenerOutput.of("timer watch", (frame, parameters, canvas) -> {
                    timedWhenShown[(int) frame.index()] = timer.timedFrames();
                    if (frame.index() == frames - 1) {
                        glFinish(); // the last frame: everything done, so close reads every result
                    }
                }))
                .build().run(frames);

        // Frame 1 began right after frame 0 was handed to the GPU, with no finish between: frame
        // 0's time cannot have been ready, and a timer that waited for it would have it counted.
        assertEquals(0, timedWhenShown[1], "frame 1 waited for frame 0's GPU time");
        assertEquals(frames, timer.timedFrames() + timer.rejectedFrames() + timer.untimedFrames() + timer.unread());
        assertEquals(0, timer.unread(), "after the last frame's finish, close reads every result");
        assertTrue(timer.timedFrames() > 0);
        assertTrue(timer.gpuNanos() > 0);
    }
}
