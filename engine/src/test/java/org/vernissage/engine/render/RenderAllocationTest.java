package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.SnapshotExchange;

/**
 * The render thread allocates nothing per frame once warm: latch, marker, mailbox drain, update,
 * render (every parameter type, the built-ins, the touch array), outputs (headless finish, a
 * region preview, a capture-like pixel read), statistics, the GPU timer's queries. Measured with the JVM's per-thread
 * allocation counter, read on the render thread at the end of every frame; the figure is the least
 * of several windows of frames, so that a one-off (a JIT deoptimisation, a first log line) does not
 * hide what every frame does, and a single allocating frame in each window still fails.
 *
 * <p>To see the figure: {@code mvn -pl engine -am test -Dtest=RenderAllocationTest
 * -Dsurefire.failIfNoSpecifiedTests=false} and look for "render thread:" in the output.
 */
class RenderAllocationTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 36;
    private static final int WARM_UP_FRAMES = 1_500;
    private static final int WINDOW = 250;
    private static final int WINDOWS = 4;

    @RegisterExtension
    static final HeadlessGl GL = new HeadlessGl(WIDTH);

    @TempDir
    Path temp;

    /** Like a capture's render-thread half: reads every frame's pixels into a reused buffer. */
    private static final class PixelReader implements FrameListener {
        private final ByteBuffer pixels = ByteBuffer.allocateDirect(WIDTH * HEIGHT * 4);
        long frames;

        @Override
        public void onFrame(FrameInfo frame, ParameterSnapshot parameters, Framebuffer image) {
            pixels.clear();
            image.readPixels(pixels);
            frames++;
        }
    }

    /** Remembers the latest mark in fields, as a marker that hands it on must: no capture, no box. */
    private static final class LatestMark implements FrameMarker {
        long frames;
        long nextFrameNanos;

        @Override
        public void frameLatched(long frameIndex, long frameNanos, long next, ParameterSnapshot latched) {
            frames++;
            nextFrameNanos = next;
        }
    }

    @Test
    void steadyStateFramesAllocateNothingOnTheRenderThread() throws Exception {
        ArtworkManifest manifest = TestArtworkFolder.create(temp, "allocation", "main.frag", """
                [{"name": "level", "type": "float", "min": 0, "max": 1, "default": 0.5},
                 {"name": "count", "type": "int", "min": 0, "max": 8, "default": 3},
                 {"name": "on", "type": "bool", "default": true},
                 {"name": "focus", "type": "vec2", "min": 0, "max": 1, "default": [0.5, 0.5]},
                 {"name": "wind", "type": "vec3", "min": -1, "max": 1, "default": [0, 0, 1]},
                 {"name": "tint", "type": "color", "default": [1, 0.5, 0.25, 1]}]""")
                .file("main.frag", """
                        uniform float level;
                        uniform int count;
                        uniform bool on;
                        uniform vec2 focus;
                        uniform vec3 wind;
                        uniform vec4 tint;
                        uniform float TIME;
                        uniform vec2 RENDERSIZE;
                        uniform int FRAMEINDEX;
                        uniform int TOUCH_COUNT;
                        uniform vec4 TOUCHES[8];
                        out vec4 fragColor;
                        void main() {
                            vec2 uv = gl_FragCoord.xy / RENDERSIZE;
                            float touch = TOUCH_COUNT > 0 ? TOUCHES[0].x : 0.0;
                            float wave = sin(TIME + float(FRAMEINDEX % 7) + uv.x * float(count)) * level;
                            fragColor = on ? tint * (0.5 + 0.5 * wave) + vec4(focus, wind.z + touch, 0.0)
                                           : vec4(wind, 1.0);
                        }
                        """).load();
        ParameterLayout layout = manifest.layout();
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        SnapshotExchange snapshots = new SnapshotExchange(defaults);
        AllocationProbe probe = new AllocationProbe(WARM_UP_FRAMES, WINDOW, WINDOWS);
        int frames = probe.framesNeeded();
        PixelReader capture = new PixelReader();
        LatestMark marker = new LatestMark();
        FrameStats stats = new FrameStats();
        GpuFrameTimer gpuTimer = new GpuFrameTimer(); // as a run has it: timer queries every frame
        RenderLoop loop = RenderLoop.builder(GL.context(), new FragmentShaderArtwork(manifest, layout), snapshots,
                        new SteppedPacer(new ManualClock(0), 60), WIDTH, HEIGHT)
                .stats(stats)
                .marker(marker)
                .gpuTimer(gpuTimer)
                .output(FrameListenerOutput.ofSize("capture", capture, WIDTH, HEIGHT))
                .output(new OffscreenOutput("preview", new CanvasRegion(0.25, 0.25, 0.5, 0.5), 32, 18,
                        (frame, parameters, image) -> { }))
                .output(new HeadlessOutput())
                .output(probe) // last: everything the frame does is counted
                .build();
        // The conductor's part: new values published from another thread while frames are made.
        AtomicBoolean running = new AtomicBoolean(true);
        Thread conductor = new Thread(() -> {
            float[] values = defaults.clone();
            for (long n = 1; running.get(); n++) {
                values[0] = (n % 100) / 100f;
                snapshots.publish(values, n, n);
                Thread.onSpinWait();
            }
        }, "test-conductor");
        conductor.setDaemon(true);
        conductor.start();
        try {
            loop.run(frames);
        } finally {
            running.set(false);
            conductor.join(5_000);
        }

        long least = probe.leastBytesPerWindow();
        System.out.printf("render thread: %s, %.3f bytes/frame, %dx%d with 6 parameters, touches, 4 outputs%n",
                probe.describe(), least / (double) WINDOW, WIDTH, HEIGHT);
        assertEquals(frames, stats.frames());
        assertEquals(frames, capture.frames);
        assertEquals(frames, marker.frames);
        assertTrue(gpuTimer.timedFrames() > 0, "the GPU timer ran: " + gpuTimer.timedFrames() + " frames timed");
        assertEquals(0, least, "the render thread allocated " + probe.describe() + ": something allocates per frame");
    }

    /** An output that allocates in every frame, kept where escape analysis cannot remove it. */
    private static final class Leaky implements Output {
        volatile byte[] kept;

        @Override
        public String description() {
            return "leaky";
        }

        @Override
        public void present(FrameInfo frame, ParameterSnapshot parameters, Framebuffer canvas) {
            kept = new byte[100];
        }
    }

    @Test
    void theProbeSeesAnAllocationInEveryFrame() throws Exception {
        ArtworkManifest manifest = TestArtworkFolder.create(temp, "plain", "main.frag", "[]")
                .file("main.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(1.0); }\n").load();
        AllocationProbe probe = new AllocationProbe(200, 50, 3);
        RenderLoop.builder(GL.context(), new FragmentShaderArtwork(manifest, manifest.layout()),
                        new SnapshotExchange(new float[0]), new SteppedPacer(new ManualClock(0), 60), WIDTH, HEIGHT)
                .output(new Leaky()).output(probe).build().run(probe.framesNeeded());

        assertTrue(probe.leastBytesPerWindow() >= 50 * 100, "a 100-byte array per frame shows: " + probe.describe());
    }
}
