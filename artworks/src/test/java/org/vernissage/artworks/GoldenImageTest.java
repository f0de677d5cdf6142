package org.vernissage.artworks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.FragmentShaderArtwork;
import org.vernissage.engine.render.FrameGrabber;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.RgbaImage;
import org.vernissage.engine.render.SteppedPacer;
import org.vernissage.engine.render.graph.GraphArtworks;

/**
 * Every bundled artwork, rendered headless at 320x180 with its default parameters at exactly
 * t = 2 s, must match the golden image kept in its folder ({@code golden/320x180-t2.png}). Frames
 * are stepped at 60 per second from t = 0, so a piece with feedback shows two seconds of history
 * (frame 120 is at exactly 2 s: a piece without state draws the same image as from one frame).
 * Run with {@code -Dvernissage.golden.update=true} to write new goldens after an intended change,
 * and look at them before committing.
 */
class GoldenImageTest {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;
    private static final double TIME_SECONDS = 2.0;
    private static final int FPS = 60;
    private static final long LAST_FRAME = Math.round(TIME_SECONDS * FPS);
    /** llvmpipe is bit-exact run to run; the slack is for other Mesa versions and GPUs. */
    private static final int MAX_CHANNEL_DIFFERENCE = 24;
    private static final double MAX_MEAN_DIFFERENCE = 1.0;
    private static final double MAX_NOTICEABLE_FRACTION = 0.005;

    static Stream<Path> bundledArtworks() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        try (Stream<Path> folders = Files.list(here)) {
            List<Path> artworks = folders.filter(f -> Files.isRegularFile(f.resolve(ArtworkManifest.FILE_NAME)))
                    .sorted().toList();
            assertFalse(artworks.isEmpty(), "no artwork folders found in " + here);
            return artworks.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledArtworks")
    void matchesItsGoldenImage(Path folder) throws Exception {
        RgbaImage frame = render(folder);
        Path golden = folder.resolve("golden").resolve(WIDTH + "x" + HEIGHT + "-t2.png");
        if (Boolean.getBoolean("vernissage.golden.update")) {
            Files.createDirectories(golden.getParent());
            frame.writePng(golden);
        }
        assertTrue(Files.isRegularFile(golden), "missing golden image " + golden
                + " (run once with -Dvernissage.golden.update=true and check the picture)");
        RgbaImage.Difference difference = frame.differenceTo(RgbaImage.readPng(golden));
        Path actual = Path.of("target", "golden-actual", folder.getFileName() + ".png");
        if (difference.maxChannel() > MAX_CHANNEL_DIFFERENCE || difference.meanChannel() > MAX_MEAN_DIFFERENCE
                || difference.fractionNoticeable() > MAX_NOTICEABLE_FRACTION) {
            Files.createDirectories(actual.getParent());
            frame.writePng(actual);
        }
        assertTrue(difference.maxChannel() <= MAX_CHANNEL_DIFFERENCE, folder.getFileName() + ": " + difference
                + "; the frame is in " + actual);
        assertTrue(difference.meanChannel() <= MAX_MEAN_DIFFERENCE, folder.getFileName() + ": " + difference);
        assertTrue(difference.fractionNoticeable() <= MAX_NOTICEABLE_FRACTION, folder.getFileName() + ": " + difference);
        assertTrue(frame.meanLuma() > 8, folder.getFileName() + " renders an almost black frame");
    }

    private static RgbaImage render(Path folder) throws Exception {
        ArtworkManifest manifest = ManifestLoader.load(folder);
        ParameterLayout layout = manifest.layout();
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        ManualClock clock = new ManualClock(0);
        FrameGrabber grabber = new FrameGrabber(WIDTH, HEIGHT, layout.slotCount());
        try (EglSurfacelessContext context = EglSurfacelessContext.open(WIDTH, HEIGHT)) {
            // Frame n at n / 60 s: frame 120 is exactly at t = 2 s.
            Artwork artwork = GraphArtworks.forManifest(manifest, layout)
                    .orElseGet(() -> new FragmentShaderArtwork(manifest, layout));
            RenderLoop loop = new RenderLoop(context, artwork,
                    new SnapshotExchange(defaults), new SteppedPacer(clock, FPS),
                    new FrameStats(), List.of(grabber), WIDTH, HEIGHT);
            loop.run(LAST_FRAME + 1);
        }
        return grabber.awaitFrameAfter(LAST_FRAME - 1, Duration.ofSeconds(1)).image();
    }
}
