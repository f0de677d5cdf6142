package org.vernissage.engine.render.output;

import org.vernissage.engine.render.RenderControl;
import org.vernissage.engine.render.RenderTask;

/**
 * One change to a venue output's settings, parsed from OSC on the receiving thread and applied on
 * the render thread at a frame boundary. Preallocated in a pool by {@link OutputOscControl}: the
 * receiving thread fills a free one and posts it to the render mailbox; the render thread applies
 * it and gives it back. So no change allocates.
 *
 * <p>Filled by one receiving thread, then read by the render thread only (the mailbox's queue
 * orders the writes before the reads); owned by its {@link OutputOscControl}.
 */
final class OutputChange implements RenderTask {

    enum Kind { CORNER, MESH, BLEND, GAMMA, CURVE, TEST_CARD, REGION, SAVE }

    private final OutputOscControl owner;
    Kind kind;
    int output;
    int first;
    int second;
    double a;
    double b;
    double c;
    double d;

    OutputChange(OutputOscControl owner) {
        this.owner = owner;
    }

    @Override
    public void run(RenderControl control) {
        try {
            if (!apply(owner.venue())) {
                owner.refused(this);
            }
        } finally {
            owner.release(this);
        }
    }

    private boolean apply(VenueOutputs venue) {
        if (kind == Kind.SAVE) {
            venue.save();
            return true;
        }
        OutputSettings settings = venue.output(output);
        return switch (kind) {
            case CORNER -> settings.setCorner(first, a, b);
            case MESH -> settings.setMeshPoint(first, second, a, b);
            case BLEND -> settings.setBlend(first, a);
            case GAMMA -> settings.setGamma(a);
            case CURVE -> settings.setCurve(a);
            case TEST_CARD -> {
                settings.setTestCard(a != 0);
                yield true;
            }
            case REGION -> settings.setRegion(a, b, c, d);
            case SAVE -> true;
        };
    }

    /** Why the render thread refused it, for the log line (allocates: called once per kind). */
    String describeRefusal() {
        return switch (kind) {
            case CORNER -> "corner " + first + " of output " + output + " at (" + a + ", " + b
                    + ") would not leave a convex quad (top left, top right, bottom right, bottom left)";
            case MESH -> "mesh point " + first + ", " + second + " does not exist in output " + output + "'s mesh";
            case REGION -> "region " + a + " " + b + " " + c + " " + d + " is not inside the canvas";
            default -> kind + " " + a + " is out of range for output " + output;
        };
    }
}
