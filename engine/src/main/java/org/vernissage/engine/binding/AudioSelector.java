package org.vernissage.engine.binding;

import java.util.Objects;

/** One feature of the audio input; {@code band} is 0..{@link #BANDS}-1 for a band, else -1. */
public record AudioSelector(AudioFeature feature, int band) implements InputSelector {

    /** How many frequency bands the analysis splits the spectrum into (log spaced, 40 Hz..16 kHz). */
    public static final int BANDS = 8;

    public AudioSelector {
        Objects.requireNonNull(feature, "feature");
        if (feature == AudioFeature.BAND ? band < 0 || band >= BANDS : band != -1) {
            throw new IllegalArgumentException("audio " + feature.manifestName() + ": bad band " + band);
        }
    }

    @Override
    public String describe() {
        return "audio " + feature.manifestName() + (feature == AudioFeature.BAND ? " " + band : "");
    }

    @Override
    public float[] naturalRange() {
        return new float[] {0, 1};
    }
}
