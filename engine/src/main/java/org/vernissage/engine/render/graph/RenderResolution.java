package org.vernissage.engine.render.graph;

/**
 * The size a render graph draws its layers at, independent of the canvas it is shown on: either
 * a fixed size in pixels (a piece composed at 640x360 looks the same on any canvas, only sharper
 * or softer) or a fraction of the canvas (0.5: a quarter of the pixels, for a slow shader on a big
 * wall). The final composite scales the layers onto the canvas with linear filtering; a fixed size
 * whose shape differs from the canvas's is letterboxed, never stretched.
 *
 * <p>Immutable.
 *
 * @param width fixed width in pixels, or 0 for a fraction of the canvas
 * @param height fixed height in pixels, or 0 for a fraction of the canvas
 * @param fraction of the canvas's size, when width and height are 0
 */
public record RenderResolution(int width, int height, double fraction) {

    /** The largest side a graph target may have. */
    public static final int MAX_SIDE = 16_384;
    /** The canvas's own size: the default. */
    public static final RenderResolution CANVAS = new RenderResolution(0, 0, 1.0);

    public RenderResolution {
        boolean fixed = width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE;
        boolean relative = width == 0 && height == 0 && fraction > 0 && fraction <= 4;
        if (!fixed && !relative) {
            throw new IllegalArgumentException("a render resolution is a size from 1x1 to " + MAX_SIDE + "x"
                    + MAX_SIDE + " or a fraction of the canvas in (0, 4], got " + width + "x" + height
                    + " / " + fraction);
        }
    }

    public static RenderResolution fixed(int width, int height) {
        return new RenderResolution(width, height, 0);
    }

    public static RenderResolution ofCanvas(double fraction) {
        return new RenderResolution(0, 0, fraction);
    }

    public boolean isFixed() {
        return width > 0;
    }

    /** The graph's width for a canvas {@code canvasWidth} wide. */
    public int widthFor(int canvasWidth) {
        return isFixed() ? width : scaled(canvasWidth, fraction);
    }

    /** The graph's height for a canvas {@code canvasHeight} high. */
    public int heightFor(int canvasHeight) {
        return isFixed() ? height : scaled(canvasHeight, fraction);
    }

    /** {@code side * scale}, rounded, at least 1 and at most {@link #MAX_SIDE}. */
    static int scaled(int side, double scale) {
        return (int) Math.max(1, Math.min(MAX_SIDE, Math.round(side * scale)));
    }
}
