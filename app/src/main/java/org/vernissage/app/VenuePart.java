package org.vernissage.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.render.GlContext;
import org.vernissage.engine.render.GlContextException;
import org.vernissage.engine.render.Output;
import org.vernissage.engine.render.RenderMailbox;
import org.vernissage.engine.render.ShaderBuildException;
import org.vernissage.engine.render.output.OutputOscControl;
import org.vernissage.engine.render.output.VenueException;
import org.vernissage.engine.render.output.VenueOutputs;

/**
 * The room's outputs from a venue file ({@code --venue FILE}): loaded and checked before the GL
 * context opens (a broken venue file refuses the start with one line naming the file and field),
 * then built as the run's outputs, windows sharing the run's context; live-adjustable over OSC
 * through {@link #oscControl()}, whose addresses start with {@link OutputOscControl#PREFIX}.
 *
 * <p>Same threads and owner as every {@link RunPart}: started and its outputs built on the render
 * thread; the outputs then belong to the render loop.
 */
final class VenuePart implements RunPart {

    private final VenueOutputs venue;
    private OutputOscControl control;

    private VenuePart(VenueOutputs venue) {
        this.venue = venue;
    }

    /** Loads and checks {@code file}. */
    static VenuePart load(Path file) throws IOException {
        try {
            return new VenuePart(VenueOutputs.load(file));
        } catch (VenueException e) {
            throw new IOException("--venue: " + e.getMessage(), e);
        }
    }

    /**
     * Builds the venue's outputs for {@code context} and the OSC control that posts to
     * {@code mailbox} (the render loop's). Render thread.
     */
    List<Output> outputs(GlContext context, RenderMailbox mailbox) throws GlContextException {
        try {
            List<Output> outputs = venue.build(context, settings -> (frame, parameters, image) -> { });
            control = new OutputOscControl(venue, mailbox);
            return outputs;
        } catch (VenueException | ShaderBuildException e) {
            throw new GlContextException("--venue: " + e.getMessage(), e);
        }
    }

    /**
     * The handler for {@code /vernissage/output/...} messages, to be given what the OSC router
     * receives under that prefix; empty until the outputs are built.
     */
    Optional<OutputOscControl> oscControl() {
        return Optional.ofNullable(control);
    }

    @Override
    public Optional<String> banner() {
        return Optional.of("venue " + venue.file() + " (" + venue.count() + " output" + (venue.count() == 1 ? "" : "s")
                + ", OSC " + OutputOscControl.PREFIX + "N/...)");
    }

    @Override
    public List<String> statistics() {
        String saves = "venue " + venue.file() + ": saved " + venue.saves() + " times"
                + (venue.saveFailures() > 0 ? ", " + venue.saveFailures() + " saves failed" : "");
        return control == null ? List.of(saves) : List.of(saves, control.describe());
    }

    @Override
    public void close() {
        venue.close();
    }
}
