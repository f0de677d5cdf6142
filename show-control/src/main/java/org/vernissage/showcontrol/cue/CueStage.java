package org.vernissage.showcontrol.cue;

import java.util.List;
import java.util.Optional;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ConductorStage;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.ShowState;
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
 * <p><b>Roles.</b> This class only hosts the stage: {@link CueCommandRunner} reads and checks each
 * command, {@link CuePlayback} is the cues' state machine and the playhead, {@link CueFades} holds
 * the slots and computes the fades, {@link CueReplies} posts to the outbox.
 *
 * <p>Conductor thread only (made on the wiring thread); {@link #offer} and {@link #inForce} from
 * any thread. Allocates nothing per event or frame: its state is arrays sized by the cue list and
 * the layout when it is made.
 */
public final class CueStage implements ConductorStage {

    private static final int[] KINDS = {EventKinds.CUE_COMMAND, EventKinds.CONSOLE_COMMAND};

    private final CueFades fades;
    private final CuePlayback playback;
    private final CueCommandRunner commands;
    private final CueListInForce inForce;

    /**
     * @param list the cues
     * @param layout the show's parameters (slots are checked against it)
     * @param answerConsoles whether to post replies and playhead and cue-state updates into the
     *     outbox (false when nothing drains it, as in a replay: the show state is the same either way)
     */
    public CueStage(CueList list, ParameterLayout layout, boolean answerConsoles) {
        CueReplies replies = new CueReplies(answerConsoles);
        this.fades = new CueFades(layout.slotCount());
        this.inForce = new CueListInForce(list);
        this.playback = new CuePlayback(list, fades, replies, inForce);
        this.commands = new CueCommandRunner(playback, fades, replies);
    }

    /**
     * Any thread (the cue file's watcher): offers a new list, swapped in when a {@code RELOAD}
     * command reaches the stage, so that the swap has its place among the journalled events.
     */
    public void offer(CueList next) {
        commands.offer(next);
    }

    /**
     * Wiring thread, before the ring starts: a replay's recorded lists ({@link RecordedCueLists}),
     * so that the journalled {@code RELOAD k} swaps in version k, as the recorded run did.
     */
    public void replay(List<Optional<CueList>> versions) {
        commands.replay(versions);
    }

    /** The list the stage runs now and its generation, for consoles that read cue numbers. Any thread. */
    public CueListInForce inForce() {
        return inForce;
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
            return commands.onCueCommand(event, nanos, show);
        }
        return commands.onConsoleCommand(event, nanos, show);
    }

    @Override
    public void advanceTo(long horizonNanos, ShowState show) {
        playback.settle(horizonNanos, show);
    }

    // ---- read by tests and the persistence stage (conductor thread, or after it stopped) ----

    /** The cue GO would start, or -1 past the end. */
    public int playhead() {
        return playback.playhead();
    }

    /**
     * Conductor thread: where every fade and cue is at {@code t} (after the frame at {@code t}
     * was settled), for the show state's persistence: a fade's origin, target, curve, length and
     * how much of it is behind, so that a restart resumes it on its curve; each cue's state and when
     * its action and its continue are due, so that waits and continue chains go on. A paused
     * cue's slots are reported as its fades (frozen at its pause). Allocates nothing.
     */
    public void progressAt(long t, CueProgress out) {
        fades.progressAt(t, out, playback);
        playback.progressAt(t, out);
    }

    /** Where cue {@code cue} is. */
    public CueState state(int cue) {
        return playback.state(cue);
    }

    /** How many lists were swapped in since the start (0 for the list the stage was made with). */
    public int generation() {
        return playback.generation();
    }

    /** Frames in which a chain of continues was longer than the list (it goes on at the next frame). */
    public long endlessChains() {
        return playback.endlessChains();
    }
}
