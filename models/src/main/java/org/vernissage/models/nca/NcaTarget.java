package org.vernissage.models.nca;

/**
 * The pattern the bundled NCA learns to grow, drawn by code (no downloaded image): a flower of five
 * round coral petals around a golden heart, anti-aliased by 4x4 supersampling, as premultiplied RGBA
 * ({@code (y * size + x) * 4 + c}, row 0 at the top), transparent outside.
 *
 * <p>Stateless; any thread.
 */
public final class NcaTarget {

    private static final int SUPERSAMPLE = 4;

    private NcaTarget() {
    }

    /** The flower on a {@code size x size} grid, filling about two thirds of it. */
    public static float[] flower(int size) {
        float[] rgba = new float[size * size * 4];
        double scale = size / 32.0;
        double centre = size / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double r = 0;
                double g = 0;
                double b = 0;
                double a = 0;
                for (int sy = 0; sy < SUPERSAMPLE; sy++) {
                    for (int sx = 0; sx < SUPERSAMPLE; sx++) {
                        double u = (x + (sx + 0.5) / SUPERSAMPLE - centre) / scale;
                        double v = (y + (sy + 0.5) / SUPERSAMPLE - centre) / scale;
                        double[] c = colourAt(u, v);
                        r += c[0] * c[3];
                        g += c[1] * c[3];
                        b += c[2] * c[3];
                        a += c[3];
                    }
                }
                int n = SUPERSAMPLE * SUPERSAMPLE;
                int i = (y * size + x) * 4;
                rgba[i] = (float) (r / n);
                rgba[i + 1] = (float) (g / n);
                rgba[i + 2] = (float) (b / n);
                rgba[i + 3] = (float) (a / n);
            }
        }
        return rgba;
    }

    /** Straight RGBA at (u, v), in cells of a 32-cell grid from the centre. */
    private static double[] colourAt(double u, double v) {
        // StrictMath: the same pattern, bit for bit, on every machine (the training is reproducible).
        double radius = StrictMath.hypot(u, v);
        double angle = StrictMath.atan2(v, u);
        if (radius < 4.0) {
            double shade = 1 - 0.25 * radius / 4.0;
            return new double[] {1.0 * shade, 0.78 * shade, 0.18 * shade, 1};
        }
        // Five broad lobes: a shape a small rule can learn in minutes, still a flower.
        double edge = 8.5 + 2.5 * StrictMath.cos(5 * angle);
        if (radius < edge) {
            double t = (radius - 4.0) / (edge - 4.0);
            return new double[] {0.85 + 0.15 * t, 0.25 + 0.35 * t, 0.45 + 0.05 * t, 1};
        }
        return new double[] {0, 0, 0, 0};
    }
}
