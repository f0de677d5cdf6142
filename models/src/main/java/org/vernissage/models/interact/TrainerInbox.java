package org.vernissage.models.interact;

/**
 * What the conductor's model stage hands to the trainer: examples, taken on the conductor thread at
 * the moment of their event, and the commands that change the examples or the model (train,
 * cancel, delete, undo, save), in event order. Implementations never block and never allocate
 * (a preallocated queue); a full one refuses and counts.
 *
 * <p>Called on the conductor thread only.
 */
public interface TrainerInbox {

    /** A replay, or a run with no trainer: takes nothing. */
    TrainerInbox NONE = new TrainerInbox() {
        @Override
        public boolean example(int model, float[] inputs, int inputCount, float[] outputs, int outputCount) {
            return false;
        }

        @Override
        public boolean command(int model, ModelCommand command, int a, int b, float value) {
            return false;
        }
    };

    /**
     * One example: {@code inputs} -> {@code outputs} (a regression's in 0..1 of each output's
     * range; a classifier's the class number). The arrays are the caller's: copied.
     *
     * @return false when refused (the trainer is behind)
     */
    boolean example(int model, float[] inputs, int inputCount, float[] outputs, int outputCount);

    /** @return false when refused */
    boolean command(int model, ModelCommand command, int a, int b, float value);
}
