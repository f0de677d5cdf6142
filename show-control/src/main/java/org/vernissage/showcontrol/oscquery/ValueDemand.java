package org.vernissage.showcontrol.oscquery;

/**
 * Whether anyone outside the conductor wants the current parameter values, and which request for
 * them is the newest: the {@link ValueReportStage} reads it each frame and reports nothing while
 * no one wants values (the conductor's outbox then carries nothing for OSCQuery). Each time the
 * demand rises from nothing, the {@link #generation()} moves on and the stage reports every slot
 * once (a full report, ended by a marker) before it goes back to reporting changes only: a mirror
 * that went stale while nobody listened is made whole again.
 *
 * <p>Written only by the OSCQuery server's event loop (listeners joining or leaving, HTTP reads
 * keeping the values warm); read by the conductor thread. Owned by the OSCQuery wiring.
 */
public final class ValueDemand {

    /** Generations wrap below 2^24 so that a marker carries them exactly as a float. */
    static final int GENERATION_MASK = (1 << 24) - 1;

    private volatile boolean wanted;
    private volatile int generation;

    /** Conductor thread (or any): whether values are wanted now. */
    public boolean wanted() {
        return wanted;
    }

    /** Conductor thread (or any): the newest rise of the demand; a full report answers each. */
    public int generation() {
        return generation;
    }

    /** Event loop: values are wanted from now on (a new generation if they were not). */
    void want() {
        if (!wanted) {
            generation = (generation + 1) & GENERATION_MASK;
            wanted = true;
        }
    }

    /** Event loop: nobody wants values any more; the stage stops reporting. */
    void release() {
        wanted = false;
    }
}
