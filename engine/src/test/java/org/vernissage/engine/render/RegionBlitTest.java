package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where a region of the canvas lands on a destination: pixels, letterbox, pillarbox (no GL). */
class RegionBlitTest {

    private final RegionBlit blit = new RegionBlit();

    @Test
    void theWholeCanvasFillsADestinationOfItsShape() {
        blit.place(CanvasRegion.FULL, 64, 36, 1280, 720);

        assertSource(0, 0, 64, 36);
        assertDestination(0, 0, 1280, 720);
    }

    @Test
    void aWideCanvasInASquareWindowIsLetterboxed() {
        blit.place(CanvasRegion.FULL, 64, 36, 32, 32);

        assertDestination(0, 7, 32, 18);
    }

    @Test
    void aTallRegionOnAWideScreenIsPillarboxed() {
        // The right half of a 64x36 canvas is 32x36: on 1920x1080 it is 960 wide, centred.
        blit.place(new CanvasRegion(0.5, 0, 0.5, 1), 64, 36, 1920, 1080);

        assertSource(32, 0, 32, 36);
        assertDestination(480, 0, 960, 1080);
    }

    @Test
    void regionsAreMeasuredFromTheTopLeftAndTurnedIntoGlRows() {
        // The top-left quarter of the picture is GL's rows 18..36 (row 0 is at the bottom).
        blit.place(new CanvasRegion(0, 0, 0.5, 0.5), 64, 36, 32, 18);

        assertSource(0, 18, 32, 18);
        assertDestination(0, 0, 32, 18);
    }

    @Test
    void aRegionKeepsMeaningTheSamePartAfterTheCanvasIsResized() {
        CanvasRegion bottomRight = new CanvasRegion(0.5, 0.5, 0.5, 0.5);

        blit.place(bottomRight, 64, 36, 100, 100);
        assertSource(32, 0, 32, 18);
        blit.place(bottomRight, 640, 360, 100, 100);
        assertSource(320, 0, 320, 180);
    }

    @Test
    void aTinyRegionIsStillOnePixel() {
        blit.place(new CanvasRegion(0.5, 0.5, 0.001, 0.001), 64, 36, 10, 10);

        assertEquals(1, blit.sourceWidth());
        assertEquals(1, blit.sourceHeight());
        assertDestination(0, 0, 10, 10);
    }

    @Test
    void aRegionOutsideTheCanvasIsRefusedWithWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CanvasRegion(0.75, 0, 0.5, 1));

        assertTrue(e.getMessage().contains("fractions of the canvas") && e.getMessage().contains("0.75, 0.0, 0.5, 1.0"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CanvasRegion(0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new CanvasRegion(Double.NaN, 0, 1, 1));
    }

    private void assertSource(int left, int bottom, int width, int height) {
        assertEquals(left, blit.sourceLeft(), "source left");
        assertEquals(bottom, blit.sourceBottom(), "source bottom");
        assertEquals(width, blit.sourceWidth(), "source width");
        assertEquals(height, blit.sourceHeight(), "source height");
    }

    private void assertDestination(int left, int bottom, int width, int height) {
        assertEquals(left, blit.destinationLeft(), "destination left");
        assertEquals(bottom, blit.destinationBottom(), "destination bottom");
        assertEquals(width, blit.destinationWidth(), "destination width");
        assertEquals(height, blit.destinationHeight(), "destination height");
    }
}
