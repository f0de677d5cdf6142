package org.vernissage.sensors.audio;

import java.util.Arrays;
import org.vernissage.engine.binding.AudioSelector;

/**
 * Turns mono samples (-1..1) into per-block features, all 0..1:
 * <ul>
 *   <li><b>level</b>: the block's RMS in dBFS ({@code 20 log10 rms}, full scale = 1.0, so a
 *       full-scale square wave reads 0 dBFS and a full-scale sine -3 dBFS), mapped linearly from
 *       {@value #FLOOR_DB}..0 dBFS onto 0..1 and clamped. A sine of peak amplitude A reads
 *       {@code 1 + 20 log10(A / sqrt 2) / 60}: at -6 dBFS peak (A = 0.501) that is 0.8495.</li>
 *   <li><b>band b</b> ({@link AudioSelector#BANDS} log-spaced bands, see {@link BandLayout}): the
 *       part of the block's mean square that falls in the band, taken from the Hann-windowed
 *       power spectrum and scaled so that it is in the same units as the level (Parseval:
 *       {@code ms_b = 2 sum_{k in b} |X_k|^2 / (N sum w^2)}), then in dB and mapped exactly like
 *       the level. So a sine in a band reads the same in that band as in the level, the bands
 *       of white noise add up to the level, and the numbers compare across bands.</li>
 *   <li><b>onset</b>: true on the block where {@link OnsetDetector} finds one, false otherwise.</li>
 * </ul>
 * Blocks are {@link #blockSize()} samples (1024 at 44.1 or 48 kHz, scaled with the rate so a block
 * stays about 21-23 ms) taken every {@link #hop()} samples (half a block). The window starts
 * filled with silence, so block k (from 0) ends at sample {@code (k+1) hop} and its centre, the
 * moment a windowed block stands for, is at sample {@code (k+1) hop - blockSize/2} ({@code k hop}
 * with the default half-block hop).
 *
 * <p>Input outside -1..1 is clipped and NaN counts as 0, so no input can make a feature NaN or
 * leave 0..1 (a float file can hold anything).
 *
 * <p>Everything is allocated at construction; {@link #accept} allocates nothing. Not
 * thread-safe: owned and fed by one thread (the audio thread of an {@link AudioInput}).
 */
public final class AudioAnalyzer {

    public static final float FLOOR_DB = -60f;
    private static final double FLOOR_MEAN_SQUARE = Math.pow(10, FLOOR_DB / 10.0);

    private final float sampleRate;
    private final int blockSize;
    private final int hop;
    private final float[] window;
    private final float[] samples;     // the sliding block, oldest first
    private final float[] windowed;
    private final float[] power;
    private final float[] magnitudes;  // bins 1..N/2, normalised so a sine of amplitude A peaks near A
    private final RealFft fft;
    private final BandLayout bands;
    private final OnsetDetector onsets;
    private final double bandScale;    // 2 / (N sum w^2)
    private final float magnitudeScale; // 2 / sum w
    private int filled;
    private long blocks;

    private float level;
    private final float[] bandValues = new float[AudioSelector.BANDS];
    private boolean onset;

    /** An analyzer with the block size for this rate ({@link #blockSizeFor}) and a half-block hop. */
    public AudioAnalyzer(float sampleRate) {
        this(sampleRate, blockSizeFor(sampleRate), blockSizeFor(sampleRate) / 2);
    }

