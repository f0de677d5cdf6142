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
    private final RenderMailbox mailbox;
    private final OutputOscControl control;

    private VenuePart(VenueOutputs venue, RenderMailbox mailbox) {
        this.venue = venue;
        this.mailbox = mailbox;
        this.control = new OutputOscControl(venue, mailbox);
    }

    /** Loads and checks {@code file}; its OSC control posts to {@code mailbox}, the run's one. */
    static VenuePart load(Path file, RenderMailbox mailbox) throws IOException {
        try {
            return new VenuePart(VenueOutputs.load(file), mailbox);
        } catch (VenueException e) {
            throw new IOException("--venue: " + e.getMessage(), e);
        }
    }

    /** Whether the file describes outputs (a file may hold only opening hours). */
    boolean hasOutputs() {
        return venue.count() > 0;
    }

    /** Builds the venue's outputs for {@code context}. Render thread. */
    List<Output> outputs(GlContext context) throws GlContextException {
        try {
            return venue.build(context, settings -> (frame, parameters, image) -> { });
        } catch (VenueException | ShaderBuildException e) {
            throw new GlContextException("--venue: " + e.getMessage(), e);
        }
    }

    /**
     * The mailbox the OSC control posts its changes to: the render loop must drain this one (give
     * it to {@code RenderLoop.Builder.mailbox}).
     */
    RenderMailbox mailbox() {
        return mailbox;
    }

    /**
     * The handler for {@code /vernissage/output/...} messages, to be given what the OSC router
     * receives under {@link OutputOscControl#PREFIX}; ready from the start of the run (changes wait
     * in the mailbox until the first frame).
     */
    OutputOscControl oscControl() {
        return control;
    }

    @Override
    public Optional<String> banner() {
        if (!hasOutputs()) {
            return Optional.empty();
        }
        return Optional.of("venue " + venue.file() + " (" + venue.count() + " output" + (venue.count() == 1 ? "" : "s")
                + ", OSC " + OutputOscControl.PREFIX + "N/...)");
    }

    @Override
    public List<String> statistics() {
        if (!hasOutputs()) {
            return List.of();
        }
        String saves = "venue " + venue.file() + ": saved " + venue.saves() + " times"
                + (venue.saveFailures() > 0 ? ", " + venue.saveFailures() + " saves failed" : "");
        return List.of(saves, control.describe());
    }

    @Override
    public void close() {
        venue.close();
    }
}
