package org.vernissage.sensors.audio;

import java.util.Arrays;

/**
 * Finds onsets (a clap, a drum hit, a note starting) by spectral flux with an adaptive
 * threshold. Per block it takes the magnitude spectrum, normalised so that a sine of amplitude A
 * reads about A in its peak bin, and sums the increases over the previous block (decreases count
 * 0: a sound fading away is no onset). The block is an onset when that flux is above both
 * <ul>
 *   <li>{@link #FLUX_FLOOR}, so silence and a quiet room's noise never trigger (stationary noise
 *       at -60 dBFS gives a flux of about 0.01 with a 1024-point FFT), and</li>
 *   <li>{@link #RATIO} times the mean flux of the previous {@link #HISTORY} blocks (about 190 ms
 *       at 44.1 kHz, hop 512), so a busy, noisy scene needs a clearly bigger jump;</li>
 * </ul>
 * and at least {@link #REFRACTORY_SECONDS} after the previous onset, so one hit spread over two
 * overlapping blocks counts once. A sound fading out is no onset; a tone cut off dead (to digital
 * silence within a sample) is one, because the cut is a click that spreads over the spectrum.
 *
 * <p>Not thread-safe; owned by one {@link AudioAnalyzer} on the audio thread. Allocates only at
 * construction.
 */
public final class OnsetDetector {

    public static final float FLUX_FLOOR = 0.03f;
    public static final float RATIO = 2f;
    public static final int HISTORY = 16;
    public static final double REFRACTORY_SECONDS = 0.05;

    private final float[] previous;
    private final float[] history = new float[HISTORY];
    private final int refractoryBlocks;
    private int historyNext;
    private float historySum;
    private int blocksSinceOnset = Integer.MAX_VALUE / 2;
    private float lastFlux;

    /**
     * @param bins how many magnitudes each block gives
     * @param blocksPerSecond how many blocks a second of audio gives (sample rate / hop)
     */
    public OnsetDetector(int bins, double blocksPerSecond) {
        this.previous = new float[bins];
        this.refractoryBlocks = Math.max(1, (int) Math.ceil(REFRACTORY_SECONDS * blocksPerSecond));
    }

    /** Takes one block's magnitudes and tells whether it is an onset. */
    public boolean update(float[] magnitudes) {
        float flux = 0;
        for (int k = 0; k < previous.length; k++) {
            float rise = magnitudes[k] - previous[k];
            if (rise > 0) {
                flux += rise;
            }
            previous[k] = magnitudes[k];
        }
        float threshold = Math.max(FLUX_FLOOR, RATIO * historySum / HISTORY);
        boolean onset = flux > threshold && blocksSinceOnset >= refractoryBlocks;
        blocksSinceOnset = onset ? 0 : blocksSinceOnset + 1;
        // Keep the sum exact over a long run: recompute rather than add and subtract forever.
        history[historyNext] = flux;
        historyNext = (historyNext + 1) % HISTORY;
        float sum = 0;
        for (float f : history) {
            sum += f;
        }
        historySum = sum;
        lastFlux = flux;
        return onset;
    }

    /** Forgets every block seen so far, as after construction (a stream starting again after a gap). */
    public void reset() {
        Arrays.fill(previous, 0f);
        Arrays.fill(history, 0f);
        historyNext = 0;
        historySum = 0;
        blocksSinceOnset = Integer.MAX_VALUE / 2;
        lastFlux = 0;
    }

    /** The flux of the last block, for diagnostics and tests. */
    public float lastFlux() {
        return lastFlux;
    }
}
