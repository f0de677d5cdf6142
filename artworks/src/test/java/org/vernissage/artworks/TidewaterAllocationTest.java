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
import org.vernissage.engine.render.FragmentShaderArtwork;
import org.vernissage.engine.render.HeadlessOutput;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.SteppedPacer;

/**
 * The bundled Tidewater, played headless at a small size: once warm, its frames allocate nothing
 * on the render thread (least of several windows of frames, read with the JVM's per-thread
 * allocation counter at the end of each frame). The engine's {@code RenderAllocationTest} covers
 * every parameter type and output; this is the piece a gallery actually shows.
 */
class TidewaterAllocationTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 36;
    private static final int WARM_UP_FRAMES = 600;
    private static final int WINDOW = 100;
    private static final int WINDOWS = 4;

    @Test
    void tidewaterFramesAllocateNothingOnceWarm() throws Exception {
        ArtworkManifest manifest = ManifestLoader.load(Path.of("tidewater").toAbsolutePath());
        ParameterLayout layout = manifest.layout();
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        AllocationProbe probe = new AllocationProbe(WARM_UP_FRAMES, WINDOW, WINDOWS);
        try (EglSurfacelessContext context = EglSurfacelessContext.open(WIDTH, HEIGHT)) {
            RenderLoop.builder(context, new FragmentShaderArtwork(manifest, layout), new SnapshotExchange(defaults),
                            new SteppedPacer(new ManualClock(0), 60), WIDTH, HEIGHT)
                    .output(new HeadlessOutput())
                    .output(probe)
                    .build()
                    .run(probe.framesNeeded());
        }

        System.out.printf("Tidewater render thread: %s, %dx%d%n", probe.describe(), WIDTH, HEIGHT);
        assertEquals(0, probe.leastBytesPerWindow(), "Tidewater's render thread allocated " + probe.describe());
    }
}
