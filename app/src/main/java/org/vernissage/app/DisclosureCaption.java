package org.vernissage.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.Disclosure;
import org.vernissage.engine.artwork.DisclosureReader;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.render.CaptionOverlay;

/**
 * A run's disclosure caption, from its manifest's {@code "disclosure"}: the texts of every
 * language drawn now, on the loading thread, for the run's frame size, starting in the language
 * {@code --disclosure-language} names (else the manifest's). A mistake in the manifest's field, or
 * a language it has no text in, refuses the run like any manifest error; a text that cannot fit
 * this run's frame (a thumbnail-sized test run) is warned about, naming the manifest and what to
 * change, and the run goes on without a caption rather than showing a cut one: nothing stops the show.
 *
 * <p>Loading thread; holds nothing.
 */
final class DisclosureCaption {

    private DisclosureCaption() {
    }

    /**
     * The manifest's disclosure, starting in {@code language} when given.
     *
     * @throws ArtworkException when the manifest's field is wrong, or it has no text in {@code language}
     *         (the message lists the languages it has)
     */
    static Optional<Disclosure> read(ArtworkManifest manifest, Optional<String> language) throws ArtworkException {
        Optional<Disclosure> disclosure = DisclosureReader.read(manifest);
        if (language.isEmpty()) {
            return disclosure;
        }
        if (disclosure.isEmpty()) {
            throw new ArtworkException("--disclosure-language " + language.get() + ": " + manifest.file()
                    + " has no \"disclosure\" caption to show in it");
        }
        if (!disclosure.get().texts().containsKey(language.get())) {
            throw new ArtworkException("--disclosure-language " + language.get() + ": " + manifest.file()
                    + "'s disclosure has texts in " + disclosure.get().languages() + " only");
        }
        return Optional.of(disclosure.get().inLanguage(language.get()));
    }

    /**
     * The run's parameter layout: the manifest's, with the caption's language parameter (when it
     * has one) starting at the run's language, so the first frame already shows it and cues, OSC
     * and the opening-hours cue move it from there.
     */
    static ParameterLayout layout(ArtworkManifest manifest, Optional<Disclosure> disclosure) {
        Optional<String> name = disclosure.flatMap(Disclosure::languageParameter);
        if (name.isEmpty()) {
            return manifest.layout();
        }
        float start = disclosure.get().languageIndex();
        List<ParameterSpec> specs = new ArrayList<>();
        for (ParameterSpec spec : manifest.parameters()) {
            specs.add(!spec.name().equals(name.get()) || spec.defaultComponent(0) == start ? spec
                    : new ParameterSpec(spec.name(), spec.type(), spec.min(), spec.max(), new float[] {start},
                            spec.unit(), spec.description(), spec.shader()));
        }
        return new ParameterLayout(specs);
    }

    /** The caption for a frame of {@code size}, or empty when the manifest discloses nothing or a text does not fit. */
    static Optional<CaptionOverlay> of(Optional<Disclosure> disclosure, ArtworkManifest manifest,
                                       ParameterLayout layout, FrameSize size, Consumer<String> warnings) {
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
