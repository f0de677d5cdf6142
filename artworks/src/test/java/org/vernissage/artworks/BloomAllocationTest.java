package org.vernissage.artworks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.AllocationProbe;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.graph.GraphArtworks;
import org.vernissage.engine.render.HeadlessOutput;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.SteppedPacer;

/**
 * The bundled Bloom (an NCA step and a display layer every frame, Java planting, numbering and
 * erasing), played headless at a small size: once warm, its frames allocate nothing
 * on the render thread (least of several windows of frames, read with the JVM's per-thread
 * allocation counter at the end of each frame). The engine's {@code RenderAllocationTest} covers
 * every parameter type and output.
 */
class BloomAllocationTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 36;
    private static final int WARM_UP_FRAMES = 600;
    private static final int WINDOW = 100;
    private static final int WINDOWS = 4;

    @Test
    void bloomFramesAllocateNothingOnceWarm() throws Exception {
        ArtworkManifest manifest = ManifestLoader.load(Path.of("bloom").toAbsolutePath());
        ParameterLayout layout = manifest.layout();
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        AllocationProbe probe = new AllocationProbe(WARM_UP_FRAMES, WINDOW, WINDOWS);
        try (EglSurfacelessContext context = EglSurfacelessContext.open(WIDTH, HEIGHT)) {
            RenderLoop.builder(context, GraphArtworks.forManifest(manifest, layout).orElseThrow(), new SnapshotExchange(defaults),
                            new SteppedPacer(new ManualClock(0), 60), WIDTH, HEIGHT)
                    .output(new HeadlessOutput())
                    .output(probe)
                    .build()
                    .run(probe.framesNeeded());
        }

        System.out.printf("Bloom render thread: %s, %dx%d%n", probe.describe(), WIDTH, HEIGHT);
        assertEquals(0, probe.leastBytesPerWindow(), "Bloom's render thread allocated " + probe.describe());
    }
}
