package org.vernissage.app;

import java.util.Objects;
import java.util.Optional;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.showcontrol.control.ControlSettings;

/**
 * How the input ring and its conductor run, and who may control the show through them.
 *
 * <p>Immutable; checked once on construction.
 *
 * @param ringWait how the ring's consumers wait for input
 * @param control the OSC control port ({@code --control[=PORT]}), when asked for
 */
public record PipelineOptions(RingWaitStrategy ringWait, Optional<ControlSettings> control) {

    public static final PipelineOptions DEFAULT = new PipelineOptions(RingWaitStrategy.DEFAULT);

    public PipelineOptions {
        Objects.requireNonNull(ringWait, "ringWait");
        Objects.requireNonNull(control, "control");
    }

    /** No control port. */
    public PipelineOptions(RingWaitStrategy ringWait) {
        this(ringWait, Optional.empty());
    }

    public PipelineOptions withControl(ControlSettings settings) {
        return new PipelineOptions(ringWait, Optional.of(settings));
    }
}
