package org.vernissage.engine.render;

/**
 * The part of the canvas an {@link Output} shows, in fractions of the canvas's width and height
 * with the origin at the top left, as a projection designer measures a wall: {@code (0.5, 0, 0.5,
 * 1)} is the right half. Fractions rather than pixels, so that a region still means the same part
 * of the picture after the canvas is resized.
 *
 * <p>Immutable.
 *
 * @param x left edge, 0..1
 * @param y top edge, 0..1
 * @param width 0..1, more than 0, with {@code x + width <= 1}
 * @param height 0..1, more than 0, with {@code y + height <= 1}
 */
public record CanvasRegion(double x, double y, double width, double height) {

    /** The whole canvas. */
    public static final CanvasRegion FULL = new CanvasRegion(0, 0, 1, 1);

    public CanvasRegion {
        if (!(x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1 + 1e-9 && y + height <= 1 + 1e-9)) {
            throw new IllegalArgumentException("a canvas region is x, y, width, height in fractions of the canvas"
                    + " (0..1, width and height above 0, inside the canvas); got " + x + ", " + y + ", " + width
                    + ", " + height);
        }
    }

    /** Left edge in pixels of a canvas {@code canvasWidth} wide. */
    int left(int canvasWidth) {
        return (int) Math.round(x * canvasWidth);
    }

    /** Right edge (exclusive) in pixels; always at least one pixel right of {@link #left}. */
    int right(int canvasWidth) {
        return Math.max(left(canvasWidth) + 1, (int) Math.round((x + width) * canvasWidth));
    }

    /** Bottom edge in GL's pixel rows (row 0 at the bottom) of a canvas {@code canvasHeight} high. */
    int bottom(int canvasHeight) {
        return (int) Math.round((1 - y - height) * canvasHeight);
    }

    /** Top edge (exclusive) in GL's pixel rows; always at least one row above {@link #bottom}. */
    int top(int canvasHeight) {
        return Math.max(bottom(canvasHeight) + 1, (int) Math.round((1 - y) * canvasHeight));
    }

    /** A short description for logs, e.g. "the whole canvas" or "region x 0.5 y 0 w 0.5 h 1". */
    public String describe() {
        return equals(FULL) ? "the whole canvas" : "region x " + x + " y " + y + " w " + width + " h " + height;
    }
}
