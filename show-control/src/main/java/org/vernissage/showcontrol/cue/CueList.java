package org.vernissage.showcontrol.cue;

import java.util.List;
import java.util.Optional;

/**
 * An artwork's cues as loaded from {@code cues.json}: every cue (groups' children too) by index,
 * and the first cue of the main list (where the playhead starts and where /reset puts it back).
 *
 * <p>Immutable; made on the loading thread, shared by the cue stage (conductor thread) and the
 * control endpoint (its own thread), which only read it.
 */
public final class CueList {

    /** A list with no cues: GO answers that there is nothing to go to. */
    public static final CueList EMPTY = new CueList(List.of(), -1);

    private final List<Cue> cues;
    private final int first;

    public CueList(List<Cue> cues, int first) {
        this.cues = List.copyOf(cues);
        this.first = first;
    }

    /** Every cue, in file order (a group followed by its children). */
    public List<Cue> cues() {
        return cues;
    }

    public int size() {
        return cues.size();
    }

    public Cue cue(int index) {
        return cues.get(index);
    }

    /** The first cue of the main list, or -1 when there is none. */
    public int first() {
        return first;
    }

    /** The index of the cue numbered {@code number}. Allocates nothing, but is a linear search: not per frame. */
    public Optional<Integer> indexOf(String number) {
        for (int i = 0; i < cues.size(); i++) {
            if (cues.get(i).number().equals(number)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The number of the cue at {@code index}, or "" for -1 (no cue). */
    public String numberOf(int index) {
        return index >= 0 && index < cues.size() ? cues.get(index).number() : "";
    }
}
