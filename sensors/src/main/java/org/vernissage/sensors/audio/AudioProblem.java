package org.vernissage.sensors.audio;

/**
 * What can go wrong while an {@link AudioInput} runs; each is logged once, then only counted.
 *
 * <p>Immutable; used by the audio thread.
 */
public enum AudioProblem {
    /** The input ring refused a feature value (counted as dropped). */
    RING_FULL,
    /** A float file held NaN or infinite samples, read as 0 (each such read counted as rejected). */
    NON_FINITE_SAMPLES,
    /** The file or line failed mid-show; the thread ends, the bindings keep their last values. */
    STREAM_FAILED
}
