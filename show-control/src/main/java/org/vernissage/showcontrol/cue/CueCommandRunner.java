package org.vernissage.showcontrol.cue;

import static org.vernissage.showcontrol.cue.ControlCommands.*;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.ShowState;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.CueCommandFlyweight;

/**
 * Runs the cue stage's commands: reads a {@code CONSOLE_COMMAND} ({@link ControlCommands}) or a
 * {@code CUE_COMMAND} (GO, STOP, LOAD from in-process sources, never answered), checks it
 * (the cue exists, the list it was read against is still the one loaded, values are finite),
 * has the {@link CuePlayback} and the {@link CueFades} do it, and answers a console's command
 * through {@link CueReplies}: exactly one reply per command, OK or refused with a reason.
 *
 * <p>Conductor thread only, owned by the {@link CueStage}; {@link #offer} from any thread.
 * Allocates nothing per event: the flyweights are reused.
 */
final class CueCommandRunner {

    private static final CueCurve[] CURVES = CueCurve.values();

    private final CuePlayback playback;
    private final CueFades fades;
    private final CueReplies replies;
    private final ConsoleCommandFlyweight command = new ConsoleCommandFlyweight();
    private final CueCommandFlyweight cueCommand = new CueCommandFlyweight();
    private final AtomicReference<CueList> offered = new AtomicReference<>();
    private volatile List<Optional<CueList>> recorded = List.of(); // a replay's kept lists, set at its start

    CueCommandRunner(CuePlayback playback, CueFades fades, CueReplies replies) {
        this.playback = playback;
        this.fades = fades;
        this.replies = replies;
    }

    /** Any thread: the list the next {@code RELOAD} swaps in. */
    void offer(CueList next) {
        offered.set(next);
    }

    /** Wiring thread, before the ring starts (a replay): {@code RELOAD k} swaps in version k. */
    void replay(List<Optional<CueList>> versions) {
        recorded = List.copyOf(versions);
    }

    /** A {@code CUE_COMMAND}: GO, STOP or LOAD; returns whether it changed the show. */
    boolean onCueCommand(InputEvent event, long nanos, ShowState show) {
        CueCommandFlyweight cue = cueCommand.wrap(event);
        int index = cue.cue();
        int cueCount = playback.cueCount();
        switch (cue.action()) {
            case CueCommandFlyweight.GO -> {
                int go = index < 0 ? playback.playhead() : index;
                if (go < 0 || go >= cueCount) {
                    return false;
                }
                playback.go(go, nanos, show, CuePlayback.OWN_FADE);
            }
            case CueCommandFlyweight.STOP -> {
                if (index < 0) {
                    playback.stopAll(show);
                } else if (index < cueCount) {
                    playback.stop(index, show);
                } else {
                    return false;
                }
            }
            case CueCommandFlyweight.LOAD -> {
                if (!playback.isMainCue(index)) {
                    return false;
                }
                playback.setPlayhead(index, nanos, show);
            }
            default -> {
                return false;
            }
        }
        playback.settle(nanos, show);
        return true;
    }

    /** A {@code CONSOLE_COMMAND}, answered once; returns whether it changed the show. */
    boolean onConsoleCommand(InputEvent event, long nanos, ShowState show) {
        command.wrap(event);
        int code = command.command();
        int cue = command.count() > 0 ? Math.round(command.argument(0)) : -2;
        int playhead = playback.playhead();
        boolean atPlayhead = cue == -1 && (code == CUE_START || code == CUE_STOP || code == CUE_PAUSE
                || code == CUE_RESUME || code == CUE_STATE);
        if (atPlayhead && playhead < 0) {
            return refuse(NOTHING_AT_PLAYHEAD, nanos, show);
        }
        if (atPlayhead) {
            cue = playhead; // /cue/playhead/...: the cue GO would start
        }
        boolean cueCommandOk = cue >= 0 && cue < playback.cueCount();
        boolean byIndex = code == CUE_START || code == CUE_STOP || code == CUE_PAUSE || code == CUE_RESUME
                || code == CUE_STATE || code == PLAYHEAD_SET || code == CUE_RESTORE || code == TIMED_GO && cue >= 0;
        if (byIndex && command.count() >= 2 && Math.round(command.argument(1)) != playback.generation()) {
            return refuse(LIST_CHANGED, nanos, show);
        }
        switch (code) {
            case GO -> {
                return go(CuePlayback.OWN_FADE, nanos, show);
            }
            case STOP_ALL, PANIC -> {
                playback.stopAll(show);
                if (code == PANIC) {
                    fades.stopParameterFades();
                }
            }
            case PAUSE_ALL -> {
                playback.settle(nanos, show);
                playback.pauseAll(nanos, show);
            }
            case RESUME_ALL -> playback.resumeAll(nanos, show);
            case RESET -> {
                playback.stopAll(show);
                fades.stopParameterFades();
                playback.setPlayhead(playback.list().first(), nanos, show);
            }
            case CUE_START, CUE_STOP, CUE_PAUSE, CUE_RESUME, CUE_STATE -> {
                if (!cueCommandOk) {
                    return refuse(UNKNOWN_CUE, nanos, show);
                }
                return onCue(code, cue, CuePlayback.OWN_FADE, nanos, show);
            }
            case PLAYHEAD_SET -> {
                if (!cueCommandOk || !playback.isMainCue(cue)) {
                    return refuse(UNKNOWN_CUE, nanos, show);
                }
                playback.setPlayhead(cue, nanos, show);
            }
            case PLAYHEAD_NEXT -> {
                if (playhead >= 0) {
                    playback.setPlayhead(playback.list().cue(playhead).next(), nanos, show);
                }
            }
            case PLAYHEAD_PREVIOUS -> playback.setPlayhead(playback.previousMainCue(), nanos, show);
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
            case TIMED_GO -> {
                return timedGo(cue, cueCommandOk, nanos, show);
            }
            case RELOAD -> {
                CueList next = offered.getAndSet(null);
                if (next == null && cue >= 1 && cue < recorded.size()) {
                    next = recorded.get(cue).orElse(null); // a replay: the list the recorded run reloaded
                }
                if (next == null) {
                    return refuse(NOTHING_TO_LOAD, nanos, show); // a replay of a journal kept without its lists
                }
                playback.reload(next, nanos, show);
                return answer(-1, playback.generation(), nanos, show);
            }
            default -> {
                return refuse(UNKNOWN_COMMAND, nanos, show);
            }
        }
        playback.settle(nanos, show);
        return answer(-1, 0, nanos, show);
    }

