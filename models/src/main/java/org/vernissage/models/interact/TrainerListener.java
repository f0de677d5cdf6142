package org.vernissage.models.interact;

/**
 * Told what the trainer does, on the trainer's thread: the run's terminal progress bar and the
 * percentage sent over OSC listen here. Must be quick and must not throw.
 */
public interface TrainerListener {

    /** Says nothing. */
    TrainerListener NONE = new TrainerListener() {
    };

    /** A training of {@code model} made {@code step} of {@code total} steps; loss of the last batch. */
    default void progress(String model, int step, int total, float loss) {
    }

    /** {@code model} was trained on {@code examples} examples in {@code millis} and swapped in. */
    default void trained(String model, int examples, float loss, long millis) {
    }

    /** Something the artist should read: a refused training, a save, an undo. One line, no trailing period. */
    default void said(String model, String message) {
    }
}
