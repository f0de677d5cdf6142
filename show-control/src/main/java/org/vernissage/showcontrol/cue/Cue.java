package org.vernissage.showcontrol.cue;

import java.util.Objects;

/**
 * One cue of a {@link CueList}, resolved against the artwork's parameters: the snapshot slots it
 * fades and their target values, how (fade time and curve), when (pre-wait), and what follows
 * (continue mode and post-wait, the cue the playhead moves to). A group cue has children, started
 * with it; its own time is the longest child's (pre-wait + fade), so a group auto-follows once all
 * its children are done.
 *
 * <p>Immutable once loaded (the arrays are not handed out to be changed: read them, never write);
 * made by {@link CueListLoader} on the loading thread, read by the conductor's cue stage and the
 * control endpoint.
 *
 * @param index this cue's place in {@link CueList#cues()}
 * @param number the cue's number as the operator says it ("1", "2.5", "intro"), unique in the list
 * @param name what the cue is called in a console
 * @param slots the snapshot slots it fades, one per target component
 * @param values the target value of each slot, within the parameter's range
 * @param fadeNanos how long the fade takes; 0 for a snap
 * @param curve the fade's shape
 * @param preWaitNanos how long after GO the fade begins
 * @param postWaitNanos for auto-continue, after the fade begins; for auto-follow, after it ends
 * @param continueMode what starts the next cue
 * @param next the index of the cue the playhead moves to after this one starts (a loop points
 *     back), or -1 for the end of the list
 * @param children the indexes of a group's cues, started with it; empty for a plain cue
 * @param parent the index of the group this cue belongs to, or -1 for a cue of the main list
 */
public record Cue(int index, String number, String name, int[] slots, float[] values, long fadeNanos,
                  CueCurve curve, long preWaitNanos, long postWaitNanos, ContinueMode continueMode, int next,
                  int[] children, int parent) {

    public Cue {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(continueMode, "continueMode");
        if (slots.length != values.length) {
            throw new IllegalArgumentException("one value per slot");
        }
    }

    /** Whether this is a group of cues started together. */
    public boolean isGroup() {
        return children.length > 0;
    }

    /** How long after its start (GO) this cue's action is over: pre-wait plus fade. */
    public long durationNanos() {
        return preWaitNanos + fadeNanos;
    }
}
