package org.vernissage.engine.render.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.render.CanvasRegion;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.RgbaImage;

/**
 * The warp/blend output on headless GL: two projectors sharing an overlap, one of them
 * corner-pinned, sum to the source's light there (checked against the ramp's formula, pixel by
 * pixel); a perspective corner-pin puts known canvas points where the homography says; a moved
 * mesh point carries its content with it; the test card draws its edge markers.
 */
class WarpBlendTest {

    private static final double GAMMA = 2.2;
    private static final double CURVE = 2;
    private static EglSurfacelessContext gl;

    @BeforeAll
    static void openGl() throws Exception {
        gl = EglSurfacelessContext.open(64, 64);
    }

    @AfterAll
    static void closeGl() {
        gl.close();
    }

    private static OutputSettings settings(int number, CanvasRegion region, CornerPin pin, MeshWarp mesh,
                                           EdgeBlend blend, boolean testCard, int width, int height) {
        return new OutputSettings(number, new OutputSpec("o" + number, new Placement.Offscreen(width, height), region,
                pin, mesh, blend, testCard));
    }

    private static RgbaImage render(OutputSettings settings, Framebuffer canvas, int width, int height)
            throws Exception {
        try (OffscreenWarpOutput output = new OffscreenWarpOutput(settings, width, height, (f, p, i) -> { })) {
            output.present(null, null, canvas);
            return Canvases.read(output.image());
        }
    }

    /** The source: a vertical ramp, the same along every row, so horizontal resampling keeps it exact. */
    private static int source(int y, int height) {
        return 40 + (int) Math.round(200.0 * y / (height - 1));
    }

    private static double linear(double encoded) {
        return Math.pow(encoded / 255.0, GAMMA);
    }

    @Test
    void twoOverlappingOutputsOneCornerPinnedSumToTheSourceInTheOverlap() throws Exception {
        int canvasWidth = 100;
        int height = 50;
        try (Framebuffer canvas = Canvases.filled(canvasWidth, height, (x, y) -> source(y, height))) {
            // Left shows canvas 0..0.6, right 0.4..1: an overlap of 0.2, a third of each output's content.
            double zone = 1.0 / 3;
            int leftWidth = 60;
            RgbaImage left = render(settings(1, new CanvasRegion(0, 0, 0.6, 1), CornerPin.IDENTITY,
                    MeshWarp.identity(2, 2), new EdgeBlend(0, zone, 0, 0, GAMMA, CURVE), false, leftWidth, height),
                    canvas, leftWidth, height);
            // The right projector is pinned: its content squeezed into the right three quarters.
            int rightWidth = 80;
            double squeeze = 0.25;
            RgbaImage right = render(settings(2, new CanvasRegion(0.4, 0, 0.6, 1),
                    new CornerPin(new double[] {squeeze, 0, 1, 0, 1, 1, squeeze, 1}), MeshWarp.identity(2, 2),
                    new EdgeBlend(zone, 0, 0, 0, GAMMA, CURVE), false, rightWidth, height), canvas, rightWidth, height);

            int checked = 0;
            for (int y = 0; y < height; y++) {
                int src = source(y, height);
                // Each output alone: the encoded value is the source times w^(1/gamma).
                for (int x = 0; x < leftWidth; x++) {
                    double content = (x + 0.5) / leftWidth;
                    double w = EdgeBlend.weight((1 - content) / zone, CURVE);
                    assertNear(src * Math.pow(w, 1 / GAMMA), left.channel(x, y, 1), 2.5, "left", x, y);
                }
                for (int x = 0; x < rightWidth; x++) {
                    double content = ((x + 0.5) / rightWidth - squeeze) / (1 - squeeze);
                    if (content < -0.02) {
                        assertEquals(0, right.channel(x, y, 1), "right output outside its pinned quad at " + x);
                        continue;
                    }
                    if (content < 0.02) {
                        continue; // the quad's edge pixel: partly covered
                    }
                    double w = EdgeBlend.weight(content / zone, CURVE);
                    assertNear(src * Math.pow(w, 1 / GAMMA), right.channel(x, y, 1), 2.5, "right", x, y);
                }
                // Together: at each left pixel in the overlap, the right output's light at the same
                // canvas point (interpolated between its two nearest pixels) adds up to the source's.
                for (int x = 0; x < leftWidth; x++) {
                    double u = 0.6 * (x + 0.5) / leftWidth; // canvas fraction
                    if (u < 0.41 || u > 0.59) {
                        continue;
                    }
                    double rightPixel = (squeeze + (1 - squeeze) * (u - 0.4) / 0.6) * rightWidth - 0.5;
                    int r0 = (int) Math.floor(rightPixel);
                    double f = rightPixel - r0;
                    double rightLight = (1 - f) * linear(right.channel(r0, y, 1)) + f * linear(right.channel(r0 + 1, y, 1));
                    double sum = linear(left.channel(x, y, 1)) + rightLight;
                    assertEquals(linear(src), sum, 0.025, "light in the overlap at canvas x " + u + ", row " + y);
                    checked++;
                }
            }
            assertTrue(checked > 10 * height, "the overlap was checked (" + checked + " points)");
        }
    }

