package org.vernissage.showcontrol.cue;

import static org.vernissage.showcontrol.cue.ControlCommands.UPDATE_CUE;
import static org.vernissage.showcontrol.cue.ControlCommands.UPDATE_LIST;
import static org.vernissage.showcontrol.cue.ControlCommands.UPDATE_PLAYHEAD;

import java.util.Arrays;
import org.vernissage.engine.pipeline.ShowState;

/**
 * The cues' state machine and the playhead: each cue idle, waiting its pre-wait, running its
 * fade or paused; GO, start, stop, pause and resume (a group's cues with it); continues
 * (auto-continue after the post-wait, auto-follow after the fade and post-wait), timed from the
 * cue's own start so that a chain does not drift by a frame per cue. Every change of the playhead
 * or a cue's state is posted as an update through {@link CueReplies}; the fades themselves are
 * {@link CueFades}'.
 *
 * <p>Conductor thread only, owned by the {@link CueStage} (made with it on the wiring thread).
 * Allocates nothing per event or frame: its arrays are sized by the cue list (again at a reload).
 */
final class CuePlayback {

    private final CueFades fades;
    private final CueReplies replies;
    private final CueListInForce inForce;

    private CueList list;
    private int cueCount;
    private CueState[] state;
    private CueState[] pausedFrom;
    private long[] actionAt;
    private long[] fadeNanos; // the cue's own fade time, or the one its TIMED_GO gave
    private long[] pausedAt;
    private boolean[] continuePending;
    private long[] continueAt;
    private int playhead;
    private int generation;
    private long endlessChains;

    CuePlayback(CueList list, CueFades fades, CueReplies replies, CueListInForce inForce) {
        this.fades = fades;
        this.replies = replies;
        this.inForce = inForce;
        allocate(list);
        this.playhead = list.first();
    }

    /** Per-cue state for {@code next}, every cue stopped. On the wiring thread, or at a reload. */
    private void allocate(CueList next) {
        this.list = next;
        this.cueCount = next.size();
        this.state = new CueState[cueCount];
        this.pausedFrom = new CueState[cueCount];
        Arrays.fill(state, CueState.IDLE);
        Arrays.fill(pausedFrom, CueState.IDLE);
        this.actionAt = new long[cueCount];
        this.fadeNanos = new long[cueCount];
        for (int c = 0; c < cueCount; c++) {
            fadeNanos[c] = next.cue(c).fadeNanos();
        }
        this.pausedAt = new long[cueCount];
        this.continuePending = new boolean[cueCount];
        this.continueAt = new long[cueCount];
        fades.allocate(next);
    }

    // ---- read by the commands, the fades and the stage ---------------------------------------

    CueList list() {
        return list;
    }

    int cueCount() {
        return cueCount;
    }

    /** The cue GO would start, or -1 past the end. */
    int playhead() {
        return playhead;
    }

    CueState state(int cue) {
        return state[cue];
    }

    int generation() {
        return generation;
    }

    long endlessChains() {
        return endlessChains;
    }

    long actionAt(int cue) {
        return actionAt[cue];
    }

    /** How long the cue's fade takes this time: its own fade time, or the one its TIMED_GO gave. */
    long fadeNanos(int cue) {
        return fadeNanos[cue];
    }

    /** Whether the cue's fade holds its slots: running, or paused while running. */
    boolean fading(int c) {
        CueState s = state[c];
        return s == CueState.RUNNING || s == CueState.PAUSED && pausedFrom[c] == CueState.RUNNING;
    }

    /** The moment the cue's times are measured from: its pause while paused (it does not move), else {@code t}. */
    long reference(int c, long t) {
        return state[c] == CueState.PAUSED ? pausedAt[c] : t;
    }

    boolean isMainCue(int cue) {
        return cue >= 0 && cue < cueCount && list.cue(cue).parent() < 0;
    }

    int previousMainCue() {
        int limit = playhead < 0 ? cueCount : playhead;
        for (int c = limit - 1; c >= 0; c--) {
            if (list.cue(c).parent() < 0) {
                return c;
            }
        }
        return playhead;
    }

    // ---- cue life ---------------------------------------------------------------------------

