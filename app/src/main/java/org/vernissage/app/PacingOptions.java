package org.vernissage.app;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run's frames follow time: the target rate, when to stop, and whether time is the wall
 * clock's or advanced exactly one frame at a time.
 *
 * <p>Immutable; checked once on construction.
 *
 * @param framesPerSecond the target rate, 0 for as fast as possible
 * @param frames stop after this many frames, 0 for never
 * @param stepped frame time advances exactly 1/fps per frame, whatever the wall clock does
 * @param showStart the local date and time show time 0 stands for (what ISF's {@code DATE} counts
 *     from), when given; else the moment the run starts
 */
public record PacingOptions(double framesPerSecond, long frames, boolean stepped, Optional<LocalDateTime> showStart) {

    /** The highest {@code --fps} accepted. */
    public static final double MAX_FRAMES_PER_SECOND = 1000;

    public PacingOptions {
        if (framesPerSecond < 0 || framesPerSecond > MAX_FRAMES_PER_SECOND || Double.isNaN(framesPerSecond)) {
            throw new IllegalArgumentException("--fps must be between 0 (unpaced) and 1000, got " + framesPerSecond);
        }
        if (stepped && framesPerSecond == 0) {
            throw new IllegalArgumentException("stepped time needs a frame rate above 0");
        }
        if (frames < 0) {
            throw new IllegalArgumentException("--frames must be 0 (no limit) or more, got " + frames);
        }
        Objects.requireNonNull(showStart, "showStart");
    }

    /** Show time 0 is the moment the run starts. */
    public PacingOptions(double framesPerSecond, long frames, boolean stepped) {
        this(framesPerSecond, frames, stepped, Optional.empty());
    }

    public PacingOptions withFramesPerSecond(double fps) {
        return new PacingOptions(fps, frames, stepped, showStart);
    }

    public PacingOptions withFrames(long newFrames) {
        return new PacingOptions(framesPerSecond, newFrames, stepped, showStart);
    }
}
