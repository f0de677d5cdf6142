package org.vernissage.app;

import org.vernissage.engine.metrics.FrameStats;

/**
 * What a run has done so far, for the console: frames and their timing, and OSC traffic.
 *
 * <p>Immutable; made by {@link ArtworkRun#report()} on any thread.
 *
 * @param oscReceived well-formed OSC messages received
 * @param oscDropped messages received but not applied (no binding, not a number, pipeline full)
 * @param oscRejected packets refused as malformed
 */
public record RunReport(FrameStats.Summary frames, long oscReceived, long oscDropped, long oscRejected) {

    /** One line, e.g. {@code frames 600, frame time p50 4.10 ms ..., OSC received 12, dropped 0, rejected 1}. */
    public String describe() {
        return frames.describe() + "; OSC messages received " + oscReceived + ", dropped " + oscDropped
                + ", rejected packets " + oscRejected;
    }
}
