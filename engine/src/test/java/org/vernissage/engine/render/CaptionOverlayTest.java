package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.pipeline.SnapshotExchange;

/**
 * The disclosure caption on a real (headless) canvas: its text's bright pixels are in its corner
 * and nowhere else, it is not drawn while its parameter is 0, it goes after its duration, and a
 * text too long for the frame is wrapped or refused with a message saying what to change.
 */
class CaptionOverlayTest {

    private static final int WIDTH = 160;
    private static final int HEIGHT = 90;
    private static final int MARGIN = 4;
    private static final String BLACK = """
            out vec4 fragColor;
            void main() { fragColor = vec4(0.0, 0.0, 0.0, 1.0); }
            """;

    @RegisterExtension
    static final HeadlessGl GL = new HeadlessGl(16);

    @TempDir
    Path temp;

    private final List<int[]> brightCounts = new ArrayList<>(); // per frame: inside, outside the caption's box

    private CaptionOverlay caption(CaptionCorner corner, long durationNanos) {
        CaptionImage image = CaptionImage.render("Made with AI", 0.14, WIDTH, HEIGHT);
        return new CaptionOverlay(image, corner, 0, durationNanos, MARGIN);
    }

    /** Counts pixels brighter than grey inside and outside the rectangle {@code caption} takes in {@code corner}. */
    private Output brightMeter(CaptionOverlay caption, CaptionCorner corner) {
        ByteBuffer pixels = ByteBuffer.allocateDirect(WIDTH * HEIGHT * 4).order(ByteOrder.nativeOrder());
        int w = caption.image().width();
        int h = caption.image().height();
        int x0 = corner.right() ? WIDTH - MARGIN - w : MARGIN;
        int y0 = corner.top() ? HEIGHT - MARGIN - h : MARGIN; // GL rows: bottom first
        return FrameListenerOutput.of("bright meter", (frame, parameters, canvas) -> {
            pixels.clear();
            canvas.readPixels(pixels);
            int inside = 0;
            int outside = 0;
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    int red = pixels.get((y * WIDTH + x) * 4) & 0xFF;
                    if (red > 128) {
                        boolean in = x >= x0 && x < x0 + w && y >= y0 && y < y0 + h;
                        if (in) {
                            inside++;
                        } else {
                            outside++;
                        }
                    }
                }
            }
            brightCounts.add(new int[] {inside, outside});
        });
    }

    private RenderLoop loop(CaptionOverlay caption, CaptionCorner corner, float parameter) throws Exception {
        ArtworkManifest manifest = TestArtworkFolder.create(temp, "black", "main.frag",
                        "[{\"name\": \"disclosure\", \"type\": \"float\", \"min\": 0, \"max\": 1,"
                                + " \"default\": 0, \"shader\": false}]")
                .file("main.frag", BLACK).load();
        FragmentShaderArtwork artwork = new FragmentShaderArtwork(manifest, manifest.layout());
        return RenderLoop.builder(GL.context(), artwork, new SnapshotExchange(new float[] {parameter}),
                new SteppedPacer(new ManualClock(0), 30), WIDTH, HEIGHT)
                .caption(caption).output(brightMeter(caption, corner)).build();
    }

    @Test
    void theTextIsDrawnInItsCornerAndNowhereElse() throws Exception {
        for (CaptionCorner corner : new CaptionCorner[] {CaptionCorner.BOTTOM_RIGHT, CaptionCorner.TOP_LEFT}) {
            brightCounts.clear();
            CaptionOverlay caption = caption(corner, 0);
            loop(caption, corner, 1f).run(2);

            for (int[] frame : brightCounts) {
                assertTrue(frame[0] >= 30, corner + ": the text's letters make bright pixels in the corner, got "
                        + frame[0]);
                assertEquals(0, frame[1], corner + ": no bright pixel outside the caption's box");
            }
            assertEquals(2, caption.framesShown());
        }
    }

    @Test
    void nothingIsDrawnWhileTheParameterIsZero() throws Exception {
        CaptionOverlay caption = caption(CaptionCorner.BOTTOM_RIGHT, 0);
        loop(caption, CaptionCorner.BOTTOM_RIGHT, 0f).run(3);

        assertEquals(3, brightCounts.size());
        for (int[] frame : brightCounts) {
            assertEquals(0, frame[0] + frame[1], "a black frame: the caption is off");
        }
        assertEquals(0, caption.framesShown(), "not even a draw call while off");
    }

    @Test
    void theCaptionGoesAfterItsDuration() throws Exception {
        long frame = 1_000_000_000L / 30;
        CaptionOverlay caption = caption(CaptionCorner.BOTTOM_LEFT, 2 * frame);
        loop(caption, CaptionCorner.BOTTOM_LEFT, 1f).run(5);

        assertEquals(2, caption.framesShown(), "shown for the first two frames after turning on");
        assertTrue(brightCounts.get(1)[0] > 0);
        assertEquals(0, brightCounts.get(2)[0] + brightCounts.get(4)[0], "gone after its duration");
    }

    @Test
    void theLanguageParameterSwitchesBetweenTextsMadeAtStart() throws Exception {
        List<CaptionImage> images = List.of(CaptionImage.render("Made with AI", 0.14, WIDTH, HEIGHT),
                CaptionImage.render("IA", 0.14, WIDTH, HEIGHT));
        CaptionOverlay caption = new CaptionOverlay(images, 0, 1, CaptionCorner.BOTTOM_RIGHT, 0, 0, MARGIN);
        // Per frame: {disclosure, disclosure_language}; an output publishes the next frame's values.
        float[][] values = {{1, 0}, {1, 1}, {1, 1}, {0, 1}, {1, 0}, {1, 7}};
        ArtworkManifest manifest = TestArtworkFolder.create(temp, "black", "main.frag",
                        "[{\"name\": \"disclosure\", \"type\": \"float\", \"min\": 0, \"max\": 1,"
                                + " \"default\": 0, \"shader\": false}, {\"name\": \"disclosure_language\","
                                + " \"type\": \"int\", \"min\": 0, \"max\": 1, \"default\": 0, \"shader\": false}]")
                .file("main.frag", BLACK).load();
        SnapshotExchange exchange = new SnapshotExchange(values[0].clone());
        ByteBuffer pixels = ByteBuffer.allocateDirect(WIDTH * HEIGHT * 4).order(ByteOrder.nativeOrder());
        List<int[]> frames = new ArrayList<>(); // per frame: bright pixels inside the French box, outside it, shown
        Output meter = FrameListenerOutput.of("language meter", (frame, parameters, canvas) -> {
            pixels.clear();
            canvas.readPixels(pixels);
            CaptionImage fr = images.get(1);
            int x0 = WIDTH - MARGIN - fr.width();
            int inside = 0;
            int outside = 0;
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    if ((pixels.get((y * WIDTH + x) * 4) & 0xFF) > 128) {
                        if (x >= x0 && y >= MARGIN && y < MARGIN + fr.height()) {
                            inside++;
                        } else {
                            outside++;
                        }
                    }
                }
            }
            frames.add(new int[] {inside, outside, caption.shownLanguage()});
            if (frames.size() < values.length) {
                exchange.publish(values[frames.size()].clone(), frames.size(), 0);
            }
        });
        RenderLoop.builder(GL.context(), new FragmentShaderArtwork(manifest, manifest.layout()), exchange,
                new SteppedPacer(new ManualClock(0), 30), WIDTH, HEIGHT).caption(caption).output(meter).build()
                .run(values.length);

        assertEquals(values.length, frames.size());
        assertTrue(frames.get(0)[1] >= 30, "English: \"Made with AI\" reaches beyond the French box: " + frames.get(0)[1]);
        for (int i : new int[] {1, 2}) {
            assertTrue(frames.get(i)[0] >= 10, "French: its letters in its box: " + frames.get(i)[0]);
            assertEquals(0, frames.get(i)[1], "French: nothing of the English text is left");
            assertEquals(1, frames.get(i)[2]);
        }
        assertEquals(0, frames.get(3)[0] + frames.get(3)[1], "off: nothing drawn in either language");
        assertTrue(frames.get(4)[1] >= 30 && frames.get(4)[2] == 0, "back to English when on again");
        assertTrue(frames.get(5)[1] == 0 && frames.get(5)[2] == 1, "a value past the last language shows the last");
        assertEquals(5, caption.framesShown());
    }

    @Test
    void aLongTextIsWrappedToTheFramesWidth() {
        CaptionImage image = CaptionImage.render("This work uses a small neural network trained here", 0.1,
                WIDTH, HEIGHT);

        assertTrue(image.lines().size() >= 2, "wrapped: " + image.lines());
        assertTrue(image.width() <= WIDTH * CaptionImage.MAX_WIDTH_FRACTION, "fits the width: " + image.width());
        assertTrue(image.height() <= HEIGHT / 2, "at most half the height: " + image.height());
    }

    @Test
    void aTextTooLongForTheFrameIsRefusedSayingWhatToChange() {
        String essay = "This artwork uses a neural network. ".repeat(20);
        IllegalArgumentException tooTall = assertThrows(IllegalArgumentException.class,
                () -> CaptionImage.render(essay, 0.1, WIDTH, HEIGHT));
        assertTrue(tooTall.getMessage().contains("160x90") && tooTall.getMessage().contains("shorten the text"),
                tooTall.getMessage());

        IllegalArgumentException tooWide = assertThrows(IllegalArgumentException.class,
                () -> CaptionImage.render("Pneumonoultramicroscopicsilicovolcanoconiosis", 0.2, WIDTH, HEIGHT));
        assertTrue(tooWide.getMessage().contains("wider than"), tooWide.getMessage());
    }
}
