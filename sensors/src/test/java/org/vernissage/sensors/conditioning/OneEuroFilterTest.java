package org.vernissage.sensors.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.OneEuroSpec;

/** Step 5: the One Euro filter against hand-computed steps, its promised behaviour, and a reference. */
class OneEuroFilterTest {

    private static final long MS = 1_000_000L;
    private static final long T0 = 5_000 * MS; // an arbitrary engine-clock origin

    private static OneEuroFilter filter(double minCutoff, double beta, double derivativeCutoff) {
        return new OneEuroFilter(new OneEuroSpec(minCutoff, beta, derivativeCutoff));
    }

    @Test
    void theFirstSamplePassesThrough() {
        OneEuroFilter f = filter(1, 0.5, 1);
        assertEquals(Double.NaN, f.value());
        assertEquals(0.7, f.filter(0.7, T0));
        assertEquals(0.7, f.value());
    }

    @Test
    void secondStepWithBetaZeroIsALowPassAtTheMinimumCutoff() {
        OneEuroFilter f = filter(1, 0, 1);
        f.filter(0, T0);
        double tau = 1 / (2 * Math.PI * 1);
        double alpha = 0.01 / (0.01 + tau); // 0.0591174...
        assertEquals(alpha, f.filter(1, T0 + 10 * MS), 1e-15);
        assertEquals(0.05911739744, alpha, 1e-10);
    }

    @Test
    void secondStepWithBetaRaisesTheCutoffBySpeed() {
        OneEuroFilter f = filter(1, 0.5, 2);
        f.filter(0, T0);
        double te = 0.01;
        double dx = (1 - 0) / te; // 100 per second
        double alphaD = te / (te + 1 / (2 * Math.PI * 2));
        double dxHat = alphaD * dx; // from a speed of 0 at the first sample
        double cutoff = 1 + 0.5 * dxHat;
        double alpha = te / (te + 1 / (2 * Math.PI * cutoff));
        assertEquals(alpha, f.filter(1, T0 + 10 * MS), 1e-15);
        assertEquals(0.2925583862, alpha, 1e-9, "a fast move opens the filter: about 5 times the 0.059 at rest");
    }

    @Test
    void aConstantSignalConvergesMonotonically() {
        OneEuroFilter f = filter(1, 0.1, 1);
        f.filter(0, T0);
        double previous = 0;
        double v = 0;
        for (int i = 1; i <= 500; i++) { // 5 s at 100 Hz
            v = f.filter(1, T0 + i * 10 * MS);
            assertTrue(v >= previous && v <= 1, "sample " + i + ": " + v);
            previous = v;
        }
        assertEquals(1.0, v, 1e-9);
    }

    @Test
    void alternatingJitterIsAttenuatedExactlyAsTheLowPassPredicts() {
        // At rest (beta 0) the filter is y = a x + (1 - a) y'. An input c + d(-1)^n settles to
        // c + A(-1)^n with A = a d / (2 - a): the gain of this low-pass at the Nyquist frequency.
        double d = 0.01;
        OneEuroFilter f = filter(1, 0, 1);
        double a = OneEuroFilter.alpha(0.01, 1);
        double predicted = d * a / (2 - a);
        double amplitude = 0;
        for (int i = 0; i < 2000; i++) {
            double v = f.filter(0.5 + (i % 2 == 0 ? d : -d), T0 + i * 10 * MS);
            if (i >= 1900) {
                amplitude = Math.max(amplitude, Math.abs(v - 0.5));
            }
        }
        assertTrue(amplitude <= predicted * (1 + 1e-9), amplitude + " > predicted " + predicted);
        assertEquals(predicted, amplitude, predicted * 1e-6);
        assertTrue(predicted < d / 30, "1 Hz at 100 Hz attenuates the jitter more than 30 times");
    }

    @Test
    void randomJitterOnAStillSignalIsAttenuatedAtLeastAsPredicted() {
        // White noise of variance s^2 through y = a x + (1 - a) y' has variance s^2 a / (2 - a).
        SplittableRandom random = new SplittableRandom(7);
        double sigma = 0.01;
        OneEuroFilter f = filter(1, 0, 1);
        double a = OneEuroFilter.alpha(0.01, 1);
        double predictedStd = sigma * Math.sqrt(a / (2 - a));
        double sum = 0;
        double sumSquares = 0;
        int n = 0;
        for (int i = 0; i < 30_000; i++) {
            double v = f.filter(0.5 + sigma * gaussian(random), T0 + i * 10 * MS);
            if (i >= 1000) {
                sum += v;
                sumSquares += v * v;
                n++;
            }
        }
        double mean = sum / n;
        double std = Math.sqrt(sumSquares / n - mean * mean);
        assertTrue(std <= predictedStd * 1.1, "std " + std + " vs predicted " + predictedStd);
        assertTrue(std >= predictedStd * 0.9, "std " + std + " vs predicted " + predictedStd);
        assertEquals(0.5, mean, 1e-3);
    }

