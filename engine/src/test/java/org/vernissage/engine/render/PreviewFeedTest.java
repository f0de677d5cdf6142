package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.pipeline.SnapshotExchange;

/**
 * The console's thumbnail: read back asynchronously through pixel-pack buffers while a real
 * (headless) render loop runs, encoded off the render thread, and only as often as asked.
 */
class PreviewFeedTest {

    private static final org.vernissage.engine.provenance.Provenance PROVENANCE =
            org.vernissage.engine.provenance.Provenance.plain("test", "the suite", "test");


    private static final String LEFT_RED_RIGHT_BLUE = """
            uniform vec2 RENDERSIZE;
            out vec4 fragColor;
            void main() {
                fragColor = gl_FragCoord.x < RENDERSIZE.x * 0.5 ? vec4(1.0, 0.0, 0.0, 1.0) : vec4(0.0, 0.0, 1.0, 1.0);
            }
            """;

    @RegisterExtension
    static final HeadlessGl GL = new HeadlessGl(64);

    @TempDir
    Path temp;

    private RenderLoop loop(PreviewFeed feed) throws Exception {
        ArtworkManifest manifest = TestArtworkFolder.create(temp, "halves", "main.frag", "[]")
                .file("main.frag", LEFT_RED_RIGHT_BLUE).load();
        return RenderLoop.builder(GL.context(), new FragmentShaderArtwork(manifest, manifest.layout()),
                new SnapshotExchange(new float[0]), new SteppedPacer(new ManualClock(0), 30), 64, 36)
                .output(new OffscreenOutput("preview", CanvasRegion.FULL, 32, 18, feed)).build();
    }

    @Test
    void aThumbnailOfTheOutputIsMadeAsAMarkedJpegOffTheRenderThread() throws Exception {
        try (PreviewFeed feed = new PreviewFeed(32, 18, Duration.ZERO, PROVENANCE)) {
            assertTrue(feed.latestJpeg().isEmpty(), "a console asks: none yet, and thumbnails start");
            loop(feed).run(4);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (feed.made() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(feed.made() >= 1, "a thumbnail was made");
            byte[] jpeg = feed.latestJpeg().orElseThrow();
            assertTrue(new String(jpeg, StandardCharsets.ISO_8859_1).contains("http://ns.adobe.com/xap/1.0/"),
                    "it carries its XMP mark");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertEquals(32, image.getWidth());
            assertEquals(18, image.getHeight());
            assertClose(0xFF0000, image.getRGB(4, 9), "left half red");
            assertClose(0x0000FF, image.getRGB(28, 9), "right half blue");
        }
    }

    /** JPEG is lossy: each channel within a few steps of the colour drawn. */
    private static void assertClose(int rgb, int got, String what) {
        for (int shift = 0; shift <= 16; shift += 8) {
            assertTrue(Math.abs((rgb >> shift & 0xFF) - (got >> shift & 0xFF)) <= 8,
                    what + ": " + Integer.toHexString(got & 0xFFFFFF));
        }
    }

    @Test
    void betweenTwoPeriodsNothingIsRead() throws Exception {
        try (PreviewFeed feed = new PreviewFeed(32, 18, Duration.ofHours(1), PROVENANCE)) {
            feed.latestJpeg(); // a console asks
            loop(feed).run(5);
            Thread.sleep(100);
            assertEquals(0, feed.made(), "one read started in the first frame, none taken back within the hour");
            assertEquals(0, feed.skipped());
        }
    }

    @Test
    void withNobodyAskingNothingIsRead() throws Exception {
        try (PreviewFeed feed = new PreviewFeed(32, 18, Duration.ZERO, PROVENANCE)) {
            loop(feed).run(6);
            Thread.sleep(100);
            assertEquals(0, feed.made(), "no console asked: no thumbnail made");
        }
    }
}
