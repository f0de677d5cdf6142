package org.vernissage.sensors.audio;

/**
 * Told about every analysis block as soon as it is complete; reads the features from the
 * analyzer it is given (they stay valid until the next block).
 *
 * <p>Called on the thread that feeds the {@link AudioAnalyzer}; implementations must not
 * allocate if the caller is on a hot path (the audio thread's is).
 */
@FunctionalInterface
public interface AudioBlockListener {

    void onBlock(AudioAnalyzer analyzer);
}
