package org.vernissage.sensors.audio;

/**
 * A radix-2 FFT of real input, pre-allocated for one size N (a power of two, 4 or more): the N
 * real samples are packed as N/2 complex ones (even samples real, odd imaginary), transformed
 * with an iterative in-place complex FFT of size N/2, then split into the spectrum of the real
 * signal. That halves the work of a complex FFT of size N. Twiddles and the bit-reversal
 * permutation are computed once; {@link #powerSpectrum} allocates nothing.
 *
 * <p>Output convention: {@code power[k] = |X_k|^2} for bins k = 0..N/2, with the unnormalised
 * DFT {@code X_k = sum_n x_n e^{-2 pi i k n / N}} (bin k is the frequency k * sampleRate / N).
 *
 * <p>Not thread-safe (it holds its work arrays); owned by one {@link AudioAnalyzer}, used on the
 * audio thread.
 */
public final class RealFft {

    private final int size;
    private final int half;
    private final int[] bitReversed;
    private final float[] cos;      // e^{-2 pi i j / half}, j < half/2: the complex FFT's twiddles
    private final float[] sin;
    private final float[] splitCos; // e^{-2 pi i k / size}, k <= half: the split step's twiddles
    private final float[] splitSin;
    private final float[] re;
    private final float[] im;

    public RealFft(int size) {
        if (size < 4 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 4, got " + size);
        }
        this.size = size;
        this.half = size / 2;
        this.bitReversed = new int[half];
        int bits = Integer.numberOfTrailingZeros(half);
        for (int i = 0; i < half; i++) {
            bitReversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        this.cos = new float[Math.max(1, half / 2)];
        this.sin = new float[Math.max(1, half / 2)];
        for (int j = 0; j < half / 2; j++) {
            double angle = 2 * Math.PI * j / half;
            cos[j] = (float) Math.cos(angle);
            sin[j] = (float) -Math.sin(angle);
        }
        this.splitCos = new float[half + 1];
        this.splitSin = new float[half + 1];
        for (int k = 0; k <= half; k++) {
            double angle = 2 * Math.PI * k / size;
            splitCos[k] = (float) Math.cos(angle);
            splitSin[k] = (float) -Math.sin(angle);
        }
        this.re = new float[half];
        this.im = new float[half];
    }

    public int size() {
        return size;
    }

    /**
     * Writes {@code |X_k|^2} for k = 0..N/2 of the N samples {@code input[0..N)} into
     * {@code power[0..N/2]}. The input is not modified.
     */
    public void powerSpectrum(float[] input, float[] power) {
        if (input.length < size || power.length < half + 1) {
            throw new IllegalArgumentException("need " + size + " samples and " + (half + 1) + " bins");
        }
        for (int i = 0; i < half; i++) {
            int j = bitReversed[i];
            re[j] = input[2 * i];
            im[j] = input[2 * i + 1];
        }
        transform();
        split(power);
    }

    /** Iterative decimation-in-time butterflies over the bit-reversed {@link #re}/{@link #im}. */
    private void transform() {
        for (int length = 2; length <= half; length <<= 1) {
            int halfLength = length >> 1;
            int step = half / length;
            for (int start = 0; start < half; start += length) {
                for (int j = 0; j < halfLength; j++) {
                    float wr = cos[j * step];
                    float wi = sin[j * step];
                    int a = start + j;
                    int b = a + halfLength;
                    float tr = wr * re[b] - wi * im[b];
                    float ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    /**
     * From Z = FFT(z), z_n = x_{2n} + i x_{2n+1}: the even part E_k = (Z_k + conj Z_{M-k}) / 2,
     * the odd part O_k = (Z_k - conj Z_{M-k}) / 2i, and X_k = E_k + e^{-2 pi i k / N} O_k.
     */
    private void split(float[] power) {
        for (int k = 0; k <= half; k++) {
            int a = k == half ? 0 : k;
            int b = k == 0 ? 0 : half - k;
            float ar = re[a];
            float ai = im[a];
            float br = re[b];
            float bi = im[b];
            float er = 0.5f * (ar + br);
            float ei = 0.5f * (ai - bi);
            float or = 0.5f * (ai + bi);
            float oi = -0.5f * (ar - br);
            float wr = splitCos[k];
            float wi = splitSin[k];
            float xr = er + wr * or - wi * oi;
            float xi = ei + wr * oi + wi * or;
            power[k] = xr * xr + xi * xi;
        }
    }
}
