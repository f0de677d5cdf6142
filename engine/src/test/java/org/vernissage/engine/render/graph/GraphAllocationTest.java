package org.vernissage.engine.render.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.AllocationProbe;
import org.vernissage.engine.render.CanvasRegion;
import org.vernissage.engine.render.HeadlessOutput;
import org.vernissage.engine.render.OffscreenOutput;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.SteppedPacer;

/**
 * The render thread allocates nothing per frame once warm with a render graph (a layered manifest:
 * a float feedback layer, a layer sampling it at half resolution, opacity and blend parameters
 * moving) and two outputs (two {@link OffscreenOutput}s, the halves of a wall). Measured like
 * {@code RenderAllocationTest}: the least of several windows of frames.
 */
class GraphAllocationTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 36;
    private static final int WARM_UP_FRAMES = 1_500;
    private static final int WINDOW = 250;
    /**
     * Eight: while the JIT still recompiles (a deoptimised frame rebuilds the objects escape
     * analysis had removed), a window catches a few dozen bytes; on a loaded machine that lasts
     * longer. Seen: [232, 192, 96, 0], [96, 328, 0, 0, 432, 80, 0, 0], and in one full-suite run
     * [48, 144, 96, 344], no clean window among four.
     */
    private static final int WINDOWS = 8;

    @RegisterExtension
    static final GraphGl GL = new GraphGl();

    @TempDir
    Path folder;

    @Test
    void steadyStateFramesOfAGraphAllocateNothingOnTheRenderThread() throws Exception {
        GraphGl.write(folder, "trail.frag", """
                uniform sampler2D FEEDBACK;
                uniform vec2 RENDERSIZE;
                uniform float TIME;
                uniform float decay;
                out vec4 fragColor;
                void main() {
                    vec2 uv = gl_FragCoord.xy / RENDERSIZE;
                    float spot = step(distance(uv, vec2(0.5 + 0.3 * sin(TIME), 0.5)), 0.1);
                    fragColor = texture(FEEDBACK, uv) * decay + vec4(spot);
                }
                """);
        GraphGl.write(folder, "glow.frag", """
                uniform sampler2D trail;
                uniform vec2 RENDERSIZE;
                uniform vec4 tint;
                out vec4 fragColor;
                void main() { fragColor = texture(trail, gl_FragCoord.xy / RENDERSIZE) * tint; }
                """);
        GraphGl.write(folder, ArtworkManifest.FILE_NAME, """
                {"title": "Trails", "artist": "Test", "year": 2026, "description": "A test graph.",
                 "resolution": 0.5,
                 "parameters": [
                   {"name": "decay", "type": "float", "min": 0, "max": 1, "default": 0.9},
                   {"name": "tint", "type": "color", "default": [1, 0.5, 0.25, 1]}],
                 "layers": [
                   {"name": "trail", "shader": "trail.frag", "feedback": true, "format": "rgba16f"},
                   {"name": "glow", "shader": "glow.frag", "blend": "screen", "opacity": 0.8, "scale": 0.5}]}
                """);
        ArtworkManifest manifest = ManifestLoader.load(folder);
        ParameterLayout layout = manifest.layout();
        Artwork graph = GraphArtworks.forManifest(manifest, layout).orElseThrow();
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        SnapshotExchange snapshots = new SnapshotExchange(defaults);
        AllocationProbe probe = new AllocationProbe(WARM_UP_FRAMES, WINDOW, WINDOWS);
        int frames = probe.framesNeeded();
        AtomicLong left = new AtomicLong();
        AtomicLong right = new AtomicLong();
        FrameStats stats = new FrameStats();
        RenderLoop loop = RenderLoop.builder(GL.context(), graph, snapshots,
                        new SteppedPacer(new ManualClock(0), 60), WIDTH, HEIGHT)
                .stats(stats)
                .output(new OffscreenOutput("left", new CanvasRegion(0, 0, 0.5, 1), 32, 36,
                        (frame, parameters, image) -> left.incrementAndGet()))
                .output(new OffscreenOutput("right", new CanvasRegion(0.5, 0, 0.5, 1), 32, 36,
                        (frame, parameters, image) -> right.incrementAndGet()))
                .output(new HeadlessOutput())
                .output(probe)
                .build();
        int glowOpacity = layout.offset(layout.indexOf("glow_opacity").orElseThrow());
        int glowBlend = layout.offset(layout.indexOf("glow_blend").orElseThrow());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread conductor = new Thread(() -> {
            float[] values = defaults.clone();
            for (long n = 1; running.get(); n++) {
                values[0] = (n % 100) / 100f;
                values[glowOpacity] = (n % 10) / 10f;
                values[glowBlend] = n % (BlendMode.maxCode() + 1);
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
        System.out.printf("render thread with a graph: %s, %.3f bytes/frame, %dx%d, 2 layers, 2 offscreen outputs%n",
                probe.describe(), least / (double) WINDOW, WIDTH, HEIGHT);
        assertEquals(frames, stats.frames());
        assertEquals(frames, left.get());
        assertEquals(frames, right.get());
        assertEquals(0, least, "the render thread allocated " + probe.describe() + " with a graph");
    }

    @Test
    void steadyStateFramesOfAGraphWithAnIsfLayerAllocateNothingOnTheRenderThread() throws Exception {
        GraphGl.write(folder, "sea.frag", """
                uniform vec2 RENDERSIZE;
                uniform float TIME;
                out vec4 fragColor;
                void main() { fragColor = vec4(gl_FragCoord.xy / RENDERSIZE, 0.5 + 0.5 * sin(TIME), 1.0); }
                """);
        GraphGl.write(folder, "fx.fs", """
                /*{ "ISFVSN": "2",
                    "INPUTS": [ {"NAME": "inputImage", "TYPE": "image"},
                                {"NAME": "gain", "TYPE": "float", "DEFAULT": 0.5, "MIN": 0, "MAX": 2},
                                {"NAME": "bang", "TYPE": "event"} ],
                    "PASSES": [ {"TARGET": "small", "WIDTH": "$WIDTH / 2.0", "HEIGHT": "$HEIGHT / 2.0"}, {} ] }*/
                void main() {
                    if (PASSINDEX == 0) {
                        gl_FragColor = IMG_THIS_NORM_PIXEL(inputImage) * gain + (bang ? 1.0 : 0.0);
                    } else {
                        gl_FragColor = IMG_NORM_PIXEL(small, isf_FragNormCoord);
                    }
                }
                """);
        GraphGl.write(folder, ArtworkManifest.FILE_NAME, """
                {"title": "ISF layer", "artist": "Test", "year": 2026, "description": "A test graph.",
                 "layers": [
                   {"name": "sea", "shader": "sea.frag"},
                   {"name": "fx", "shader": "fx.fs", "images": {"inputImage": "sea"}, "blend": "screen"}]}
                """);
        ArtworkManifest manifest = ManifestLoader.load(folder);
        ParameterLayout layout = manifest.layout();
        Artwork graph = GraphArtworks.forManifest(manifest, layout).orElseThrow();
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        SnapshotExchange snapshots = new SnapshotExchange(defaults);
        AllocationProbe probe = new AllocationProbe(WARM_UP_FRAMES, WINDOW, WINDOWS);
        int frames = probe.framesNeeded();
        FrameStats stats = new FrameStats();
        RenderLoop loop = RenderLoop.builder(GL.context(), graph, snapshots,
                        new SteppedPacer(new ManualClock(0), 60), WIDTH, HEIGHT)
                .stats(stats)
                .output(new HeadlessOutput())
                .output(probe)
                .build();
        int gain = layout.offset(layout.indexOf("fx_gain").orElseThrow());
        int bang = layout.offset(layout.indexOf("fx_bang").orElseThrow());
        int fxOpacity = layout.offset(layout.indexOf("fx_opacity").orElseThrow());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread conductor = new Thread(() -> {
            float[] values = defaults.clone();
            for (long n = 1; running.get(); n++) {
                values[gain] = (n % 200) / 100f;
                values[bang] = (n / 7) % (1 << 20);
                values[fxOpacity] = (n % 10) / 10f;
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
        System.out.printf("render thread with an ISF layer: %s, %.3f bytes/frame, %dx%d, a GLSL and a 2-pass ISF layer%n",
                probe.describe(), least / (double) WINDOW, WIDTH, HEIGHT);
        assertEquals(frames, stats.frames());
        assertEquals(0, least, "the render thread allocated " + probe.describe() + " with an ISF layer");
    }
}
