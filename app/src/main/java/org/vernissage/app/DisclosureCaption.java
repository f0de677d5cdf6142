package org.vernissage.app;

import java.util.Optional;
import java.util.function.Consumer;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.Disclosure;
import org.vernissage.engine.artwork.DisclosureReader;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.render.CaptionOverlay;

/**
 * A run's disclosure caption, from its manifest's {@code "disclosure"}: the text drawn now, on the
 * loading thread, for the run's frame size. A mistake in the manifest's field refuses the run like
 * any manifest error; a text that cannot fit this run's frame (a thumbnail-sized test run) is
 * warned about, naming the manifest and what to change, and the run goes on without a caption
 * rather than showing a cut one: nothing stops the show.
 *
 * <p>Loading thread; holds nothing.
 */
final class DisclosureCaption {

    private DisclosureCaption() {
    }

    /** The caption for a frame of {@code size}, or empty when the manifest discloses nothing. */
    static Optional<CaptionOverlay> of(ArtworkManifest manifest, ParameterLayout layout, FrameSize size,
                                       Consumer<String> warnings) throws ArtworkException {
        Optional<Disclosure> disclosure = DisclosureReader.read(manifest);
        if (disclosure.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(disclosure.get().caption(layout, size.width(), size.height()));
        } catch (IllegalArgumentException e) {
            warnings.accept(manifest.file() + ": disclosure: " + e.getMessage() + "; this run shows no caption");
            return Optional.empty();
        }
    }
}
