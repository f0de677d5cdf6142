package org.vernissage.engine.render.output;

import java.util.Objects;
import org.vernissage.engine.render.CanvasRegion;

/**
 * One output of a venue as the venue file describes it: where it shows, the part of the canvas it
 * shows, how it is warped and blended, and whether it shows the test card instead.
 *
 * <p>Immutable; what {@link VenueLoader} reads and {@link VenueWriter} writes.
 */
public record OutputSpec(String name, Placement placement, CanvasRegion region, CornerPin corners, MeshWarp mesh,
                         EdgeBlend blend, boolean testCard) {

    public OutputSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(corners, "corners");
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(blend, "blend");
    }
}