    public AudioAnalyzer(float sampleRate, int blockSize, int hop) {
        if (!(sampleRate >= 1000 && sampleRate <= 768_000)) {
            throw new IllegalArgumentException("sample rate must be 1 kHz..768 kHz, got " + sampleRate);
        }
        if (hop < 1 || hop > blockSize) {
            throw new IllegalArgumentException("hop must be 1.." + blockSize + ", got " + hop);
        }
        this.sampleRate = sampleRate;
        this.blockSize = blockSize;
        this.hop = hop;
        this.fft = new RealFft(blockSize);
        this.window = new float[blockSize];
        double sum = 0;
        double sumOfSquares = 0;
        for (int n = 0; n < blockSize; n++) {
            // Periodic Hann: overlapping at half a block, the windows add up to a constant.
            window[n] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * n / blockSize));
            sum += window[n];
            sumOfSquares += (double) window[n] * window[n];
        }
        this.bandScale = 2.0 / (blockSize * sumOfSquares);
        this.magnitudeScale = (float) (2.0 / sum);
        this.samples = new float[blockSize];
        this.windowed = new float[blockSize];
        this.power = new float[blockSize / 2 + 1];
        this.magnitudes = new float[blockSize / 2];
        this.bands = new BandLayout(sampleRate, blockSize);
        this.onsets = new OnsetDetector(magnitudes.length, sampleRate / hop);
        this.filled = blockSize - hop;
    }

    /** The power of two nearest to 23 ms of audio: 1024 at 44.1 and 48 kHz, 2048 at 96 kHz. */
    public static int blockSizeFor(float sampleRate) {
        double wanted = sampleRate * 1024.0 / 44_100.0;
        int size = Integer.highestOneBit((int) Math.max(64, wanted));
        return wanted / size > 1.5 ? size * 2 : size;
    }

    /**
     * Appends {@code length} samples and analyses every block they complete, telling
     * {@code listener} after each one.
     */
    public void accept(float[] mono, int offset, int length, AudioBlockListener listener) {
        int end = offset + length;
        int at = offset;
        while (at < end) {
            int take = Math.min(end - at, blockSize - filled);
            for (int i = 0; i < take; i++) {
                samples[filled + i] = sanitize(mono[at + i]);
            }
            filled += take;
            at += take;
            if (filled == blockSize) {
                analyze();
                blocks++;
                listener.onBlock(this);
                System.arraycopy(samples, hop, samples, 0, blockSize - hop);
                filled = blockSize - hop;
            }
        }
    }

    /**
     * Forgets the audio so far, for a stream that starts again after a gap (a line reopened after
     * it was lost): the window is silence again and the onset detector has no history, exactly as
     * after construction, so the first block after the gap is neither a mix of old and new audio
     * nor compared with the spectrum from before it. The last block's features stay readable until
     * the next block; {@link #blocks()} keeps counting (so {@link #blockCentreSample} no longer
     * maps blocks to samples of one continuous stream). Allocates nothing.
     */
    public void restart() {
        Arrays.fill(samples, 0f);
        filled = blockSize - hop;
        onsets.reset();
    }

    private static float sanitize(float sample) {
        if (sample >= -1f && sample <= 1f) {
            return sample;
        }
        return sample > 1f ? 1f : sample < -1f ? -1f : 0f; // NaN fails every comparison: 0
    }

    private void analyze() {
        double sumOfSquares = 0;
        for (int n = 0; n < blockSize; n++) {
            float x = samples[n];
            sumOfSquares += (double) x * x;
            windowed[n] = x * window[n];
        }
        level = toUnit(sumOfSquares / blockSize);
        fft.powerSpectrum(windowed, power);
        for (int band = 0; band < AudioSelector.BANDS; band++) {
            double sum = 0;
            for (int k = bands.firstBin(band); k < bands.endBin(band); k++) {
                sum += power[k];
            }
            bandValues[band] = toUnit(sum * bandScale);
        }
        for (int k = 1; k <= magnitudes.length; k++) {
            magnitudes[k - 1] = (float) Math.sqrt(power[k]) * magnitudeScale;
        }
        onset = onsets.update(magnitudes);
    }

    /** A mean square -> dBFS -> 0..1 over {@link #FLOOR_DB}..0 dB. */
    static float toUnit(double meanSquare) {
        if (!(meanSquare > FLOOR_MEAN_SQUARE)) {
            return 0f;
        }
        double db = 10 * Math.log10(meanSquare);
        return (float) Math.min(1.0, 1.0 - db / FLOOR_DB);
    }

    /** The last block's level, 0..1. */
    public float level() {
        return level;
    }

    /** The last block's energy in {@code band} (0..{@link AudioSelector#BANDS}-1), 0..1. */
    public float band(int band) {
        return bandValues[band];
    }

    /** Whether the last block was an onset. */
    public boolean onset() {
        return onset;
    }

    /**
     * Copies the last block's samples (clipped to -1..1, oldest first) into {@code into}: the newest
     * {@code min(blockSize, into.length)} of them. Valid during {@link AudioBlockListener#onBlock}.
     * Allocates nothing.
     *
     * @return how many were copied
     */
    public int copySamples(float[] into) {
        int count = Math.min(blockSize, into.length);
        System.arraycopy(samples, blockSize - count, into, 0, count);
        return count;
    }

    /**
     * Copies the last block's magnitude spectrum (bins 1..N/2, lowest first, a sine of amplitude A
     * peaking near A) into {@code into}, as many bins as fit. Allocates nothing.
     *
     * @return how many were copied
     */
    public int copyMagnitudes(float[] into) {
        int count = Math.min(magnitudes.length, into.length);
        System.arraycopy(magnitudes, 0, into, 0, count);
        return count;
    }

    /** How many blocks have been analysed. */
    public long blocks() {
        return blocks;
    }

    /**
     * The sample (from the first one accepted, 0) at the centre of block {@code block} (from 0),
     * for an analyzer that was never {@linkplain #restart() restarted}.
     */
    public long blockCentreSample(long block) {
        return (block + 1) * hop - blockSize / 2;
    }

    public float sampleRate() {
        return sampleRate;
    }

    public int blockSize() {
        return blockSize;
    }

    public int hop() {
        return hop;
    }

    /** The spectral flux of the last block (see {@link OnsetDetector}), for diagnostics. */
    public float lastFlux() {
        return onsets.lastFlux();
    }
}
