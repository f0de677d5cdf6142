package org.vernissage.sensors.audio;

import org.vernissage.engine.binding.AudioSelector;

/**
 * Which FFT bins make up each of the {@link AudioSelector#BANDS} log-spaced bands between
 * {@link #LOWEST_HZ} and {@link #HIGHEST_HZ}: band b spans {@code 40 * 400^(b/8)} to
 * {@code 40 * 400^((b+1)/8)} Hz (each a little over an octave: 40, 85, 179, 378, 800, 1692, 3578,
 * 7566, 16000 Hz), and holds the bins whose centre frequency lies in that span. A band too narrow
 * to hold a bin (low bands of a short FFT) takes the one bin nearest its centre, so every band
 * measures something; a band above the Nyquist frequency (sample rates under 32 kHz) holds no
 * bin and always reads 0.
 *
 * <p>Immutable; built with its {@link AudioAnalyzer}.
 */
public final class BandLayout {

    public static final double LOWEST_HZ = 40;
    public static final double HIGHEST_HZ = 16_000;

    private final int[] firstBin = new int[AudioSelector.BANDS];
    private final int[] endBin = new int[AudioSelector.BANDS];   // exclusive

    public BandLayout(float sampleRate, int fftSize) {
        double binHz = sampleRate / fftSize;
        int nyquistBin = fftSize / 2;
        for (int band = 0; band < AudioSelector.BANDS; band++) {
            double low = edgeHz(band);
            double high = edgeHz(band + 1);
            int first = Math.max(1, (int) Math.ceil(low / binHz));
            int end = Math.min(nyquistBin + 1, (int) Math.ceil(high / binHz));
            if (end <= first && low < nyquistBin * binHz) {
                int nearest = (int) Math.round(Math.sqrt(low * high) / binHz);
                first = Math.clamp(nearest, 1, nyquistBin);
                end = first + 1;
            }
            firstBin[band] = first;
            endBin[band] = Math.max(first, end);
        }
    }

    /** The lower edge of {@code band} in Hz (band {@link AudioSelector#BANDS} gives the top edge). */
    public static double edgeHz(int band) {
        return LOWEST_HZ * Math.pow(HIGHEST_HZ / LOWEST_HZ, (double) band / AudioSelector.BANDS);
    }

    /** The band (0..BANDS-1) a frequency falls in, or -1 outside 40 Hz..16 kHz. */
    public static int bandOf(double hz) {
        for (int band = 0; band < AudioSelector.BANDS; band++) {
            if (hz >= edgeHz(band) && hz < edgeHz(band + 1)) {
                return band;
            }
        }
        return -1;
    }

    public int firstBin(int band) {
        return firstBin[band];
    }

    /** One past the last bin of {@code band}; equal to {@link #firstBin} when the band is empty. */
    public int endBin(int band) {
        return endBin[band];
    }
}