    private static void assertNear(double expected, int actual, double tolerance, String output, int x, int y) {
        assertEquals(expected, actual, tolerance, output + " output at (" + x + ", " + y + ")");
    }

    @Test
    void aPerspectiveCornerPinPutsCanvasPointsWhereTheHomographySays() throws Exception {
        int size = 64;
        int[][] dots = {{16, 16}, {48, 16}, {32, 32}, {16, 48}, {48, 48}};
        try (Framebuffer canvas = Canvases.filled(size, size, (x, y) -> {
            for (int[] dot : dots) {
                if (x >= dot[0] - 2 && x < dot[0] + 2 && y >= dot[1] - 2 && y < dot[1] + 2) {
                    return 255;
                }
            }
            return 0;
        })) {
            double[] corners = {0.1, 0.05, 0.9, 0.15, 0.8, 0.95, 0.2, 0.85};
            int out = 128;
            RgbaImage image = render(settings(1, CanvasRegion.FULL, new CornerPin(corners), MeshWarp.identity(2, 2),
                    EdgeBlend.NONE, false, out, out), canvas, out, out);
            double[] h = new double[9];
            Homography.squareToQuad(corners, h);
            int brightInWindows = 0;
            for (int[] dot : dots) {
                double u = dot[0] / (double) size;
                double v = dot[1] / (double) size;
                double ex = Homography.mapX(h, u, v) * out;
                double ey = Homography.mapY(h, u, v) * out;
                double[] centroid = centroid(image, (int) ex - 8, (int) ey - 8, 16);
                brightInWindows += (int) centroid[2];
                assertTrue(centroid[2] > 0, "canvas point " + u + ", " + v + " shows near " + ex + ", " + ey);
                assertEquals(ex, centroid[0], 1.0, "x of canvas point " + u + ", " + v);
                assertEquals(ey, centroid[1], 1.0, "y of canvas point " + u + ", " + v);
            }
            assertEquals(brightInWindows, centroid(image, 0, 0, out)[2], "nothing bright elsewhere");
        }
    }

    @Test
    void theHomographyTakesTheSquaresCornersToTheQuadAndItsInverseBack() {
        double[] corners = {0.1, 0.05, 0.9, 0.15, 0.8, 0.95, 0.2, 0.85};
        double[] h = new double[9];
        Homography.squareToQuad(corners, h);
        double[][] square = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        for (int i = 0; i < 4; i++) {
            assertEquals(corners[i * 2], Homography.mapX(h, square[i][0], square[i][1]), 1e-12);
            assertEquals(corners[i * 2 + 1], Homography.mapY(h, square[i][0], square[i][1]), 1e-12);
        }
        // Collinear points stay collinear: the centre lies where the quad's diagonals cross.
        double cx = Homography.mapX(h, 0.5, 0.5);
        double cy = Homography.mapY(h, 0.5, 0.5);
        assertEquals(0, cross(corners[0], corners[1], corners[4], corners[5], cx, cy), 1e-12);
        assertEquals(0, cross(corners[2], corners[3], corners[6], corners[7], cx, cy), 1e-12);
        double[] inverse = new double[9];
        Homography.invert(h, inverse);
        assertEquals(0.3, Homography.mapX(inverse, Homography.mapX(h, 0.3, 0.7), Homography.mapY(h, 0.3, 0.7)), 1e-12);
        assertEquals(0.7, Homography.mapY(inverse, Homography.mapX(h, 0.3, 0.7), Homography.mapY(h, 0.3, 0.7)), 1e-12);
    }

