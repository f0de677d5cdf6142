package org.vernissage.models.learn;

/**
 * How a model was trained: kept with it in its file and shown on its card.
 *
 * <p>Immutable; shared by all threads.
 *
 * @param seed the seed of the training
 * @param steps the steps it made
 * @param examples how many examples it learnt from
 * @param finalLoss the mean squared error over all the examples at the end (NaN when not known)
 */
public record TrainingSummary(long seed, int steps, int examples, float finalLoss) {

    /** For a network built by hand or read from a file that does not say. */
    public static final TrainingSummary UNKNOWN = new TrainingSummary(0, 0, 0, Float.NaN);
}
