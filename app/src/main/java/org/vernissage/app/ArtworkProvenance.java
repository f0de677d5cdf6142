package org.vernissage.app;

import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.provenance.Provenance;

/**
 * What the PNGs of a run say about themselves ({@link Provenance}): the artwork, its artist, this
 * engine's version, and how AI took part. Made once, on the thread preparing the run.
 */
final class ArtworkProvenance {

    private ArtworkProvenance() {
    }

    /** The engine's version as the jar says it, or "development build" when run from classes. */
    static String engineVersion() {
        String version = ArtworkProvenance.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    /** The mark of {@code manifest}'s frames. */
    static Provenance of(ArtworkManifest manifest) {
        return Provenance.plain(manifest.title(), manifest.artist(), engineVersion());
    }
}