    private static double cross(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    @Test
    void aMovedMeshPointCarriesItsContentWithIt() throws Exception {
        int size = 64;
        try (Framebuffer canvas = Canvases.filled(size, size,
                (x, y) -> x >= 30 && x < 34 && y >= 30 && y < 34 ? 255 : 0)) {
            OutputSettings settings = settings(1, CanvasRegion.FULL, CornerPin.IDENTITY, MeshWarp.identity(3, 3),
                    EdgeBlend.NONE, false, size, size);
            assertTrue(settings.setMeshPoint(1, 1, 0.3, 0.6));
            RgbaImage image = render(settings, canvas, size, size);
            double[] c = centroid(image, 0, 0, size);
            // Along the centre row and column the mesh is piecewise linear: content 0..0.5 goes to
            // 0..0.3 (x) and 0..0.6 (y), 0.5..1 to the rest. The dot (content 30/64..34/64) spans
            // the mapped images of its edges; its centroid is their middle.
            double left = 0.3 * (30 / 64.0) / 0.5;
            double right = 0.3 + 0.7 * (34 / 64.0 - 0.5) / 0.5;
            double top = 0.6 * (30 / 64.0) / 0.5;
            double bottom = 0.6 + 0.4 * (34 / 64.0 - 0.5) / 0.5;
            assertEquals((left + right) / 2 * size, c[0], 1.0);
            assertEquals((top + bottom) / 2 * size, c[1], 1.0);
            assertTrue(!settings.setMeshPoint(3, 0, 0.5, 0.5), "no column 3 in a 3x3 mesh");
        }
    }

    @Test
    void theTestCardShowsItsEdgeMarkersAndIsBlendedToo() throws Exception {
        try (Framebuffer canvas = Canvases.filled(32, 32, (x, y) -> 128)) {
            int w = 160;
            int h = 90;
            RgbaImage card = render(settings(3, CanvasRegion.FULL, CornerPin.IDENTITY, MeshWarp.identity(2, 2),
                    EdgeBlend.NONE, true, w, h), canvas, w, h);
            assertRgb(card, 2, h / 2, 255, 0, 0);          // left: red
            assertRgb(card, w - 3, h / 2, 0, 255, 0);      // right: green
            assertRgb(card, w / 2 + 3, 1, 0, 0, 255);      // top: blue
            assertRgb(card, w / 2 + 3, h - 2, 255, 0, 255); // bottom: magenta
            assertRgb(card, w / 8, h / 2 + 7, 255, 255, 255); // a grid line at an eighth
            RgbaImage blended = render(settings(3, CanvasRegion.FULL, CornerPin.IDENTITY, MeshWarp.identity(2, 2),
                    new EdgeBlend(0.5, 0, 0, 0, GAMMA, CURVE), true, w, h), canvas, w, h);
            double weight = EdgeBlend.weight(0.5 / w / 0.5, CURVE);
            assertEquals(255 * Math.pow(weight, 1 / GAMMA), blended.channel(0, h / 2, 0), 1.5,
                    "the card's left edge blended nearly away");
            assertEquals(255 * Math.pow(EdgeBlend.weight(40.5 / w / 0.5, CURVE), 1 / GAMMA),
                    blended.channel(40, h / 2 + 3, 0) , 2.5, "the card blended like the canvas");
            // The number: output 3 lights the top bar, which output 1 (two right segments) does not.
            RgbaImage one = render(settings(1, CanvasRegion.FULL, CornerPin.IDENTITY, MeshWarp.identity(2, 2),
                    EdgeBlend.NONE, true, w, h), canvas, w, h);
            assertTrue(card.meanLuma(74, 35, 12, 3) > one.meanLuma(74, 35, 12, 3) + 60,
                    "the number's top bar is drawn for 3, not for 1");
        }
    }

    private static void assertRgb(RgbaImage image, int x, int y, int r, int g, int b) {
        String at = "pixel (" + x + ", " + y + ")";
        assertEquals(r, image.channel(x, y, 0), 1, at + " red");
        assertEquals(g, image.channel(x, y, 1), 1, at + " green");
        assertEquals(b, image.channel(x, y, 2), 1, at + " blue");
    }

    /** Centroid (x, y, in pixel units with pixel centres at +0.5) and count of bright pixels in a square window. */
    private static double[] centroid(RgbaImage image, int x0, int y0, int size) {
        double sx = 0;
        double sy = 0;
        double weight = 0;
        int count = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.height(), y0 + size); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.width(), x0 + size); x++) {
                int v = image.channel(x, y, 1);
                if (v > 20) {
                    sx += v * (x + 0.5);
                    sy += v * (y + 0.5);
                    weight += v;
                    count++;
                }
            }
        }
        return new double[] {weight == 0 ? Double.NaN : sx / weight, weight == 0 ? Double.NaN : sy / weight, count};
    }
}
