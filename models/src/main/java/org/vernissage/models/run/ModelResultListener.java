package org.vernissage.models.run;

/**
 * Told of each good result of a model, on the model worker's thread, after it was offered to the
 * ring: the Wekinator endpoint sends it on as {@code /wek/outputs}. Must not block or allocate.
 */
@FunctionalInterface
public interface ModelResultListener {

    /** Nothing listens. */
    ModelResultListener NONE = (model, outputs, count) -> { };

    /**
     * @param model the model's index in the show
     * @param outputs the model's outputs (regression: 0..1 of each parameter's range), valid only
     *     during the call
     */
    void onResult(int model, float[] outputs, int count);
}
