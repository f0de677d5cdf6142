package org.vernissage.models.run;

import org.vernissage.engine.pipeline.InputEvent;

/**
 * Where the model worker offers its MODEL_RESULT envelopes: the input ring's
 * {@code offerEvent} in a run, a list in a unit test. Called on the worker's thread; never blocks.
 */
@FunctionalInterface
public interface ResultSink {

    /** @return false when there was no room (the worker counts the result as refused) */
    boolean offer(InputEvent event);
}
