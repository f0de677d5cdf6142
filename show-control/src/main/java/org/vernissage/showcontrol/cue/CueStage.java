package org.vernissage.showcontrol.cue;

import static org.vernissage.showcontrol.cue.ControlCommands.*;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ConductorStage;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.ShowState;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.CueCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * The conductor's cues-and-fades stage ({@code ConductorStages.cuesAndFades}): runs a
 * {@link CueList} with a playhead, and answers consoles.
 *
 * <p><b>Time.</b> A cue started at time t (the command's own time, from its envelope) waits its
 * pre-wait, then fades each target from the value it holds at that moment to the cue's value,
 * along the cue's curve, over its fade time. Values are computed for the exact time each frame
 * mark names ({@link #advanceTo}: the time the next frame is drawn), so the frame shows the fade
 * where it is at its own time, and the stage is a function of its events alone: a replayed journal
 * gives the same values bit for bit. Continues are timed from the cue's own start, not from the
 * frame that noticed them, so an auto-follow chain does not drift by a frame per cue.
 *
 * <p><b>Overlaps.</b> Several cues may run at once. Each slot is written by the cue (or parameter
 * fade) that took it last: a cue starting its fade takes its slots from whatever held them, which
 * keeps its other slots. Stop and pause freeze a cue where it is; resume goes on from there, its
 * remaining time unchanged.
 *
 * <p><b>Replies.</b> Every {@code CONSOLE_COMMAND} ({@link ControlCommands}) is answered with one
 * {@code CONSOLE_REPLY} in the outbox, in command order, and playhead and cue state changes are
 * posted as updates, when {@code answerConsoles} (a control port drains the outbox). A full
 * outbox refuses (counted there); the show goes on.
 * {@code CUE_COMMAND} envelopes (GO, STOP, LOAD; cue -1 = the playhead, or all) are obeyed without
 * a reply: they come from in-process sources.
 *
 * <p>Conductor thread only (made on the wiring thread). Allocates nothing per event or frame: its
 * state is arrays sized by the cue list and the layout when it is made.
 */
public final class CueStage implements ConductorStage {

    private static final int[] KINDS = {EventKinds.CUE_COMMAND, EventKinds.CONSOLE_COMMAND};
    private static final int NO_OWNER = -1;
    private static final int FADED_BY_COMMAND = -2;
    private static final CueCurve[] CURVES = CueCurve.values();

    private CueList list;
    private final boolean answerConsoles;
    private int cueCount;

    // Per cue.
    private CueState[] state;
    private CueState[] pausedFrom;
    private long[] actionAt;
    private long[] pausedAt;
    private boolean[] continuePending;
    private long[] continueAt;
    private float[][] from;

    // Per slot.
    private final int[] owner;
    private final float[] fadeFrom;
    private final float[] fadeTo;
    private final long[] fadeStart;
    private final long[] fadeNanos;
    private final CueCurve[] fadeCurve;

    private final ConsoleCommandFlyweight command = new ConsoleCommandFlyweight();
    private final ConsoleCommandFlyweight reply = new ConsoleCommandFlyweight();
    private final CueCommandFlyweight cueCommand = new CueCommandFlyweight();
    private final AtomicReference<CueList> offered = new AtomicReference<>();
    private int playhead;
    private int generation;
    private long endlessChains;

    /**
     * @param list the cues
     * @param layout the show's parameters (slots are checked against it)
     * @param answerConsoles whether to post replies and playhead and cue-state updates into the
     *     outbox (false when nothing drains it, as in a replay: the show state is the same either way)
     */
    public CueStage(CueList list, ParameterLayout layout, boolean answerConsoles) {
        this.answerConsoles = answerConsoles;
        allocate(list);
        int slots = layout.slotCount();
        this.owner = new int[slots];
        Arrays.fill(owner, NO_OWNER);
        this.fadeFrom = new float[slots];
        this.fadeTo = new float[slots];
        this.fadeStart = new long[slots];
        this.fadeNanos = new long[slots];
        this.fadeCurve = new CueCurve[slots];
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
        this.pausedAt = new long[cueCount];
        this.continuePending = new boolean[cueCount];
        this.continueAt = new long[cueCount];
        this.from = new float[cueCount][];
        for (int c = 0; c < cueCount; c++) {
            from[c] = new float[next.cue(c).slots().length];
        }
    }

    /**
     * Any thread (the cue file's watcher): offers a new list, swapped in when a {@code RELOAD}
     * command reaches the stage, so that the swap has its place among the journalled events.
     */
    public void offer(CueList next) {
        offered.set(next);
    }

    @Override
    public String name() {
        return "cues";
    }

    @Override
    public int[] kinds() {
        return KINDS.clone();
    }

    @Override
    public boolean onEvent(InputEvent event, long nanos, ShowState show) {
        if (event.kind() == EventKinds.CUE_COMMAND) {
            return onCueCommand(cueCommand.wrap(event), nanos, show);
        }
        command.wrap(event);
        return onConsoleCommand(nanos, show);
    }

    @Override
    public void advanceTo(long horizonNanos, ShowState show) {
        settle(horizonNanos, show);
    }

    // ---- commands ---------------------------------------------------------------------------

    private boolean onCueCommand(CueCommandFlyweight cue, long nanos, ShowState show) {
        int index = cue.cue();
        switch (cue.action()) {
            case CueCommandFlyweight.GO -> {
                int go = index < 0 ? playhead : index;
                if (go < 0 || go >= cueCount) {
                    return false;
                }
                go(go, nanos, show);
            }
            case CueCommandFlyweight.STOP -> {
                if (index < 0) {
                    stopAll(show);
                } else if (index < cueCount) {
                    stop(index, show);
                } else {
                    return false;
                }
            }
            case CueCommandFlyweight.LOAD -> {
                if (!isMainCue(index)) {
                    return false;
                }
                setPlayhead(index, nanos, show);
            }
            default -> {
                return false;
            }
        }
        settle(nanos, show);
        return true;
    }

    private boolean onConsoleCommand(long nanos, ShowState show) {
        int code = command.command();
        int cue = command.count() > 0 ? Math.round(command.argument(0)) : -2;
        boolean atPlayhead = cue == -1 && (code == CUE_START || code == CUE_STOP || code == CUE_PAUSE
                || code == CUE_RESUME || code == CUE_STATE);
        if (atPlayhead && playhead < 0) {
            return refuse(NOTHING_AT_PLAYHEAD, nanos, show);
        }
        if (atPlayhead) {
            cue = playhead; // /cue/playhead/...: the cue GO would start
        }
        boolean cueCommandOk = cue >= 0 && cue < cueCount;
        boolean byIndex = code == CUE_START || code == CUE_STOP || code == CUE_PAUSE || code == CUE_RESUME
                || code == CUE_STATE || code == PLAYHEAD_SET || code == CUE_RESTORE;
        if (byIndex && command.count() >= 2 && Math.round(command.argument(1)) != generation) {
            return refuse(LIST_CHANGED, nanos, show);
        }
        switch (code) {
            case GO -> {
                if (playhead < 0) {
                    return refuse(NOTHING_AT_PLAYHEAD, nanos, show);
                }
                int started = playhead;
                go(started, nanos, show);
                settle(nanos, show);
                return answer(started, 0, nanos, show);
            }
            case STOP_ALL, PANIC -> {
                stopAll(show);
                if (code == PANIC) {
                    stopParameterFades();
                }
            }
            case PAUSE_ALL -> {
                settle(nanos, show);
                for (int c = 0; c < cueCount; c++) {
                    pause(c, nanos, show);
                }
            }
            case RESUME_ALL -> {
                for (int c = 0; c < cueCount; c++) {
                    resume(c, nanos, show);
                }
            }
            case RESET -> {
                stopAll(show);
                stopParameterFades();
                setPlayhead(list.first(), nanos, show);
            }
            case CUE_START, CUE_STOP, CUE_PAUSE, CUE_RESUME, CUE_STATE -> {
                if (!cueCommandOk) {
                    return refuse(UNKNOWN_CUE, nanos, show);
                }
                return onCue(code, cue, nanos, show);
            }
            case PLAYHEAD_SET -> {
                if (!cueCommandOk || !isMainCue(cue)) {
                    return refuse(UNKNOWN_CUE, nanos, show);
                }
                setPlayhead(cue, nanos, show);
            }
            case PLAYHEAD_NEXT -> {
                if (playhead >= 0) {
                    setPlayhead(list.cue(playhead).next(), nanos, show);
                }
            }
            case PLAYHEAD_PREVIOUS -> setPlayhead(previousMainCue(), nanos, show);
            case PLAYHEAD_QUERY -> {
                answer(-1, 0, nanos, show);
                return false; // a query changes nothing
            }
            case PARAMETER_SET, PARAMETER_FADE -> {
                return onParameter(code, nanos, show);
            }
            case CUE_RESTORE -> {
                if (!cueCommandOk) {
                    return refuse(UNKNOWN_CUE, nanos, show);
                }
                return restoreCue(cue, nanos, show);
            }
            case FADE_RESTORE -> {
                return restoreFade(nanos, show);
            }
            case RELOAD -> {
                CueList next = offered.getAndSet(null);
                if (next == null) {
                    return refuse(NOTHING_TO_LOAD, nanos, show); // e.g. a replay: the file is not read again
                }
                reload(next, nanos, show);
                return answer(-1, generation, nanos, show);
            }
            default -> {
                return refuse(UNKNOWN_COMMAND, nanos, show);
            }
        }
        settle(nanos, show);
        return answer(-1, 0, nanos, show);
    }

    private boolean onCue(int code, int cue, long nanos, ShowState show) {
        switch (code) {
            case CUE_START -> {
                start(cue, nanos, show);
                settle(nanos, show);
            }
            case CUE_STOP -> stop(cue, show);
            case CUE_PAUSE -> {
                if (state[cue] != CueState.WAITING && state[cue] != CueState.RUNNING) {
                    return refuse(NOT_RUNNING, nanos, show);
                }
                settle(nanos, show);
                pause(cue, nanos, show);
            }
            case CUE_RESUME -> {
                if (state[cue] != CueState.PAUSED) {
                    return refuse(NOT_PAUSED, nanos, show);
                }
                resume(cue, nanos, show);
                settle(nanos, show);
            }
            default -> { // CUE_STATE: a query changes nothing
                answer(cue, state[cue].code(), nanos, show);
                return false;
            }
        }
        return answer(cue, state[cue].code(), nanos, show);
    }

    private boolean onParameter(int code, long nanos, ShowState show) {
        int slot = command.count() > 0 ? Math.round(command.argument(0)) : -1;
        if (command.count() < (code == PARAMETER_SET ? 2 : 4) || !show.validSlot(slot)) {
            return refuse(command.count() < 2 ? BAD_VALUE : BAD_SLOT, nanos, show);
        }
        float value = command.argument(1);
        ParameterLayout layout = show.layout();
        float[] values = show.values();
        if (!Float.isFinite(value)) {
            return refuse(BAD_VALUE, nanos, show);
        }
        if (code == PARAMETER_SET || layout.isEvent(slot)) {
            owner[slot] = NO_OWNER; // a value set by hand ends whatever fade held the slot
            values[slot] = layout.afterSet(slot, values[slot], value);
        } else {
            float seconds = command.argument(2);
            int curve = Math.round(command.argument(3));
            if (!(seconds >= 0 && seconds <= CueListLoader.MAX_SECONDS) || curve < 0 || curve >= CURVES.length) {
                return refuse(BAD_VALUE, nanos, show);
            }
            owner[slot] = FADED_BY_COMMAND;
            fadeFrom[slot] = values[slot];
            fadeTo[slot] = layout.clamp(slot, value);
            fadeStart[slot] = nanos;
            fadeNanos[slot] = Math.round(seconds * 1e9);
            fadeCurve[slot] = CURVES[curve];
            applyParameterFade(slot, nanos, values);
        }
        return answer(slot, values[slot], nanos, show);
    }

    /**
     * CUE_RESTORE: puts the cue back in the state the saved show had it, its action and continue
     * as far off as they were then (relative to now; a paused cue stays paused, its times relative
     * to this moment as they were to its pause). Touches no slot: its fades come back with
     * FADE_RESTORE, after it in the same batch.
     */
    private boolean restoreCue(int cue, long nanos, ShowState show) {
        if (command.count() < 9) {
            return refuse(BAD_VALUE, nanos, show);
        }
        CueState s = CueState.ofCode(Math.round(command.argument(2)));
        CueState paused = CueState.ofCode(Math.round(command.argument(3)));
        if (s == CueState.PAUSED && paused != CueState.WAITING && paused != CueState.RUNNING) {
            return refuse(BAD_VALUE, nanos, show);
        }
        actionAt[cue] = nanos + NanosAsFloats.join(command.argument(4), command.argument(5));
        continuePending[cue] = command.argument(6) != 0 && list.cue(cue).next() >= 0;
        continueAt[cue] = nanos + NanosAsFloats.join(command.argument(7), command.argument(8));
        pausedFrom[cue] = s == CueState.PAUSED ? paused : CueState.IDLE;
        pausedAt[cue] = nanos;
        setState(cue, s, show);
        return answer(cue, state[cue].code(), nanos, show);
    }

    /**
     * FADE_RESTORE: a fade the saved show had running, back on its own curve at the point it had
     * reached, so every later frame shows what the uninterrupted fade would have at the same
     * distance from the save. When the cue that held it was restored and still fades that slot the
     * same way (same target, curve and length: the list was not edited), the cue takes the slot
     * back, so that stopping or pausing the cue acts on it as before; otherwise it runs as a
     * parameter fade.
     */
    private boolean restoreFade(long nanos, ShowState show) {
        int slot = command.count() > 0 ? Math.round(command.argument(0)) : -1;
        if (command.count() < 9) {
            return refuse(BAD_VALUE, nanos, show);
        }
        if (!show.validSlot(slot) || show.layout().isEvent(slot)) {
            return refuse(BAD_SLOT, nanos, show);
        }
        float to = command.argument(1);
        float start = command.argument(2);
        int curve = Math.round(command.argument(3));
        long elapsed = NanosAsFloats.join(command.argument(4), command.argument(5));
        long total = NanosAsFloats.join(command.argument(6), command.argument(7));
        int cue = Math.round(command.argument(8));
        if (!Float.isFinite(to) || !Float.isFinite(start) || curve < 0 || curve >= CURVES.length || elapsed < 0
                || total < 0 || total > CueListLoader.MAX_SECONDS * 1e9) {
            return refuse(BAD_VALUE, nanos, show);
        }
        float[] values = show.values();
        int k = cue >= 0 && cue < cueCount ? heldTheSameWay(cue, slot, to, curve, elapsed, total, nanos) : -1;
        if (k >= 0) {
            owner[slot] = cue;
            from[cue][k] = start;
        } else {
            owner[slot] = FADED_BY_COMMAND;
            fadeFrom[slot] = start;
            fadeTo[slot] = show.layout().clamp(slot, to);
            fadeStart[slot] = nanos - elapsed;
            fadeNanos[slot] = total;
            fadeCurve[slot] = CURVES[curve];
            applyParameterFade(slot, nanos, values);
        }
        return answer(slot, values[slot], nanos, show);
    }

    /** The index of {@code slot} among the restored cue's targets if it fades it as saved, else -1. */
    private int heldTheSameWay(int c, int slot, float to, int curve, long elapsed, long total, long nanos) {
        CueState s = state[c];
        boolean fading = s == CueState.RUNNING || s == CueState.PAUSED && pausedFrom[c] == CueState.RUNNING;
        Cue cue = list.cue(c);
        long reference = s == CueState.PAUSED ? pausedAt[c] : nanos;
        if (!fading || cue.curve().ordinal() != curve || cue.fadeNanos() != total
                || actionAt[c] != reference - elapsed) {
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
    private void reload(CueList next, long nanos, ShowState show) {
        stopAll(show);
        boolean pastTheEnd = playhead < 0;
        String at = list.numberOf(playhead);
        allocate(next);
        generation++;
        int same = next.indexOf(at).orElse(-1);
        int target = pastTheEnd ? -1 : same >= 0 && next.cue(same).parent() < 0 ? same : next.first();
        playhead = -2; // so that the update below is posted whatever the index
        setPlayhead(target, nanos, show);
        update(UPDATE_LIST, generation, 0, nanos, show);
    }

    // ---- cue life ---------------------------------------------------------------------------

    /** GO on {@code cue}: start it and move the playhead past it. */
    private void go(int cue, long nanos, ShowState show) {
        setPlayhead(list.cue(cue).next(), nanos, show);
        start(cue, nanos, show);
    }

    /** Starts {@code cue} (again, if it runs) at {@code at}: its pre-wait begins. */
    private void start(int cue, long at, ShowState show) {
        Cue c = list.cue(cue);
        actionAt[cue] = at + c.preWaitNanos();
        continuePending[cue] = c.continueMode() != ContinueMode.DO_NOT_CONTINUE && c.next() >= 0;
        continueAt[cue] = c.continueMode() == ContinueMode.AUTO_FOLLOW
                ? actionAt[cue] + c.fadeNanos() + c.postWaitNanos()
                : actionAt[cue] + c.postWaitNanos();
        setState(cue, CueState.WAITING, show);
        for (int child : c.children()) {
            start(child, at + c.preWaitNanos(), show); // a group's pre-wait delays all its cues
        }
    }

    private void stop(int cue, ShowState show) {
        continuePending[cue] = false;
        release(cue);
        setState(cue, CueState.IDLE, show);
        for (int child : list.cue(cue).children()) {
            stop(child, show);
        }
    }

    private void stopAll(ShowState show) {
        for (int c = 0; c < cueCount; c++) {
            stop(c, show);
        }
    }

    private void stopParameterFades() {
        for (int slot = 0; slot < owner.length; slot++) {
            if (owner[slot] == FADED_BY_COMMAND) {
                owner[slot] = NO_OWNER;
            }
        }
    }

    /** Freezes a waiting or running cue where it is (its values were brought up to {@code nanos}). */
    private void pause(int cue, long nanos, ShowState show) {
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

    /** Goes on from where the cue was paused: every time it had left is shifted by the pause. */
    private void resume(int cue, long nanos, ShowState show) {
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

    /**
     * Brings every cue and parameter fade to time {@code t}: pre-waits that end begin their
     * fades, fades move, fades that end complete, continues that are due start the next cue (at
     * the moment they were due). Repeats while a continue started something, at most once per cue
     * (a chain longer than the list is counted in {@link #endlessChains()} and goes on next frame).
     */
    private void settle(long t, ShowState show) {
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
        for (int slot = 0; slot < owner.length; slot++) {
            if (owner[slot] == FADED_BY_COMMAND) {
                applyParameterFade(slot, t, values);
            }
        }
    }

    /** @return whether a continue started another cue */
    private boolean settleCue(int c, long t, float[] values, ShowState show) {
        CueState s = state[c];
        if (s == CueState.PAUSED) {
            return false;
        }
        if (s == CueState.WAITING && t - actionAt[c] >= 0) {
            beginAction(c, values, show);
            s = CueState.RUNNING;
        }
        if (s == CueState.RUNNING) {
            Cue cue = list.cue(c);
            boolean done = apply(cue, t, values);
            if (done && !anyChildActive(cue)) {
                release(c);
                setState(c, CueState.IDLE, show);
            }
        }
        if (continuePending[c] && t - continueAt[c] >= 0) {
            continuePending[c] = false;
            int next = list.cue(c).next();
            if (playhead == next) {
                setPlayhead(list.cue(next).next(), t, show);
            }
            start(next, continueAt[c], show);
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

    /** The fade begins: each target fades from what its slot holds now; the cue takes its slots. */
    private void beginAction(int c, float[] values, ShowState show) {
        int[] slots = list.cue(c).slots();
        for (int k = 0; k < slots.length; k++) {
            from[c][k] = values[slots[k]];
            owner[slots[k]] = c;
        }
        setState(c, CueState.RUNNING, show);
    }

    /** Writes the cue's slots it still owns for time {@code t}; returns whether its fade is over. */
    private boolean apply(Cue cue, long t, float[] values) {
        int c = cue.index();
        long elapsed = t - actionAt[c];
        boolean done = elapsed >= cue.fadeNanos();
        float f = done ? 1f : cue.curve().at((double) elapsed / cue.fadeNanos());
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

    private void release(int c) {
        for (int slot : list.cue(c).slots()) {
            if (owner[slot] == c) {
                owner[slot] = NO_OWNER;
            }
        }
    }

    // ---- playhead, state, replies -----------------------------------------------------------

    private boolean isMainCue(int cue) {
        return cue >= 0 && cue < cueCount && list.cue(cue).parent() < 0;
    }

    private int previousMainCue() {
        int limit = playhead < 0 ? cueCount : playhead;
        for (int c = limit - 1; c >= 0; c--) {
            if (list.cue(c).parent() < 0) {
                return c;
            }
        }
        return playhead;
    }

    private void setPlayhead(int cue, long nanos, ShowState show) {
        if (playhead != cue) {
            playhead = cue;
            update(UPDATE_PLAYHEAD, cue, 0, nanos, show);
        }
    }

    private void setState(int cue, CueState next, ShowState show) {
        if (state[cue] != next) {
            state[cue] = next;
            update(UPDATE_CUE, cue, next.code(), actionAt[cue], show);
        }
    }

    private void update(int what, int subject, float detail, long nanos, ShowState show) {
        if (!answerConsoles) {
            return;
        }
        InputEvent out = show.outbox().claim(EventKinds.CONSOLE_REPLY, nanos);
        if (out != null) {
            reply.wrap(out).reset(-1, what, UPDATE_REQUEST).argument(0, subject).argument(1, detail);
            show.outbox().commit();
        }
    }

    private boolean refuse(int reason, long nanos, ShowState show) {
        post(ERROR, reason, -1, 0, nanos, show);
        return false;
    }

    /** Replies OK with the playhead, {@code subject} and {@code detail}; returns true (applied). */
    private boolean answer(int subject, float detail, long nanos, ShowState show) {
        post(OK, NO_REASON, subject, detail, nanos, show);
        return true;
    }

    private void post(int status, int reason, int subject, float detail, long nanos, ShowState show) {
        if (!answerConsoles) {
            return;
        }
        InputEvent out = show.outbox().claim(EventKinds.CONSOLE_REPLY, nanos);
        if (out != null) {
            reply.wrap(out).reset(command.console(), command.command(), command.requestId())
                    .argument(0, status).argument(1, reason).argument(2, playhead).argument(3, subject)
                    .argument(4, detail);
            show.outbox().commit();
        }
    }

    // ---- read by tests (conductor thread, or after the conductor stopped) -------------------

    /** The cue GO would start, or -1 past the end. */
    public int playhead() {
        return playhead;
    }

    /**
     * Conductor thread: where every fade and cue is at {@code t} (after the frame at {@code t}
     * was settled), for the show state's persistence: a fade's origin, target, curve, length and
     * how much of it is behind, so that a restart resumes it on its curve; each cue's state and when
     * its action and its continue are due, so that waits and continue chains go on. A paused
     * cue's slots are reported as its fades (frozen at its pause). Allocates nothing.
     */
    public void progressAt(long t, CueProgress out) {
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
            } else if (c >= 0 && (state[c] == CueState.RUNNING
                    || state[c] == CueState.PAUSED && pausedFrom[c] == CueState.RUNNING)) {
                Cue cue = list.cue(c);
                int[] slots = cue.slots();
                for (int k = 0; k < slots.length; k++) {
                    if (slots[k] == slot) {
                        out.fadedBy[slot] = c;
                        out.from[slot] = from[c][k];
                        out.to[slot] = cue.values()[k];
                        out.curve[slot] = cue.curve().ordinal();
                        out.elapsedNanos[slot] = (state[c] == CueState.PAUSED ? pausedAt[c] : t) - actionAt[c];
                        out.totalNanos[slot] = cue.fadeNanos();
                    }
                }
            }
        }
        out.cues = Math.min(cueCount, out.cueCapacity);
        out.generation = generation;
        for (int c = 0; c < out.cues; c++) {
            long reference = state[c] == CueState.PAUSED ? pausedAt[c] : t;
            out.state[c] = state[c];
            out.pausedFrom[c] = state[c] == CueState.PAUSED ? pausedFrom[c] : CueState.IDLE;
            out.actionInNanos[c] = actionAt[c] - reference;
            out.continuePending[c] = continuePending[c];
            out.continueInNanos[c] = continueAt[c] - reference;
        }
    }

    /** Where cue {@code cue} is. */
    public CueState state(int cue) {
        return state[cue];
    }

    /** How many lists were swapped in since the start (0 for the list the stage was made with). */
    public int generation() {
        return generation;
    }

    /** Frames in which a chain of continues was longer than the list (it goes on at the next frame). */
    public long endlessChains() {
        return endlessChains;
    }
}
