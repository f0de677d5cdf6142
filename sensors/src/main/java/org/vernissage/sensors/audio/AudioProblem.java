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
    /**
     * A file failed mid-show: logged once, the thread ends, the bindings keep their last values.
     * (A line's losses are logged per loss by its {@link SourceRecovery}, which reopens it.)
     */
    STREAM_FAILED
}
