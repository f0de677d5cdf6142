package org.vernissage.engine.render.isf;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hand-over of audio from the audio thread to the render thread for ISF's {@code audio} and
 * {@code audioFFT} inputs: the last window of samples (mono, -1..1) and its magnitude spectrum
 * (0..1 for a full-scale sine), in a triple buffer like the parameter snapshots'. The writer always
 * fills a private back buffer and swaps it into the middle; the reader swaps the middle into its
 * private front when a new one is there. Lock-free, never blocks either side, allocates nothing
 * after construction; a reader that is slower than the writer simply sees the newest window.
 *
 * <p>One writer thread (the audio input's) calls {@link #publish}; one reader thread (the render
 * thread) calls {@link #latch} and then reads the front buffer. Made by whoever wires the audio
 * input to the artwork (the app).
 */
public final class AudioFrames {

    private static final int INDEX_MASK = 0b11;
    private static final int FRESH = 0b100;

    private final float[][] samples = new float[3][];
    private final float[][] spectrum = new float[3][];
    private final int[] sampleCounts = new int[3];
    private final int[] binCounts = new int[3];
    private final AtomicInteger middle = new AtomicInteger(1);
    private int back = 0;   // writer only
    private int front = 2;  // reader only

    /**
     * @param maxSamples the longest window a writer publishes
     * @param maxBins the most spectrum bins a writer publishes
     */
    public AudioFrames(int maxSamples, int maxBins) {
        for (int i = 0; i < 3; i++) {
            samples[i] = new float[maxSamples];
            spectrum[i] = new float[maxBins];
        }
    }

    /** The back buffer's samples, for the writer to fill before {@link #publish}. */
    public float[] samplesToFill() {
        return samples[back];
    }

    /** The back buffer's spectrum, for the writer to fill before {@link #publish}. */
    public float[] spectrumToFill() {
        return spectrum[back];
    }

    /** Writer: hands over the back buffer's first {@code sampleCount} samples and {@code binCount} bins. */
    public void publish(int sampleCount, int binCount) {
        sampleCounts[back] = Math.min(sampleCount, samples[back].length);
        binCounts[back] = Math.min(binCount, spectrum[back].length);
        back = middle.getAndSet(back | FRESH) & INDEX_MASK;
    }

    /** Reader: takes the newest window when there is one; true when it is new since the last latch. */
    public boolean latch() {
        if ((middle.get() & FRESH) == 0) {
            return false;
        }
        front = middle.getAndSet(front) & INDEX_MASK;
        return true;
    }

    /** Reader: the latched window's samples (the first {@link #sampleCount} are valid). */
    public float[] samples() {
        return samples[front];
    }

    public int sampleCount() {
        return sampleCounts[front];
    }

    /** Reader: the latched spectrum (the first {@link #binCount} bins are valid, lowest first). */
    public float[] spectrum() {
        return spectrum[front];
    }

    public int binCount() {
        return binCounts[front];
    }
}