    @Test
    void aHigherBetaFollowsAStepFaster() {
        double[] betas = {0, 0.05, 0.5, 5};
        double[] after50ms = new double[betas.length];
        for (int b = 0; b < betas.length; b++) {
            OneEuroFilter f = filter(1, betas[b], 1);
            for (int i = 0; i < 100; i++) {
                f.filter(0, T0 + i * 10 * MS);
            }
            double v = 0;
            for (int i = 100; i < 105; i++) {
                v = f.filter(1, T0 + i * 10 * MS);
            }
            after50ms[b] = v;
        }
        for (int b = 1; b < betas.length; b++) {
            assertTrue(after50ms[b] > after50ms[b - 1],
                    "beta " + betas[b] + " -> " + after50ms[b] + " vs beta " + betas[b - 1] + " -> " + after50ms[b - 1]);
        }
        assertTrue(after50ms[0] < 0.3 && after50ms[3] > 0.6 && after50ms[3] < 1, java.util.Arrays.toString(after50ms));
    }

    @Test
    void equalsAStraightforwardReferenceOverARandomSignal() {
        SplittableRandom random = new SplittableRandom(2012);
        double[][] specs = {{1, 0, 1}, {1, 0.007, 1}, {0.5, 2, 1}, {3, 0.1, 0.3}, {10, 50, 5}};
        for (double[] s : specs) {
            OneEuroFilter f = filter(s[0], s[1], s[2]);
            ReferenceOneEuro reference = new ReferenceOneEuro(s[0], s[1], s[2]);
            long nanos = T0;
            double x = random.nextDouble();
            for (int i = 0; i < 5000; i++) {
                nanos += 1 + random.nextLong(40 * MS); // 1 ns to 40 ms, irregular like real events
                x += (random.nextDouble() - 0.5) * 0.1;
                double expected = reference.filter(x, nanos / 1e9);
                assertEquals(expected, f.filter(x, nanos), 1e-9, "spec " + java.util.Arrays.toString(s) + " sample " + i);
            }
        }
    }

    @Test
    void aSampleAtTheSameInstantReplacesThePreviousOne() {
        OneEuroFilter corrected = filter(1, 0.3, 1);
        corrected.filter(0, T0);
        corrected.filter(1, T0 + 10 * MS);
        double v = corrected.filter(0.5, T0 + 10 * MS);

        OneEuroFilter direct = filter(1, 0.3, 1);
        direct.filter(0, T0);
        assertEquals(direct.filter(0.5, T0 + 10 * MS), v, 0.0, "bit for bit");
        // and the filter goes on from there as if the replaced sample never happened
        assertEquals(direct.filter(0.6, T0 + 20 * MS), corrected.filter(0.6, T0 + 20 * MS), 0.0);
    }

    @Test
    void aSampleStampedBeforeThePreviousOneCorrectsThePreviousInstant() {
        OneEuroFilter late = filter(1, 0.3, 1);
        late.filter(0, T0);
        late.filter(1, T0 + 10 * MS);
        double v = late.filter(0.5, T0 + 5 * MS);
        assertTrue(Double.isFinite(v));

        OneEuroFilter direct = filter(1, 0.3, 1);
        direct.filter(0, T0);
        assertEquals(direct.filter(0.5, T0 + 10 * MS), v, 0.0, "taken at the latest instant, never at negative time");
    }

    @Test
    void correctingTheFirstSampleMakesTheNewValueTheFirst() {
        OneEuroFilter f = filter(1, 0.3, 1);
        f.filter(0.3, T0);
        assertEquals(0.9, f.filter(0.9, T0));
        OneEuroFilter fresh = filter(1, 0.3, 1);
        fresh.filter(0.9, T0);
        assertEquals(fresh.filter(0.2, T0 + 10 * MS), f.filter(0.2, T0 + 10 * MS), 0.0);
    }

    @Test
    void extremeValuesAndOneNanosecondStepsStayFinite() {
        OneEuroFilter f = filter(1e-3, 1e6, 1e-3);
        double[] xs = {0, 1e80, -1e80, 0, 1e-300, 5};
        for (int i = 0; i < xs.length; i++) {
            assertTrue(Double.isFinite(f.filter(xs[i], T0 + i)), "sample " + i);
        }
        assertTrue(Double.isFinite(f.filter(1, T0 + 1_000_000 * 1_000_000_000L)), "after 11 days of silence");
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller, so the test does not depend on the JDK's own Gaussian algorithm
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * The CHI 2012 listing, written the plain way: two low-pass filters that remember their last
     * output, a rate in Hz from timestamps in seconds, the speed against the previous output.
     */
    private static final class ReferenceOneEuro {
        private final double minCutoff;
        private final double beta;
        private final double dCutoff;
        private final LowPass x = new LowPass();
        private final LowPass dx = new LowPass();
        private double lastTime = Double.NaN;

        ReferenceOneEuro(double minCutoff, double beta, double dCutoff) {
            this.minCutoff = minCutoff;
            this.beta = beta;
            this.dCutoff = dCutoff;
        }

        double filter(double value, double time) {
            if (Double.isNaN(lastTime)) {
                lastTime = time;
                dx.filter(0, 1);
                return x.filter(value, 1);
            }
            double rate = 1 / (time - lastTime);
            lastTime = time;
            double speed = (value - x.last) * rate;
            double edx = dx.filter(speed, alpha(rate, dCutoff));
            double cutoff = minCutoff + beta * Math.abs(edx);
            return x.filter(value, alpha(rate, cutoff));
        }

        private static double alpha(double rate, double cutoff) {
            double te = 1 / rate;
            double tau = 1 / (2 * Math.PI * cutoff);
            return 1 / (1 + tau / te);
        }

        private static final class LowPass {
            boolean started;
            double last;

            double filter(double value, double alpha) {
                last = started ? last + alpha * (value - last) : value;
                started = true;
                return last;
            }
        }
    }
}
