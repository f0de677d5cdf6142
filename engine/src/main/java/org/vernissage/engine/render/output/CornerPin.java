package org.vernissage.engine.render.output;

import java.util.Arrays;

/**
 * Where the four corners of an output's content go on the output, in fractions of the output
 * (origin top left, as a projectionist measures): top left, top right, bottom right, bottom left.
 * The picture between them is placed by the homography that takes the unit square to that quad
 * ({@link Homography}), so straight lines of the canvas stay straight on the wall. The quad must be
 * convex and wound in that order.
 *
 * <p>Immutable (the array is copied in and out).
 *
 * @param xy eight numbers: x0, y0 (top left), x1, y1 (top right), x2, y2 (bottom right), x3, y3
 */
public record CornerPin(double[] xy) {

    /** The corners where they are: the whole output. */
    public static final CornerPin IDENTITY = new CornerPin(new double[] {0, 0, 1, 0, 1, 1, 0, 1});

    public static final double MIN_COORDINATE = -2;
    public static final double MAX_COORDINATE = 3;

    public CornerPin {
        if (xy.length != 8) {
            throw new IllegalArgumentException("a corner-pin has four corners (eight numbers), got " + xy.length);
        }
        xy = xy.clone();
        for (double v : xy) {
            if (!(v >= MIN_COORDINATE && v <= MAX_COORDINATE)) {
                throw new IllegalArgumentException("a corner lies within " + MIN_COORDINATE + " to " + MAX_COORDINATE
                        + " of the output, got " + v);
            }
        }
        if (!Homography.isConvexClockwise(xy)) {
            throw new IllegalArgumentException("the corners must make a convex quad in the order top left, top"
                    + " right, bottom right, bottom left; got " + Arrays.toString(xy));
        }
    }

    @Override
    public double[] xy() {
        return xy.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CornerPin pin && Arrays.equals(pin.xy, xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return "CornerPin" + Arrays.toString(xy);
    }
}
