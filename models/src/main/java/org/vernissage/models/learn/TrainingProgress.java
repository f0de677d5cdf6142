package org.vernissage.models.learn;

/**
 * Told how a training goes: at its first step, about a hundred times per training, at least every
 * 250 ms of a long one, and always at its last step.
 * Called on the trainer's thread (the thread that called {@link MlpTrainer#train}); it must be
 * quick (draw a progress bar, post a percentage) and must not throw.
 */
@FunctionalInterface
public interface TrainingProgress {

    /** Says nothing: for callers that do not show progress. */
    TrainingProgress NONE = (step, total, loss) -> { };

    /**
     * @param step steps done so far (1..total)
     * @param total steps the training will make
     * @param loss the mean squared error of the last step's batch
     */
    void step(int step, int total, float loss);
}
