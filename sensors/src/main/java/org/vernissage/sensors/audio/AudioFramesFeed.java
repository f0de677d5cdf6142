package org.vernissage.sensors.audio;

import org.vernissage.engine.render.isf.AudioFrames;

/**
 * Hands every analysed block (its samples and magnitude spectrum) to the render thread through
 * {@link AudioFrames}, for ISF's {@code audio} and {@code audioFFT} inputs. Copies into the
 * exchange's back buffer and swaps it: no lock, no allocation.
 *
 * <p>Called on the audio thread (tap it with {@link AudioInput#tap}); made by the app's wiring.
 */
public final class AudioFramesFeed implements AudioBlockListener {

    /** Enough for the analyser's block at any rate it accepts (768 kHz: 16384 samples). */
    public static final int MAX_SAMPLES = 16_384;
    public static final int MAX_BINS = MAX_SAMPLES / 2;

    private final AudioFrames frames;

    public AudioFramesFeed(AudioFrames frames) {
        this.frames = frames;
    }

    /** An exchange large enough for any block this feed can be given. */
    public static AudioFrames newFrames() {
        return new AudioFrames(MAX_SAMPLES, MAX_BINS);
    }

    @Override
    public void onBlock(AudioAnalyzer analyzer) {
        int samples = analyzer.copySamples(frames.samplesToFill());
        int bins = analyzer.copyMagnitudes(frames.spectrumToFill());
        frames.publish(samples, bins);
    }
}