    /**
     * GO on {@code cue}: start it and move the playhead past it.
     *
     * @param fade the fade time of a TIMED_GO (for the cue and, in a group, each of its cues), or
     *     {@link #OWN_FADE}
     */
    void go(int cue, long nanos, ShowState show, long fade) {
        setPlayhead(list.cue(cue).next(), nanos, show);
        start(cue, nanos, show, fade);
    }

    /** {@link #start}'s fade: each cue's own fade time. */
    static final long OWN_FADE = -1;

    /**
     * Starts {@code cue} (again, if it runs) at {@code at}: its pre-wait begins.
     *
     * @param fade the fade time of a TIMED_GO (for the cue and, in a group, each of its cues), or
     *     {@link #OWN_FADE}
     */
    void start(int cue, long at, ShowState show, long fade) {
        Cue c = list.cue(cue);
        fadeNanos[cue] = fade == OWN_FADE ? c.fadeNanos() : fade;
        actionAt[cue] = at + c.preWaitNanos();
        continuePending[cue] = c.continueMode() != ContinueMode.DO_NOT_CONTINUE && c.next() >= 0;
        continueAt[cue] = c.continueMode() == ContinueMode.AUTO_FOLLOW
                ? actionAt[cue] + fadeNanos[cue] + c.postWaitNanos()
                : actionAt[cue] + c.postWaitNanos();
        setState(cue, CueState.WAITING, show);
        for (int child : c.children()) {
            start(child, at + c.preWaitNanos(), show, fade); // a group's pre-wait delays all its cues
        }
    }

    void stop(int cue, ShowState show) {
        continuePending[cue] = false;
        fades.release(cue, list.cue(cue).slots());
        setState(cue, CueState.IDLE, show);
        for (int child : list.cue(cue).children()) {
            stop(child, show);
        }
    }

    void stopAll(ShowState show) {
        for (int c = 0; c < cueCount; c++) {
            stop(c, show);
        }
    }

    /** Freezes a waiting or running cue where it is (its values were brought up to {@code nanos}). */
    void pause(int cue, long nanos, ShowState show) {
        CueState s = state[cue];
        if (s == CueState.WAITING || s == CueState.RUNNING) {
            pausedFrom[cue] = s;
            pausedAt[cue] = nanos;
            setState(cue, CueState.PAUSED, show);
        }
        for (int child : list.cue(cue).children()) {
            pause(child, nanos, show);
        }
    }

    void pauseAll(long nanos, ShowState show) {
        for (int c = 0; c < cueCount; c++) {
            pause(c, nanos, show);
        }
    }

    /** Goes on from where the cue was paused: every time it had left is shifted by the pause. */
    void resume(int cue, long nanos, ShowState show) {
        if (state[cue] == CueState.PAUSED) {
            long paused = nanos - pausedAt[cue];
            actionAt[cue] += paused;
            continueAt[cue] += paused;
            setState(cue, pausedFrom[cue], show);
        }
        for (int child : list.cue(cue).children()) {
            resume(child, nanos, show);
        }
    }

    void resumeAll(long nanos, ShowState show) {
        for (int c = 0; c < cueCount; c++) {
            resume(c, nanos, show);
        }
    }

    /**
     * Puts {@code cue} in state {@code s} as a saved show had it, its action and continue due
     * {@code actionIn} and {@code continueIn} from {@code nanos} (a paused cue's times are relative
     * to its pause, which is now). Touches no slot.
     */
    void restore(int cue, CueState s, CueState paused, long actionIn, boolean continuing, long continueIn,
                 long nanos, ShowState show) {
        actionAt[cue] = nanos + actionIn;
        continuePending[cue] = continuing && list.cue(cue).next() >= 0;
        continueAt[cue] = nanos + continueIn;
        pausedFrom[cue] = s == CueState.PAUSED ? paused : CueState.IDLE;
        pausedAt[cue] = nanos;
        setState(cue, s, show);
    }

