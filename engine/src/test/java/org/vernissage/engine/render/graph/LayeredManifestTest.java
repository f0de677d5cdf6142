package org.vernissage.engine.render.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.engine.render.graph.GraphGl.byteOf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.FrameGrabber;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.RgbaImage;
import org.vernissage.engine.render.SteppedPacer;

/** An {@code artwork.json} of layers, played by the render loop as the app plays it. */
class LayeredManifestTest {

    @RegisterExtension
    static final GraphGl GL = new GraphGl();

    @TempDir
    Path folder;

    private void manifest(String layers) {
        GraphGl.write(folder, ArtworkManifest.FILE_NAME, """
                {"title": "Layers", "artist": "Test", "year": 2026, "description": "A test.",
                 "parameters": [{"name": "level", "type": "float", "min": 0, "max": 1, "default": 0.4}],
                 "layers": %s}
                """.formatted(layers));
    }

    @Test
    void theLoopPlaysTheLayersAsDeclaredAndTheOpacityParameterMovesThem() throws Exception {
        GraphGl.write(folder, "base.frag", "uniform float level;\nout vec4 fragColor;\n"
                + "void main() { fragColor = vec4(level, 0.5, 0.0, 1.0); }\n");
        GraphGl.write(folder, "top.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(0.5, 0.5, 1.0, 1.0); }\n");
        manifest("""
                [{"name": "base", "shader": "base.frag"},
                 {"name": "top", "shader": "top.frag", "blend": "multiply", "opacity": 0.5}]""");
        ArtworkManifest manifest = ManifestLoader.load(folder);
        ParameterLayout layout = manifest.layout();
        float[] values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
        SnapshotExchange snapshots = new SnapshotExchange(values);
        FrameGrabber grabber = new FrameGrabber(32, 32, layout.slotCount());
        Artwork artwork = GraphArtworks.forManifest(manifest, layout).orElseThrow();
        RenderLoop loop = RenderLoop.builder(GL.context(), artwork, snapshots,
                new SteppedPacer(new ManualClock(0), 60), 32, 32).stats(new FrameStats())
                .listeners(List.of(grabber)).build();
        loop.run(1);
        RgbaImage first = grabber.awaitFrameAfter(-1, Duration.ofSeconds(1)).image();
        // base (0.4, 0.5, 0), multiplied by (0.5, 0.5, 1) at opacity 0.5.
        assertEquals(byteOf(0.4 + (0.4 * 0.5 - 0.4) * 0.5), first.channel(16, 16, 0), 1);
        assertEquals(byteOf(0.5 + (0.25 - 0.5) * 0.5), first.channel(16, 16, 1), 1);
        assertEquals(0, first.channel(16, 16, 2));
    }

    @Test
    void aManifestOfOneShaderIsNotAGraph() throws Exception {
        GraphGl.write(folder, "one.frag", "uniform float level;\nout vec4 fragColor;\nvoid main() { fragColor = vec4(level); }\n");
        GraphGl.write(folder, ArtworkManifest.FILE_NAME, """
                {"title": "One", "artist": "Test", "year": 2026, "description": "A test.", "shader": "one.frag",
                 "parameters": [{"name": "level", "type": "float", "min": 0, "max": 1, "default": 0.4}]}
                """);
        ArtworkManifest manifest = ManifestLoader.load(folder);
        assertTrue(GraphArtworks.forManifest(manifest, manifest.layout()).isEmpty());
    }

    @Test
    void aParameterNoLayerReadsIsRefusedAtSetup() throws Exception {
        GraphGl.write(folder, "top.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(1.0); }\n");
        manifest("[{\"name\": \"top\", \"shader\": \"top.frag\"}]");
        ArtworkManifest manifest = ManifestLoader.load(folder);
        Artwork artwork = GraphArtworks.forManifest(manifest, manifest.layout()).orElseThrow();
        RenderLoop loop = RenderLoop.builder(GL.context(), artwork, new SnapshotExchange(new float[3]),
                new SteppedPacer(new ManualClock(0), 60), 16, 16).build();
        ArtworkException e = assertThrows(ArtworkException.class, () -> loop.run(1));
        assertEquals(manifest.file() + ": parameter 'level' is not an active uniform of any layer's shader"
                + " (expected `uniform float level;` used by one of them)", e.getMessage());
    }
}
