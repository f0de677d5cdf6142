package org.vernissage.sensors.tuio;

import java.time.Duration;

/**
 * How the TUIO adapter bounds its memory and treats time. Every table is allocated once from these
 * numbers, so a flood of sessions or senders is dropped and counted, never grown into.
 *
 * <p>Immutable; validated on construction. Built by the app's wiring and handed to
 * {@link TuioReceiver} (or {@link TuioDecoder} in tests).
 *
 * @param maxSources distinct TUIO sources tracked at once (sender address + port + declared
 *     source name); a further one is dropped while all are active
 * @param maxSessionsPerSource touch points one source may have alive; more are dropped and counted
 * @param keepaliveInterval a point its source still lists as alive is re-sent as UPDATED when it
 *     was last sent this long ago, even if it did not move: the conductor forgets a point after
 *     1 s without news. The receiver checks every quarter of this, so the gap between two sends
 *     is at most 1.25 times it (250 ms by default)
 * @param silenceTimeout a source not heard from for this long is forgotten: its sessions and
 *     frame numbers are dropped (so a restarted tracker starts clean) and its points are no longer
 *     kept alive, so the conductor times them out about a second later
 * @param restartSilence a frame number that goes backwards is a tracker restart, not a late
 *     frame, when the source had been silent at least this long before it
 * @param restartJumpFrames ... or when it goes back by more than this many frames (no network
 *     reorders that deep; a tracker that restarts fast without a silence does)
 * @param sourceIdBase the touch source id of the first source; give each receiver its own range
 *     when the app runs several
 */
public record TuioSettings(int maxSources, int maxSessionsPerSource, Duration keepaliveInterval,
                           Duration silenceTimeout, Duration restartSilence, int restartJumpFrames,
                           int sourceIdBase) {

    /** 8 sources of 64 points, re-sent every 200 ms, forgotten after 2 s of silence. */
    public static final TuioSettings DEFAULT = new TuioSettings(8, 64, Duration.ofMillis(200),
            Duration.ofSeconds(2), Duration.ofMillis(500), 100, 0);

    public TuioSettings {
        if (maxSources < 1 || maxSessionsPerSource < 1) {
            throw new IllegalArgumentException("TUIO source and session limits must be positive: "
                    + maxSources + " sources, " + maxSessionsPerSource + " sessions");
        }
        if (!isPositive(keepaliveInterval) || !isPositive(silenceTimeout) || !isPositive(restartSilence)) {
            throw new IllegalArgumentException("TUIO keepalive, silence and restart times must be positive");
        }
        if (silenceTimeout.compareTo(keepaliveInterval) <= 0) {
            throw new IllegalArgumentException("TUIO silence timeout " + silenceTimeout
                    + " must be longer than the keepalive interval " + keepaliveInterval);
        }
        if (restartJumpFrames < 1 || sourceIdBase < 0) {
            throw new IllegalArgumentException("TUIO restart jump must be positive and the source id base"
                    + " not negative: " + restartJumpFrames + ", " + sourceIdBase);
        }
    }

    /** How often the receiver wakes to re-send and expire when no datagram arrives. */
    public Duration pollInterval() {
        return keepaliveInterval.dividedBy(4);
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
