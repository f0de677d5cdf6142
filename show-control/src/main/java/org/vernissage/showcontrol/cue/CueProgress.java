package org.vernissage.showcontrol.cue;

/**
 * Where the cue stage is at one moment, in the terms a restart needs to go on exactly from there
 * ({@link CueStage#progressAt}): for each slot the fade that holds it (who fades it, from what, to
 * what, on which curve, how long it is and how much of it is behind), and for each cue its state,
 * when its action begins and when its continue is due, relative to that moment. A paused cue's
 * times are relative to the moment it was paused, since it does not move while paused.
 *
 * <p>Filled on the conductor thread by the {@code CueStage}, read there by its owner (the
 * persistence stage), which made it; preallocated, so a frame fills it without allocating.
 */
public final class CueProgress {

    /** {@link #fadedBy} of a slot no fade holds. */
    public static final int NO_FADE = -1;
    /** {@link #fadedBy} of a slot faded by a console's parameter fade (or a restored fade). */
    public static final int PARAMETER_FADE = -2;

    // Per slot.
    final int[] fadedBy;
    final float[] from;
    final float[] to;
    final int[] curve;
    final long[] elapsedNanos;
    final long[] totalNanos;

    // Per cue.
    final int cueCapacity;
    final CueState[] state;
    final CueState[] pausedFrom;
    final long[] actionInNanos;
    final boolean[] continuePending;
    final long[] continueInNanos;
    int cues;
    int generation;

    /**
     * @param slots the layout's slot count
     * @param cueCapacity how many cues to keep (the start list's size; a reloaded longer list is cut)
     */
    public CueProgress(int slots, int cueCapacity) {
        this.fadedBy = new int[slots];
        this.from = new float[slots];
        this.to = new float[slots];
        this.curve = new int[slots];
        this.elapsedNanos = new long[slots];
        this.totalNanos = new long[slots];
        this.cueCapacity = cueCapacity;
        this.state = new CueState[cueCapacity];
        this.pausedFrom = new CueState[cueCapacity];
        this.actionInNanos = new long[cueCapacity];
        this.continuePending = new boolean[cueCapacity];
        this.continueInNanos = new long[cueCapacity];
    }

    /** The cue index that fades {@code slot}, or {@link #NO_FADE} or {@link #PARAMETER_FADE}. */
    public int fadedBy(int slot) {
        return fadedBy[slot];
    }

    /** The value the slot's fade started from. */
    public float from(int slot) {
        return from[slot];
    }

    /** The value the slot's fade goes to. */
    public float to(int slot) {
        return to[slot];
    }

    /** The {@link CueCurve} ordinal of the slot's fade. */
    public int curve(int slot) {
        return curve[slot];
    }

    /** How much of the slot's fade is behind (may be more than its length: a done fade a cue still holds). */
    public long elapsedNanos(int slot) {
        return elapsedNanos[slot];
    }

    /** The slot's fade's whole length. */
    public long totalNanos(int slot) {
        return totalNanos[slot];
    }

    /** How many cues were filled in (the list's size, at most the capacity). */
    public int cues() {
        return cues;
    }

    /** The cue list's generation (0: the list the run started with). */
    public int generation() {
        return generation;
    }

    public CueState state(int cue) {
        return state[cue];
    }

    /** What a paused cue was doing when paused (IDLE otherwise). */
    public CueState pausedFrom(int cue) {
        return pausedFrom[cue];
    }

    /** When the cue's action (its fade) begins or began: negative when it did. */
    public long actionInNanos(int cue) {
        return actionInNanos[cue];
    }

    /** Whether the cue will still start its next cue (auto-continue or auto-follow). */
    public boolean continuePending(int cue) {
        return continuePending[cue];
    }

    /** When that continue is due. */
    public long continueInNanos(int cue) {
        return continueInNanos[cue];
    }
}
