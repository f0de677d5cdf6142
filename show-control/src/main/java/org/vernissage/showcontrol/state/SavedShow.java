package org.vernissage.showcontrol.state;

import java.util.List;
import java.util.Map;

/**
 * The show state kept across a restart, by parameter name so that a manifest edited between two
 * runs still restores what it can: each parameter's value, each running fade (target and seconds
 * left), the playhead's cue number ("" past the end or with no cue list).
 *
 * <p>Immutable; any thread.
 */
public record SavedShow(String artwork, String playhead, Map<String, float[]> values, List<Fade> fades) {

    public SavedShow {
        values = Map.copyOf(values);
        fades = List.copyOf(fades);
    }

    /** A fade that was running: {@code parameter}'s component {@code component} towards {@code to}. */
    public record Fade(String parameter, int component, float to, float secondsLeft) {
    }
}
