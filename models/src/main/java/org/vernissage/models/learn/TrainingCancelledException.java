package org.vernissage.models.learn;

import org.vernissage.models.ModelException;

/**
 * A training stopped because its cancel flag was raised: the previous model keeps running. Thrown
 * on the trainer's thread; immutable.
 */
public final class TrainingCancelledException extends ModelException {

    private static final long serialVersionUID = 1L;

    private final int stepsDone;

    public TrainingCancelledException(String modelName, int stepsDone, int total) {
        super(modelName + ": training cancelled after " + stepsDone + " of " + total + " steps");
        this.stepsDone = stepsDone;
    }

    /** How many steps were made before the flag was seen. */
    public int stepsDone() {
        return stepsDone;
    }
}
