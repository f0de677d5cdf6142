package org.vernissage.engine.journal;

import java.util.Objects;

/**
 * What a journal says about the run it recorded, so that a replay can check it plays the same
 * artwork at the same size.
 *
 * @param artworkDigest a digest of the artwork's files at recording time (see the app's
 *     {@code ArtworkDigest}); a replay compares it with the folder it is given
 */
public record JournalHeader(int width, int height, double framesPerSecond, long recordedAtEpochMillis,
                            String artworkTitle, String artworkDigest) {

    public JournalHeader {
        Objects.requireNonNull(artworkTitle, "artworkTitle");
        Objects.requireNonNull(artworkDigest, "artworkDigest");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
        }
    }
}
