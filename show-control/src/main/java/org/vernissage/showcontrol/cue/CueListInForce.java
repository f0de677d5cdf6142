package org.vernissage.showcontrol.cue;

import java.util.Objects;

/**
 * The cue list the cue stage runs now, and its generation, for everyone who reads cue numbers
 * outside the conductor: the control port, MIDI show control, the web console. A reloaded
 * {@code cues.json} is swapped in by the stage when its {@code RELOAD} command comes up among the
 * journalled events, and only then may a console read "cue 3" against it: read earlier, the number
 * would be resolved to an index of the new list that the stage does not run yet; read later (the
 * list a run started with), to an index of a list the stage no longer runs, which may now be
 * another cue. So the stage publishes here the moment it swaps, before it posts the
 * {@code UPDATE_LIST} that tells the outbox's listeners; a console sends the generation it read
 * with each command by cue index, and the stage refuses one read against another generation
 * ({@link ControlCommands#LIST_CHANGED}) instead of running whatever cue now has that index.
 *
 * <p>Written by the conductor thread alone ({@link #swapped}, at a reload, never per frame);
 * {@link #current()} from any thread. Owned by the {@link CueStage}.
 */
public final class CueListInForce {

    /**
     * A list and the generation the stage numbers it with (0: the list the run started with,
     * one more per reload).
     */
    public record Generation(CueList cues, int number) {

        public Generation {
            Objects.requireNonNull(cues, "cues");
        }

        /** The index of the cue numbered {@code number} in this generation's list, or -1. */
        public int indexOf(String cueNumber) {
            return cues.indexOf(cueNumber).orElse(-1);
        }
    }

    private volatile Generation current;

    /**
     * Generation 0: {@code start}. Made by the {@link CueStage}; one made elsewhere (a console
     * tested without a stage) simply never changes.
     */
    public CueListInForce(CueList start) {
        this.current = new Generation(start, 0);
    }

    /** The list the stage runs and its generation. Any thread. */
    public Generation current() {
        return current;
    }

    /** The stage swapped in {@code next} as generation {@code number}. Conductor thread. */
    void swapped(CueList next, int number) {
        current = new Generation(next, number);
    }
}
