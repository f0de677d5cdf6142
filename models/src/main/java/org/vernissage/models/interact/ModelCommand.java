package org.vernissage.models.interact;

import java.util.Optional;

/**
 * The commands of training in the room, with the numbers a {@code MODEL_COMMAND} event carries
 * (journals store them: never renumber one). Their OSC names are the last part of
 * {@code /vernissage/<id>/model/<name>/<command>}.
 *
 * <p>Constants; any thread.
 */
public enum ModelCommand {
    /** Record an example at every new input until {@link #RECORD_OFF}. */
    RECORD_ON(1, "record"),
    RECORD_OFF(2, "stop-recording"),
    /** Train from the examples so far, on the trainer thread; the new model is swapped in live. */
    TRAIN(3, "train"),
    /** Stop a training under way; the model that ran keeps running. */
    CANCEL(4, "cancel"),
    /** Run the model on each new input and write its outputs into the parameters. */
    RUN_ON(5, "run"),
    RUN_OFF(6, "stop-running"),
    DELETE_ALL(7, "delete-all"),
    DELETE_LAST(8, "delete-last"),
    /** Put back the model the last training replaced. */
    UNDO(9, "undo"),
    /** Write the examples, the model and its card into the artwork's models folder. */
    SAVE(10, "save"),
    /** Record examples of class {@code a} (a classifier's or gesture's class) until {@link #RECORD_OFF}. */
    RECORD_CLASS(11, "record-class"),
    /**
     * Output {@code a} of {@code value} outputs is the parameter slot {@code b} (its range from the
     * layout); output 0 restarts the list (Wekinator's setOutputNames).
     */
    OUTPUT(12, "output");

    private final int code;
    private final String oscName;

    ModelCommand(int code, String oscName) {
        this.code = code;
        this.oscName = oscName;
    }

    public int code() {
        return code;
    }

    /** The last part of its OSC address. */
    public String oscName() {
        return oscName;
    }

    private static final ModelCommand[] BY_CODE = new ModelCommand[16];

    static {
        for (ModelCommand c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    /** The command of {@code code}, or null (no allocation: the conductor calls it per event). */
    public static ModelCommand ofCode(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The command whose OSC name is {@code name}. */
    public static Optional<ModelCommand> ofOscName(String name) {
        for (ModelCommand c : values()) {
            if (c.oscName.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
