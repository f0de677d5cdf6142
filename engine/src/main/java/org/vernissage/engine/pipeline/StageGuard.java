package org.vernissage.engine.pipeline;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.vernissage.engine.fault.FaultCounts;

/**
 * Keeps one conductor stage from stopping the show: the conductor calls the stage inside a
 * try/catch and reports each outcome here. A failure is counted and logged once per kind (see
 * {@link FaultCounts}) and the event is skipped for that stage only; after
 * {@code failureLimit} failures in a row the stage is disabled, reported once, and the rest of the
 * conductor keeps running without it (its parameters keep their last good values).
 *
 * <p>Conductor thread only, except {@link #disabled()} and the counters, which any thread may read.
 */
final class StageGuard {

    private final FaultCounts faults;
    private final Logger log;
    private final int failureLimit;
    private int consecutive;
    private boolean off;
    private volatile boolean disabled;

    StageGuard(FaultCounts faults, Logger log, int failureLimit) {
        this.faults = faults;
        this.log = log;
        this.failureLimit = failureLimit;
    }

    FaultCounts faults() {
        return faults;
    }

    /** Whether the stage is still called. Conductor thread: a plain read. */
    boolean active() {
        return !off;
    }

    /** Whether the stage was disabled. Any thread. */
    boolean disabled() {
        return disabled;
    }

    /** The stage returned normally. */
    void succeeded() {
        if (consecutive != 0) {
            consecutive = 0;
        }
    }

    /** The stage threw {@code failure} while handling {@code what}. */
    void failed(Throwable failure, String what) {
        faults.record(failure, what);
        consecutive++;
        if (consecutive >= failureLimit && !off) {
            off = true;
            disabled = true;
            log.log(Level.ERROR, faults.owner() + " disabled after " + consecutive + " failures in a row (last: "
                    + failure + "); the rest of the conductor keeps running, its parameters keep their last values");
        }
    }
}
