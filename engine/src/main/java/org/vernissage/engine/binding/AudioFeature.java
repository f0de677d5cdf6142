package org.vernissage.engine.binding;

/** What the audio analysis measures, each already normalised to 0..1. */
public enum AudioFeature {
    /** The loudness of the last block: RMS mapped from -60..0 dBFS onto 0..1. */
    LEVEL("level"),
    /** The energy of one of {@link AudioSelector#BANDS} log-spaced frequency bands, 0..1. */
    BAND("band"),
    /** 1 on the block where an onset (a clap, a drum hit) is detected, then 0. */
    ONSET("onset");

    private final String manifestName;

    AudioFeature(String manifestName) {
        this.manifestName = manifestName;
    }

    public String manifestName() {
        return manifestName;
    }
}
