package org.vernissage.models.nca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written backward pass of {@link NcaRule} against finite differences of its forward pass,
 * through three steps, for weights of both layers, the bias and the initial state.
 */
class NcaRuleGradientTest {

    private static final int SIZE = 6;
    private static final int CHANNELS = 8;
    private static final int HIDDEN = 8;
    private static final int STEPS = 3;

    @Test
    void backwardMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(11);
        float[] w1 = randoms(random, 3 * CHANNELS * HIDDEN, 0.5);
        float[] b1 = randoms(random, HIDDEN, 0.2);
        float[] w2 = randoms(random, CHANNELS * HIDDEN, 0.3);
        float[] start = randoms(random, SIZE * SIZE * CHANNELS, 0.5);
        for (int cell = 0; cell < SIZE * SIZE; cell++) {
            start[cell * CHANNELS + NcaWeights.ALPHA] = 0.6f + 0.3f * (float) random.nextDouble();
        }
        // Leave one corner dead so that the life mask is exercised too.
        start[NcaWeights.ALPHA] = 0f;
        start[(SIZE * SIZE - 1) * CHANNELS + NcaWeights.ALPHA] = 0f;
        float[][] fires = new float[STEPS][SIZE * SIZE];
        for (float[] fire : fires) {
            for (int i = 0; i < fire.length; i++) {
                fire[i] = (float) random.nextDouble();
            }
        }
        float[] direction = randoms(random, SIZE * SIZE * CHANNELS, 1.0);

        NcaWeights weights = new NcaWeights(CHANNELS, HIDDEN, w1, b1, w2);
        NcaRule rule = new NcaRule(SIZE, CHANNELS, HIDDEN);
        NcaRule.Trace[] traces = new NcaRule.Trace[STEPS];
        float[] x = start.clone();
        for (int t = 0; t < STEPS; t++) {
            traces[t] = new NcaRule.Trace(SIZE * SIZE, 3 * CHANNELS, HIDDEN);
            float[] next = new float[x.length];
            rule.forward(weights, x, next, fires[t], traces[t]);
            x = next;
        }
        float[] gw1 = new float[w1.length];
        float[] gb1 = new float[b1.length];
        float[] gw2 = new float[w2.length];
        float[] g = direction.clone();
        for (int t = STEPS - 1; t >= 0; t--) {
            float[] gOut = new float[g.length];
            rule.backward(weights, traces[t], g, gOut, gw1, gb1, gw2);
            g = gOut;
        }

        int checked = 0;
        for (int i = 0; i < w1.length; i += 7) {
            checked += check("w1[" + i + "]", gw1[i], numeric(w1, i, () -> objective(new NcaWeights(CHANNELS, HIDDEN, w1, b1, w2), start, fires, direction)));
        }
        for (int i = 0; i < b1.length; i++) {
            checked += check("b1[" + i + "]", gb1[i], numeric(b1, i, () -> objective(new NcaWeights(CHANNELS, HIDDEN, w1, b1, w2), start, fires, direction)));
        }
        for (int i = 0; i < w2.length; i += 3) {
            checked += check("w2[" + i + "]", gw2[i], numeric(w2, i, () -> objective(new NcaWeights(CHANNELS, HIDDEN, w1, b1, w2), start, fires, direction)));
        }
        float[] g0 = g;
        for (int i = 0; i < start.length; i += 5) {
            checked += check("x0[" + i + "]", g0[i], numeric(start, i, () -> objective(weights, start, fires, direction)));
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    private static int check(String what, double analytic, double numeric) {
        assertEquals(numeric, analytic, 2e-3 + 2e-2 * Math.abs(numeric), what);
        return 1;
    }

    private static double numeric(float[] values, int i, java.util.function.DoubleSupplier f) {
        float keep = values[i];
        double h = 5e-4;
        values[i] = (float) (keep + h);
        double up = f.getAsDouble();
        values[i] = (float) (keep - h);
        double down = f.getAsDouble();
        values[i] = keep;
        return (up - down) / (2 * h);
    }

    private static double objective(NcaWeights weights, float[] start, float[][] fires, float[] direction) {
        NcaRule rule = new NcaRule(SIZE, CHANNELS, HIDDEN);
        float[] x = start.clone();
        for (float[] fire : fires) {
            float[] next = new float[x.length];
            rule.forward(weights, x, next, fire, null);
            x = next;
        }
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (double) x[i] * direction[i];
        }
        return sum;
    }

    private static float[] randoms(SplittableRandom random, int n, double spread) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) ((random.nextDouble() * 2 - 1) * spread);
        }
        return out;
    }
}
