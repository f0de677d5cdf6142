package org.vernissage.showcontrol.cue;

/**
 * Where a cue is in its life, with the code an update carries (never renumber).
 *
 * <p>Stateless; any thread.
 */
public enum CueState {
    IDLE(0, "stopped"),
    WAITING(1, "waiting"),
    RUNNING(2, "running"),
    PAUSED(3, "paused");

    private final int code;
    private final String word;

    CueState(int code, String word) {
        this.code = code;
        this.word = word;
    }

    public int code() {
        return code;
    }

    /** The word a console sees. */
    public String word() {
        return word;
    }

    /** The state a console (and the saved show file) calls {@code word}. */
    public static java.util.Optional<CueState> named(String word) {
        for (CueState s : values()) {
            if (s.word.equals(word)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    public static CueState ofCode(int code) {
        for (CueState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return IDLE;
    }
}
