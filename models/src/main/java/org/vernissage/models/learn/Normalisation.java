package org.vernissage.models.learn;

/**
 * The per-input normalisation the learners share: the mean of each input over the examples and
 * the scale {@code 1 / standard deviation} (1 for an input that never changes, which carries no
 * information and must not become infinite).
 *
 * <p>Stateless (static methods); any thread.
 */
final class Normalisation {

    static final float MIN_STD = 1e-6f;

    private Normalisation() {
    }

    /** {@code {mean, scale}} of the rows' columns. */
    static float[][] of(float[][] rows) {
        int n = rows[0].length;
        double[] sum = new double[n];
        double[] squares = new double[n];
        for (float[] row : rows) {
            for (int i = 0; i < n; i++) {
                sum[i] += row[i];
            }
        }
        float[] mean = new float[n];
        for (int i = 0; i < n; i++) {
            mean[i] = (float) (sum[i] / rows.length);
        }
        for (float[] row : rows) {
            for (int i = 0; i < n; i++) {
                double d = row[i] - mean[i];
                squares[i] += d * d;
            }
        }
        float[] scale = new float[n];
        for (int i = 0; i < n; i++) {
            float std = (float) Math.sqrt(squares[i] / rows.length);
            scale[i] = std < MIN_STD ? 1f : 1f / std;
        }
        return new float[][] {mean, scale};
    }
}
