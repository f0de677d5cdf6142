package org.vernissage.sensors.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link RealFft} against a plain O(N^2) DFT in double precision, at every size 4..2048. */
class AudioFftTest {

    @Test
    void powerSpectrumMatchesTheDirectDftAtEverySize() {
        SplittableRandom random = new SplittableRandom(7);
        for (int size = 4; size <= 2048; size *= 2) {
            RealFft fft = new RealFft(size);
            for (int trial = 0; trial < 2; trial++) {
                float[] x = new float[size];
                for (int n = 0; n < size; n++) {
                    x[n] = (float) (2 * random.nextDouble() - 1);
                }
                float[] input = x.clone();
                float[] power = new float[size / 2 + 1];
                fft.powerSpectrum(input, power);
                double[] expected = directPower(x);
                double largest = 0;
                for (double p : expected) {
                    largest = Math.max(largest, p);
                }
                for (int k = 0; k <= size / 2; k++) {
                    assertEquals(expected[k], power[k], 1e-4 * largest, "size " + size + " bin " + k);
                }
                assertEquals(java.util.Arrays.toString(x), java.util.Arrays.toString(input), "input was modified");
            }
        }
    }

    @Test
    void aCosineOnABinPutsAllItsPowerInThatBin() {
        int size = 1024;
        RealFft fft = new RealFft(size);
        for (int bin : new int[] {0, 1, 23, 300, 511, 512}) {
            float[] x = new float[size];
            for (int n = 0; n < size; n++) {
                x[n] = (float) Math.cos(2 * Math.PI * bin * n / size);
            }
            float[] power = new float[size / 2 + 1];
            fft.powerSpectrum(x, power);
            double peak = bin == 0 || bin == size / 2 ? size : size / 2.0;
            for (int k = 0; k <= size / 2; k++) {
                assertEquals(k == bin ? peak * peak : 0, power[k], 1e-3 * peak * peak, "bin " + k + " for " + bin);
            }
        }
    }

    @Test
    void onlyPowersOfTwoFromFour() {
        assertThrows(IllegalArgumentException.class, () -> new RealFft(2));
        assertThrows(IllegalArgumentException.class, () -> new RealFft(1000));
    }

    private static double[] directPower(float[] x) {
        int size = x.length;
        double[] power = new double[size / 2 + 1];
        for (int k = 0; k <= size / 2; k++) {
            double re = 0;
            double im = 0;
            for (int n = 0; n < size; n++) {
                double angle = -2 * Math.PI * ((long) k * n % size) / size;
                re += x[n] * Math.cos(angle);
                im += x[n] * Math.sin(angle);
            }
            power[k] = re * re + im * im;
        }
        return power;
    }
}
