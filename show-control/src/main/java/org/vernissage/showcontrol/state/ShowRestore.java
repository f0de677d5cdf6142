package org.vernissage.showcontrol.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.showcontrol.cue.ControlCommands;
import org.vernissage.showcontrol.cue.CueCurve;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.NanosAsFloats;

/**
 * Turns a {@link SavedShow} into input for the ring, so that the restart goes through the
 * conductor like everything else (and a journal recorded from here replays it): one batch, applied
 * whole, of the saved values, the playhead, each cue that was in progress ({@code CUE_RESTORE}: its
 * state, its wait and its continue with the time they had left) and each fade that was running
 * ({@code FADE_RESTORE}: from the same origin, on the same curve, at the point it had reached, held
 * by its cue again when that cue is still the same). So every frame after the restart shows what
 * the uninterrupted show would have shown at the same distance from the save, an auto-follow
 * chain goes on when its time comes, and values never jump. A fade from a file written before
 * curves were saved runs its remainder linearly towards its target over the time it had left.
 *
 * <p>Used once, on the wiring thread, before sensors start.
 */
public final class ShowRestore {

    /** The console id restore commands carry (consoles number from 0; the web console is -2, MIDI -3). */
    public static final int CONSOLE_ID = -4;

    private ShowRestore() {
    }

    /**
     * The batch restoring {@code show} onto {@code layout} and {@code cues}; what no longer fits
     * (a parameter renamed or retyped, a cue removed) is left out and named in {@code skipped}.
     */
    public static InputBatch batch(SavedShow show, ParameterLayout layout, CueList cues, long nanos,
                                   List<String> skipped) {
        InputBatch batch = new InputBatch(layout.slotCount() * 2 + show.cues().size() + 1);
        batch.clear(nanos);
        show.values().forEach((name, values) -> {
            Optional<Integer> index = layout.indexOf(name);
            if (index.isEmpty() || layout.specs().get(index.get()).type().components() != values.length
                    || layout.specs().get(index.get()).type() == ParameterType.EVENT) {
                skipped.add("parameter " + name);
                return;
            }
            for (int k = 0; k < values.length; k++) {
                batch.addParameter(layout.offset(index.get()) + k, values[k], InputBatch.IMMEDIATELY);
            }
        });
        if (!show.playhead().isEmpty()) {
            Optional<Integer> cue = cues.indexOf(show.playhead());
            if (cue.isPresent()) {
                command(batch, ControlCommands.PLAYHEAD_SET, cue.get());
            } else {
                skipped.add("playhead at cue " + show.playhead());
            }
        }
        // Cues before fades: a fade held by a cue is given back to it only once the cue runs again.
        for (SavedShow.CueRun run : show.cues()) {
            Optional<Integer> cue = cues.indexOf(run.cue());
            if (cue.isEmpty()) {
                skipped.add("cue " + run.cue());
                continue;
            }
            long action = run.actionInNanos();
            long next = run.continueInNanos();
            command(batch, ControlCommands.CUE_RESTORE, cue.get(), 0, run.state().code(), run.pausedFrom().code(),
                    NanosAsFloats.high(action), NanosAsFloats.low(action), run.continuePending() ? 1 : 0,
                    NanosAsFloats.high(next), NanosAsFloats.low(next));
        }
        for (SavedShow.Fade fade : show.fades()) {
            Optional<Integer> index = layout.indexOf(fade.parameter());
            ParameterSpec spec = index.map(i -> layout.specs().get(i)).orElse(null);
            if (spec == null || fade.component() >= spec.type().components()) {
                skipped.add("fade of " + fade.parameter());
                continue;
            }
            int slot = layout.offset(index.get()) + fade.component();
            if (!fade.onCurve()) { // an older file: target and time left only
                command(batch, ControlCommands.PARAMETER_FADE, slot, fade.to(), fade.secondsLeft(),
                        CueCurve.LINEAR.ordinal());
                continue;
            }
            int cue = fade.cue().isEmpty() ? -2 : cues.indexOf(fade.cue()).orElse(-2);
            command(batch, ControlCommands.FADE_RESTORE, slot, fade.to(), fade.from(), fade.curve().ordinal(),
                    NanosAsFloats.high(fade.elapsedNanos()), NanosAsFloats.low(fade.elapsedNanos()),
                    NanosAsFloats.high(fade.totalNanos()), NanosAsFloats.low(fade.totalNanos()), cue);
        }
        return batch;
    }

    private static void command(InputBatch batch, int code, float... arguments) {
        InputEvent event = batch.add(EventKinds.CONSOLE_COMMAND, ConsoleCommandFlyweight.LENGTH, InputBatch.IMMEDIATELY);
        ConsoleCommandFlyweight command = new ConsoleCommandFlyweight().wrap(event).reset(CONSOLE_ID, code, -10);
        for (int i = 0; i < arguments.length; i++) {
            command.argument(i, arguments[i]);
        }
    }

    /** What the restore says about itself, for the start banner. */
    public static String describe(SavedShow show, List<String> skipped) {
        List<String> parts = new ArrayList<>();
        parts.add(show.values().size() + " values");
        if (!show.playhead().isEmpty()) {
            parts.add("playhead at cue " + show.playhead());
        }
        if (!show.fades().isEmpty()) {
            parts.add(show.fades().size() + " fades resumed");
        }
        if (!show.cues().isEmpty()) {
            parts.add(show.cues().size() + " cues resumed");
        }
        if (!skipped.isEmpty()) {
            parts.add("left out (no longer in the artwork): " + String.join(", ", skipped));
        }
        return String.join(", ", parts);
    }
}
