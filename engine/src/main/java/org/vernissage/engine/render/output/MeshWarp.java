package org.vernissage.engine.render.output;

import java.util.Arrays;

/**
 * A grid-mesh warp: {@code columns} x {@code rows} control points, each where that point of the
 * output's content goes, in the corner-pinned square (0..1, origin top left). Point {@code (i, j)}
 * (column {@code i}, row {@code j}) carries the content point {@code (i / (columns - 1),
 * j / (rows - 1))}; between points the content is bilinear. The identity mesh leaves the picture
 * as the corner-pin places it.
 *
 * <p>Immutable (the array is copied in and out).
 */
public record MeshWarp(int columns, int rows, double[] points) {

    public static final int MAX_POINTS_PER_SIDE = 33;

    public MeshWarp {
        if (columns < 2 || rows < 2 || columns > MAX_POINTS_PER_SIDE || rows > MAX_POINTS_PER_SIDE) {
            throw new IllegalArgumentException("a mesh has 2 to " + MAX_POINTS_PER_SIDE + " points a side, got "
                    + columns + "x" + rows);
        }
        if (points.length != columns * rows * 2) {
            throw new IllegalArgumentException("a " + columns + "x" + rows + " mesh has " + columns * rows
                    + " points, got " + points.length / 2);
        }
        points = points.clone();
    }

    /** The identity mesh of {@code columns} x {@code rows} points. */
    public static MeshWarp identity(int columns, int rows) {
        double[] points = new double[columns * rows * 2];
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < columns; i++) {
                points[(j * columns + i) * 2] = i / (double) (columns - 1);
                points[(j * columns + i) * 2 + 1] = j / (double) (rows - 1);
            }
        }
        return new MeshWarp(columns, rows, points);
    }

    @Override
    public double[] points() {
        return points.clone();
    }

    /** Whether every point is where the identity mesh has it. */
    public boolean isIdentity() {
        return Arrays.equals(points, identity(columns, rows).points);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MeshWarp mesh && mesh.columns == columns && mesh.rows == rows
                && Arrays.equals(mesh.points, points);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * columns + rows) + Arrays.hashCode(points);
    }

    @Override
    public String toString() {
        return "MeshWarp[" + columns + "x" + rows + "]";
    }
}