    /** GO: the cue at the playhead starts, its fades taking {@code fade} (or their own), the playhead moves on. */
    private boolean go(long fade, long nanos, ShowState show) {
        int playhead = playback.playhead();
        if (playhead < 0) {
            return refuse(NOTHING_AT_PLAYHEAD, nanos, show);
        }
        playback.go(playhead, nanos, show, fade);
        playback.settle(nanos, show);
        return answer(playhead, 0, nanos, show);
    }

    /** @param fade for CUE_START: the fade time a TIMED_GO gave, or {@link CuePlayback#OWN_FADE} */
    private boolean onCue(int code, int cue, long fade, long nanos, ShowState show) {
        switch (code) {
            case CUE_START -> {
                playback.start(cue, nanos, show, fade);
                playback.settle(nanos, show);
            }
            case CUE_STOP -> playback.stop(cue, show);
            case CUE_PAUSE -> {
                CueState s = playback.state(cue);
                if (s != CueState.WAITING && s != CueState.RUNNING) {
                    return refuse(NOT_RUNNING, nanos, show);
                }
                playback.settle(nanos, show);
                playback.pause(cue, nanos, show);
            }
            case CUE_RESUME -> {
                if (playback.state(cue) != CueState.PAUSED) {
                    return refuse(NOT_PAUSED, nanos, show);
                }
                playback.resume(cue, nanos, show);
                playback.settle(nanos, show);
            }
            default -> { // CUE_STATE: a query changes nothing
                answer(cue, playback.state(cue).code(), nanos, show);
                return false;
            }
        }
        return answer(cue, playback.state(cue).code(), nanos, show);
    }

    /** TIMED_GO: GO (cue -1) or a cue's start, its fades taking the command's time. */
    private boolean timedGo(int cue, boolean cueOk, long nanos, ShowState show) {
        long fade = command.count() < 4 ? -1 : NanosAsFloats.join(command.argument(2), command.argument(3));
        if (fade < 0 || fade > CueListLoader.MAX_SECONDS * 1e9) {
            return refuse(BAD_VALUE, nanos, show);
        }
        if (cue == -1) {
            return go(fade, nanos, show);
        }
        return cueOk ? onCue(CUE_START, cue, fade, nanos, show) : refuse(UNKNOWN_CUE, nanos, show);
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
            fades.letGo(slot);
            values[slot] = layout.afterSet(slot, values[slot], value);
        } else {
            float seconds = command.argument(2);
            int curve = Math.round(command.argument(3));
            if (!(seconds >= 0 && seconds <= CueListLoader.MAX_SECONDS) || curve < 0 || curve >= CURVES.length) {
                return refuse(BAD_VALUE, nanos, show);
            }
            fades.fade(slot, values[slot], layout.clamp(slot, value), nanos, Math.round(seconds * 1e9), CURVES[curve],
                    nanos, values);
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
        playback.restore(cue, s, paused, NanosAsFloats.join(command.argument(4), command.argument(5)),
                command.argument(6) != 0, NanosAsFloats.join(command.argument(7), command.argument(8)), nanos, show);
        return answer(cue, playback.state(cue).code(), nanos, show);
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
        int k = cue >= 0 && cue < playback.cueCount()
                ? playback.heldTheSameWay(cue, slot, to, curve, elapsed, total, nanos) : -1;
        if (k >= 0) {
            fades.giveBack(slot, cue, k, start);
        } else {
            fades.fade(slot, start, show.layout().clamp(slot, to), nanos - elapsed, total, CURVES[curve], nanos,
                    values);
        }
        return answer(slot, values[slot], nanos, show);
    }

    private boolean refuse(int reason, long nanos, ShowState show) {
        replies.refuse(command, reason, playback.playhead(), nanos, show);
        return false;
    }

    /** Replies OK with the playhead, {@code subject} and {@code detail}; returns true (applied). */
    private boolean answer(int subject, float detail, long nanos, ShowState show) {
        replies.answer(command, playback.playhead(), subject, detail, nanos, show);
        return true;
    }
}
