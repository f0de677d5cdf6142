package org.vernissage.showcontrol.cue;

import java.util.Arrays;

/**
 * The fades of the cue stage: who holds each slot (a cue, a console's parameter fade, or no one),
 * and the values each fade writes there for a time t. A cue's fade runs from the values its slots
 * held when its action began to the cue's values, along its curve; a parameter fade carries its
 * own origin, target, start, length and curve per slot. Each slot is written by the fade that
 * took it last; whatever releases it (a stop, a value set by hand, the fade's end) leaves the
 * value where it is, so nothing jumps.
 *
 * <p>The arithmetic here is what a replay compares bit for bit: a fade's value for time t depends
 * only on its own fields and t, computed in one fixed order.
 *
 * <p>Conductor thread only, owned by the {@link CueStage} (made with it on the wiring thread).
 * Allocates nothing per event or frame: per-slot arrays are sized by the layout once, the
 * per-cue origins by the cue list (again at a reload).
 */
final class CueFades {

    /** {@link #owner} of a slot no fade holds. */
    static final int NO_OWNER = -1;
    /** {@link #owner} of a slot held by a console's parameter fade (or a restored fade). */
    static final int FADED_BY_COMMAND = -2;

    // Per slot: the cue index that holds it, NO_OWNER or FADED_BY_COMMAND.
    private final int[] owner;
    // Per slot, while FADED_BY_COMMAND.
    private final float[] fadeFrom;
    private final float[] fadeTo;
    private final long[] fadeStart;
    private final long[] fadeNanos;
    private final CueCurve[] fadeCurve;
    // Per cue, per target: the value the cue's fade starts from.
    private float[][] from;

    /** Per-slot state for {@code slots}; the per-cue origins come with {@link #allocate}. */
    CueFades(int slots) {
        this.owner = new int[slots];
        Arrays.fill(owner, NO_OWNER);
        this.fadeFrom = new float[slots];
        this.fadeTo = new float[slots];
        this.fadeStart = new long[slots];
        this.fadeNanos = new long[slots];
        this.fadeCurve = new CueCurve[slots];
    }

    /** Each cue's origins for {@code next}. By the playback, on the wiring thread or at a reload. */
    void allocate(CueList next) {
        this.from = new float[next.size()][];
        for (int c = 0; c < from.length; c++) {
            from[c] = new float[next.cue(c).slots().length];
        }
    }

    // ---- cue fades --------------------------------------------------------------------------

    /** Cue {@code c}'s fade begins: each target fades from what its slot holds now; the cue takes its slots. */
    void take(int c, int[] slots, float[] values) {
        for (int k = 0; k < slots.length; k++) {
            from[c][k] = values[slots[k]];
            owner[slots[k]] = c;
        }
    }

    /**
     * Writes the cue's slots it still owns, {@code elapsed} after its action began, its fade
     * taking {@code length} (the cue's own fade time, or a TIMED_GO's); returns whether its fade is over.
     */
    boolean apply(Cue cue, long elapsed, long length, float[] values) {
        int c = cue.index();
        boolean done = elapsed >= length;
        float f = done ? 1f : cue.curve().at((double) elapsed / length);
        int[] slots = cue.slots();
        float[] to = cue.values();
        for (int k = 0; k < slots.length; k++) {
            int slot = slots[k];
            if (owner[slot] == c) {
                values[slot] = f >= 1f ? to[k] : from[c][k] + (to[k] - from[c][k]) * f;
            }
        }
        return done;
    }

    /** Cue {@code c} lets go of the slots it still holds (their values stay). */
    void release(int c, int[] slots) {
        for (int slot : slots) {
            if (owner[slot] == c) {
                owner[slot] = NO_OWNER;
            }
        }
    }

    /** A restored cue takes {@code slot} back (its {@code k}th target), its fade from {@code start}. */
    void giveBack(int slot, int cue, int k, float start) {
        owner[slot] = cue;
        from[cue][k] = start;
    }

    // ---- parameter fades --------------------------------------------------------------------

    /** A value set by hand ends whatever fade held the slot. */
    void letGo(int slot) {
        owner[slot] = NO_OWNER;
    }

    /**
     * A console's fade (or a restored one) takes {@code slot}: from {@code start} at
     * {@code startNanos} to {@code to} over {@code nanos}; the slot is written for {@code now}.
     */
    void fade(int slot, float start, float to, long startNanos, long nanos, CueCurve curve, long now,
              float[] values) {
        owner[slot] = FADED_BY_COMMAND;
        fadeFrom[slot] = start;
        fadeTo[slot] = to;
        fadeStart[slot] = startNanos;
        fadeNanos[slot] = nanos;
        fadeCurve[slot] = curve;
        applyParameterFade(slot, now, values);
    }

    /** Brings every parameter fade to time {@code t}. */
    void settleParameterFades(long t, float[] values) {
        for (int slot = 0; slot < owner.length; slot++) {
            if (owner[slot] == FADED_BY_COMMAND) {
                applyParameterFade(slot, t, values);
            }
        }
    }

    /** Every parameter fade stops where it is (PANIC, RESET). */
    void stopParameterFades() {
        for (int slot = 0; slot < owner.length; slot++) {
            if (owner[slot] == FADED_BY_COMMAND) {
                owner[slot] = NO_OWNER;
            }
        }
    }

    private void applyParameterFade(int slot, long t, float[] values) {
        long elapsed = t - fadeStart[slot];
        if (elapsed >= fadeNanos[slot]) {
            values[slot] = fadeTo[slot];
            owner[slot] = NO_OWNER;
        } else if (elapsed > 0) {
            float f = fadeCurve[slot].at((double) elapsed / fadeNanos[slot]);
            values[slot] = fadeFrom[slot] + (fadeTo[slot] - fadeFrom[slot]) * f;
        }
    }

    // ---- persistence ------------------------------------------------------------------------

    /**
     * The slots' part of {@link CueStage#progressAt}: each slot's fade at {@code t}. A cue's fade
     * is reported while {@code playback} says the cue fades (running, or paused while running).
     */
    void progressAt(long t, CueProgress out, CuePlayback playback) {
        for (int slot = 0; slot < owner.length; slot++) {
            int c = owner[slot];
            out.fadedBy[slot] = CueProgress.NO_FADE;
            if (c == FADED_BY_COMMAND && fadeStart[slot] + fadeNanos[slot] - t > 0) {
                out.fadedBy[slot] = CueProgress.PARAMETER_FADE;
                out.from[slot] = fadeFrom[slot];
                out.to[slot] = fadeTo[slot];
                out.curve[slot] = fadeCurve[slot].ordinal();
                out.elapsedNanos[slot] = t - fadeStart[slot];
                out.totalNanos[slot] = fadeNanos[slot];
            } else if (c >= 0 && playback.fading(c)) {
                Cue cue = playback.list().cue(c);
                int[] slots = cue.slots();
                for (int k = 0; k < slots.length; k++) {
                    if (slots[k] == slot) {
                        out.fadedBy[slot] = c;
                        out.from[slot] = from[c][k];
                        out.to[slot] = cue.values()[k];
                        out.curve[slot] = cue.curve().ordinal();
                        out.elapsedNanos[slot] = playback.reference(c, t) - playback.actionAt(c);
                        out.totalNanos[slot] = playback.fadeNanos(c);
                    }
                }
            }
        }
    }
}
