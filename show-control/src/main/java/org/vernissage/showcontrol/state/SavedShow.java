package org.vernissage.showcontrol.state;

import java.util.List;
import java.util.Map;
import org.vernissage.showcontrol.cue.CueCurve;
import org.vernissage.showcontrol.cue.CueState;

/**
 * The show state kept across a restart, by parameter name and cue number so that a manifest or
 * cue list edited between two runs still restores what it can: each parameter's value, each
 * running fade, each cue that was doing something (waiting, running, paused, or with a continue
 * still to come), the playhead's cue number ("" past the end or with no cue list).
 *
 * <p>Immutable; any thread.
 */
public record SavedShow(String artwork, String playhead, Map<String, float[]> values, List<Fade> fades,
                        List<CueRun> cues) {

    public SavedShow {
        values = Map.copyOf(values);
        fades = List.copyOf(fades);
        cues = List.copyOf(cues);
    }

    /** A show saved with no cue in progress (as files written before cues were saved read). */
    public SavedShow(String artwork, String playhead, Map<String, float[]> values, List<Fade> fades) {
        this(artwork, playhead, values, fades, List.of());
    }

    /**
     * A fade that was running: {@code parameter}'s component {@code component} towards {@code to},
     * {@code secondsLeft} to go. When {@link #onCurve()}, also where it started ({@code from}), its
     * {@code curve}, its whole length and how much of it was behind, exact to the nanosecond, and
     * the number of the cue that faded it ("" for a parameter fade).
     */
    public record Fade(String parameter, int component, float to, float secondsLeft, float from, CueCurve curve,
                       long elapsedNanos, long totalNanos, String cue) {

        /**
         * A fade as files written before the curve was saved hold it: only target and time left.
         * It resumes linearly over the time it had left (see {@link ShowRestore}).
         */
        public Fade(String parameter, int component, float to, float secondsLeft) {
            this(parameter, component, to, secondsLeft, Float.NaN, null, 0, 0, "");
        }

        /** Whether origin, curve and times were saved, so the fade can resume on its curve. */
        public boolean onCurve() {
            return curve != null;
        }
    }

    /**
     * A cue that was in progress: its state (a paused cue also what it was doing when paused),
     * when its action begins ({@code actionInNanos}, negative once it began) and, when
     * {@code continuePending}, when it starts its next cue, both from the save (for a paused cue:
     * from its pause).
     */
    public record CueRun(String cue, CueState state, CueState pausedFrom, long actionInNanos,
                         boolean continuePending, long continueInNanos) {
    }
}
