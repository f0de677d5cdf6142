package org.vernissage.showcontrol.cue;

import java.util.Arrays;
import java.util.Optional;

/**
 * What happens after a cue, as in QLab: nothing (the operator presses GO again), the next cue
 * starts as this one's action starts (after its post-wait), or the next cue starts when this
 * one's action has finished (its fade done, then its post-wait).
 *
 * <p>Stateless; any thread.
 */
public enum ContinueMode {
    DO_NOT_CONTINUE("none"),
    AUTO_CONTINUE("auto-continue"),
    AUTO_FOLLOW("auto-follow");

    private final String fileName;

    ContinueMode(String fileName) {
        this.fileName = fileName;
    }

    /** The name in {@code cues.json}. */
    public String fileName() {
        return fileName;
    }

    public static Optional<ContinueMode> named(String name) {
        return Arrays.stream(values()).filter(c -> c.fileName.equals(name)).findFirst();
    }
}
