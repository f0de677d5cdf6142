package org.vernissage.engine.render.output;

/**
 * The projective map (a 3x3 homography) that takes the unit square to a quad: the corner-pin. A
 * homography keeps straight lines straight, which a bilinear quad or a mesh of affine triangles
 * does not; that is why the corner-pin is one, applied per vertex in homogeneous coordinates so
 * that the GPU's perspective-correct interpolation makes it exact at every pixel.
 *
 * <p>Square corners {@code (0,0), (1,0), (1,1), (0,1)} go to the quad's corners in that order.
 * Row-major: {@code x' = (h0 u + h1 v + h2) / (h6 u + h7 v + h8)}, {@code y' = (h3 u + h4 v + h5) / (...)},
 * after Heckbert's closed form ("Fundamentals of Texture Mapping and Image Warping", 1989).
 *
 * <p>Stateless; static methods write into arrays the caller owns (no allocation), any thread.
 */
public final class Homography {

    private Homography() {
    }

    /** Writes into {@code h} (nine numbers) the homography from the unit square to quad {@code xy}. */
    public static void squareToQuad(double[] xy, double[] h) {
        double x0 = xy[0], y0 = xy[1], x1 = xy[2], y1 = xy[3], x2 = xy[4], y2 = xy[5], x3 = xy[6], y3 = xy[7];
        double sx = x0 - x1 + x2 - x3;
        double sy = y0 - y1 + y2 - y3;
        double g = 0;
        double k = 0;
        if (sx != 0 || sy != 0) {
            double dx1 = x1 - x2, dx2 = x3 - x2, dy1 = y1 - y2, dy2 = y3 - y2;
            double den = dx1 * dy2 - dx2 * dy1;
            g = (sx * dy2 - dx2 * sy) / den;
            k = (dx1 * sy - sx * dy1) / den;
        }
        h[0] = x1 - x0 + g * x1;
        h[1] = x3 - x0 + k * x3;
        h[2] = x0;
        h[3] = y1 - y0 + g * y1;
        h[4] = y3 - y0 + k * y3;
        h[5] = y0;
        h[6] = g;
        h[7] = k;
        h[8] = 1;
    }

    /** The x the homography {@code h} takes {@code (u, v)} to. */
    public static double mapX(double[] h, double u, double v) {
        return (h[0] * u + h[1] * v + h[2]) / (h[6] * u + h[7] * v + h[8]);
    }

    /** The y the homography {@code h} takes {@code (u, v)} to. */
    public static double mapY(double[] h, double u, double v) {
        return (h[3] * u + h[4] * v + h[5]) / (h[6] * u + h[7] * v + h[8]);
    }

    /** Writes the inverse of the 3x3 {@code h} into {@code inverse} (scaled so its last entry is 1 when it can be). */
    public static void invert(double[] h, double[] inverse) {
        double a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7], i = h[8];
        double[] m = inverse;
        m[0] = e * i - f * k;
        m[1] = c * k - b * i;
        m[2] = b * f - c * e;
        m[3] = f * g - d * i;
        m[4] = a * i - c * g;
        m[5] = c * d - a * f;
        m[6] = d * k - e * g;
        m[7] = b * g - a * k;
        m[8] = a * e - b * d;
        double scale = m[8] != 0 ? m[8] : 1;
        for (int n = 0; n < 9; n++) {
            m[n] /= scale;
        }
    }

    /**
     * Whether {@code xy} (top left, top right, bottom right, bottom left; y down) is a convex quad
     * wound that way: every turn is to the same side, so the homography keeps {@code w > 0} inside.
     */
    public static boolean isConvexClockwise(double[] xy) {
        for (int corner = 0; corner < 4; corner++) {
            int next = (corner + 1) % 4;
            int after = (corner + 2) % 4;
            double ex = xy[next * 2] - xy[corner * 2];
            double ey = xy[next * 2 + 1] - xy[corner * 2 + 1];
            double fx = xy[after * 2] - xy[next * 2];
            double fy = xy[after * 2 + 1] - xy[next * 2 + 1];
            if (!(ex * fy - ey * fx > 1e-9)) {
                return false;
            }
        }
        return true;
    }
}
