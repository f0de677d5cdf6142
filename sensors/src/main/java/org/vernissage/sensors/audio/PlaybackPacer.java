package org.vernissage.sensors.audio;

import org.vernissage.engine.clock.Clock;

/**
 * Says when frames of a file are due if it were playing live: frame count / sample rate after the
 * start, on the injected {@link Clock}. A reader that falls more than {@link #MAX_LAG_NANOS}
 * behind (a long GC pause, a suspended machine, a stepped test clock jumping ahead) continues from
 * now instead of rushing through the backlog, as a live input that lost those samples would.
 *
 * <p>Not thread-safe: {@link #start()} is called on the wiring thread before the audio thread is
 * started (which orders it before that thread's reads), then only the audio thread of its
 * {@link AudioInput} uses it.
 */
final class PlaybackPacer {

    static final long MAX_LAG_NANOS = 250_000_000L;

    private final Clock clock;
    private final double nanosPerFrame;
    private long startNanos;

    PlaybackPacer(Clock clock, float sampleRate) {
        this.clock = clock;
        this.nanosPerFrame = 1e9 / sampleRate;
    }

    /** Frame 0 starts now. */
    void start() {
        startNanos = clock.nanos();
    }

    /** How long until the first {@code frames} frames are due; zero or less when they are. */
    long nanosUntilDue(long frames) {
        long due = startNanos + (long) (frames * nanosPerFrame);
        long now = clock.nanos();
        long lag = now - due;
        if (lag > MAX_LAG_NANOS) {
            startNanos += lag;
            return 0;
        }
        return due - now;
    }
}
