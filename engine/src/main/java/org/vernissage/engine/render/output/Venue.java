package org.vernissage.engine.render.output;

import java.util.List;

/**
 * A room's outputs: which windows, monitors and projectors show which parts of the canvas, mapped
 * and blended. Kept in a venue file of its own ({@code venue.json}), apart from the artwork, so the
 * same piece plays in another room with that room's file.
 *
 * <p>Immutable.
 */
public record Venue(List<OutputSpec> outputs) {

    /** Outputs are numbered from 1 in OSC addresses and on the test card; this many at most. */
    public static final int MAX_OUTPUTS = 16;

    public Venue {
        outputs = List.copyOf(outputs);
        if (outputs.size() > MAX_OUTPUTS) { // none: a venue file with only opening hours
            throw new IllegalArgumentException("a venue has 0 to " + MAX_OUTPUTS + " outputs, got " + outputs.size());
        }
    }
}
