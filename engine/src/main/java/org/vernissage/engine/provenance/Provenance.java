package org.vernissage.engine.provenance;

import java.util.List;

/**
 * What every PNG the engine writes says about itself: which work, by whom, made with which engine,
 * whether and how AI made it ({@link DigitalSource}), and by which models. Written into the file as
 * XMP ({@link XmpPacket}) by {@link MarkedPng}.
 *
 * <p>Immutable; any thread. Made once per run by the run's wiring.
 */
public record Provenance(String artworkTitle, String artist, String engineVersion, DigitalSource source,
                         List<ModelMark> models) {

    public Provenance {
        models = List.copyOf(models);
        if (source == DigitalSource.NONE && !models.isEmpty()) {
            throw new IllegalArgumentException("a frame made with models has a digital source type, got none for "
                    + models);
        }
    }

    /** A plain shader's frames: no model. */
    public static Provenance plain(String artworkTitle, String artist, String engineVersion) {
        return new Provenance(artworkTitle, artist, engineVersion, DigitalSource.NONE, List.of());
    }
}