    /** The index of {@code slot} among the restored cue's targets if it fades it as saved, else -1. */
    int heldTheSameWay(int c, int slot, float to, int curve, long elapsed, long total, long nanos) {
        Cue cue = list.cue(c);
        if (!fading(c) || cue.curve().ordinal() != curve || fadeNanos[c] != total
                || actionAt[c] != reference(c, nanos) - elapsed) {
            return -1;
        }
        int[] slots = cue.slots();
        for (int k = 0; k < slots.length; k++) {
            if (slots[k] == slot && Float.compare(cue.values()[k], to) == 0) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Swaps in {@code next}: every cue stops where it is (values stay, so nothing jumps), the
     * playhead stays on the cue of the same number if the new list has it, else the first cue.
     * Allocates the new list's state: a reload is rare and never per frame.
     */
    void reload(CueList next, long nanos, ShowState show) {
        stopAll(show);
        boolean pastTheEnd = playhead < 0;
        String at = list.numberOf(playhead);
        allocate(next);
        generation++;
        inForce.swapped(next, generation); // before the update below: whoever it tells reads the new list
        int same = next.indexOf(at).orElse(-1);
        int target = pastTheEnd ? -1 : same >= 0 && next.cue(same).parent() < 0 ? same : next.first();
        playhead = -2; // so that the update below is posted whatever the index
        setPlayhead(target, nanos, show);
        replies.update(UPDATE_LIST, generation, 0, nanos, show);
    }

    // ---- time -------------------------------------------------------------------------------

    /**
     * Brings every cue and parameter fade to time {@code t}: pre-waits that end begin their
     * fades, fades move, fades that end complete, continues that are due start the next cue (at
     * the moment they were due). Repeats while a continue started something, at most once per cue
     * (a chain longer than the list is counted in {@link #endlessChains()} and goes on next frame).
     */
    void settle(long t, ShowState show) {
        float[] values = show.values();
        boolean again = true;
        for (int pass = 0; again && pass <= cueCount; pass++) {
            again = false;
            for (int c = 0; c < cueCount; c++) {
                again |= settleCue(c, t, values, show);
            }
            if (again && pass == cueCount) {
                endlessChains++;
            }
        }
        fades.settleParameterFades(t, values);
    }

    /** @return whether a continue started another cue */
    private boolean settleCue(int c, long t, float[] values, ShowState show) {
        CueState s = state[c];
        if (s == CueState.PAUSED) {
            return false;
        }
        if (s == CueState.WAITING && t - actionAt[c] >= 0) {
            fades.take(c, list.cue(c).slots(), values);
            setState(c, CueState.RUNNING, show);
            s = CueState.RUNNING;
        }
        if (s == CueState.RUNNING) {
            Cue cue = list.cue(c);
            boolean done = fades.apply(cue, t - actionAt[c], fadeNanos[c], values);
            if (done && !anyChildActive(cue)) {
                fades.release(c, cue.slots());
                setState(c, CueState.IDLE, show);
            }
        }
        if (continuePending[c] && t - continueAt[c] >= 0) {
            continuePending[c] = false;
            int next = list.cue(c).next();
            if (playhead == next) {
                setPlayhead(list.cue(next).next(), t, show);
            }
            start(next, continueAt[c], show, OWN_FADE);
            return true;
        }
        return false;
    }

    private boolean anyChildActive(Cue cue) {
        for (int child : cue.children()) {
            if (state[child] != CueState.IDLE) {
                return true;
            }
        }
        return false;
    }

    // ---- playhead, state --------------------------------------------------------------------

    void setPlayhead(int cue, long nanos, ShowState show) {
        if (playhead != cue) {
            playhead = cue;
            replies.update(UPDATE_PLAYHEAD, cue, 0, nanos, show);
        }
    }

    private void setState(int cue, CueState next, ShowState show) {
        if (state[cue] != next) {
            state[cue] = next;
            replies.update(UPDATE_CUE, cue, next.code(), actionAt[cue], show);
        }
    }

    // ---- persistence ------------------------------------------------------------------------

    /** The cues' part of {@link CueStage#progressAt}: each cue's state and when its action and continue are due. */
    void progressAt(long t, CueProgress out) {
        out.cues = Math.min(cueCount, out.cueCapacity);
        out.generation = generation;
        for (int c = 0; c < out.cues; c++) {
            long reference = reference(c, t);
            out.state[c] = state[c];
            out.pausedFrom[c] = state[c] == CueState.PAUSED ? pausedFrom[c] : CueState.IDLE;
            out.actionInNanos[c] = actionAt[c] - reference;
            out.continuePending[c] = continuePending[c];
            out.continueInNanos[c] = continueAt[c] - reference;
        }
    }
}
