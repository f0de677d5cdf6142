package org.vernissage.sensors.audio;

import java.util.Objects;

/**
 * How an {@link AudioInput} plays a WAV file: paced against the engine clock as if it were a
 * live input ({@link Pacing#REAL_TIME}, the default), or as fast as it can be read (tests,
 * offline renders); and whether it starts over at its end (an installation's soundscape).
 *
 * <p>Immutable.
 */
public record AudioFileOptions(Pacing pacing, boolean loop) {

    /** Real time, once: the usual way to feed a recorded piece. */
    public static final AudioFileOptions REAL_TIME = new AudioFileOptions(Pacing.REAL_TIME, false);
    /** Real time, looping forever: an installation. */
    public static final AudioFileOptions LOOP = new AudioFileOptions(Pacing.REAL_TIME, true);
    /** As fast as possible, once: tests and offline analysis. */
    public static final AudioFileOptions AS_FAST_AS_POSSIBLE = new AudioFileOptions(Pacing.AS_FAST_AS_POSSIBLE, false);

    public AudioFileOptions {
        Objects.requireNonNull(pacing, "pacing");
    }

    /** When blocks of a file are analysed and published. */
    public enum Pacing {
        /** Each block when the engine clock reaches its end, as a line-in would deliver it. */
        REAL_TIME,
        /** Each block as soon as it is read. */
        AS_FAST_AS_POSSIBLE
    }
}
