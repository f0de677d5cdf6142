package org.vernissage.app;

import java.util.Objects;
import org.vernissage.engine.pipeline.RingWaitStrategy;

/**
 * How the input ring and its conductor run.
 *
 * <p>Immutable; checked once on construction.
 *
 * @param ringWait how the ring's consumers wait for input
 */
public record PipelineOptions(RingWaitStrategy ringWait) {

    public static final PipelineOptions DEFAULT = new PipelineOptions(RingWaitStrategy.DEFAULT);

    public PipelineOptions {
        Objects.requireNonNull(ringWait, "ringWait");
    }
}
