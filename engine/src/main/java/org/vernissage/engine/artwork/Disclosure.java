package org.vernissage.engine.artwork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.render.CaptionCorner;
import org.vernissage.engine.render.CaptionImage;
import org.vernissage.engine.render.CaptionOverlay;

/**
 * A manifest's {@code "disclosure"}: the caption that tells the people in front of the work that
 * it is made with AI. Its texts by language (one is shown), where and how big it sits, how long it
 * stays once turned on, the parameter that turns it on (shown while above one half: cues,
 * OSC, the console and schedules move it like any parameter) and, when the artist declares one,
 * the int parameter that picks the language live (0: the first of {@code texts}, 1: the second...).
 *
 * <pre>
 * "disclosure": {"texts": {"en": "Made with a neural network trained here", "fr": "..."},
 *                "language": "en", "corner": "bottom-right", "size": 0.04, "duration": 0,
 *                "parameter": "disclosure", "languageParameter": "disclosure_language"}
 * </pre>
 *
 * <p>Immutable; read on the loading thread ({@link DisclosureReader}).
 *
 * @param texts           the caption's text by language tag, in the manifest's order (kept)
 * @param language        the language shown at start; one of {@code texts}' keys
 * @param corner          where the caption sits
 * @param size            the letters' height as a fraction of the frame's height
 * @param durationSeconds how long the caption stays once turned on; 0: as long as its parameter is on
 * @param parameter       the parameter that turns it on
 * @param languageParameter the int parameter whose value is the index of the language shown, or
 *                        empty: the language stays {@code language} for the whole run
 */
public record Disclosure(Map<String, String> texts, String language, CaptionCorner corner, double size,
                         double durationSeconds, String parameter, Optional<String> languageParameter) {

    /** The default parameter's name. */
    public static final String DEFAULT_PARAMETER = "disclosure";

    /** The language parameter's default name: used when the manifest declares a parameter so named. */
    public static final String DEFAULT_LANGUAGE_PARAMETER = "disclosure_language";

    /** A disclosure in one language for the whole run (no language parameter). */
    public Disclosure(Map<String, String> texts, String language, CaptionCorner corner, double size,
                      double durationSeconds, String parameter) {
        this(texts, language, corner, size, durationSeconds, parameter, Optional.empty());
    }

    public Disclosure {
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts)); // the order numbers the languages
        if (!texts.containsKey(language)) {
            throw new IllegalArgumentException("language \"" + language + "\" has no text; texts are in "
                    + texts.keySet());
        }
        Objects.requireNonNull(corner, "corner");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(languageParameter, "languageParameter");
    }

    /** The texts' languages in the manifest's order: a language parameter's value is an index in it. */
    public List<String> languages() {
        return List.copyOf(texts.keySet());
    }

    /** The index of the language shown at start, in {@link #languages()}. */
    public int languageIndex() {
        return languages().indexOf(language);
    }

    /** The text shown. */
    public String text() {
        return texts.get(language);
    }

    /**
     * The same disclosure starting in another of its languages (a run's choice).
     *
     * @throws IllegalArgumentException naming the texts' languages when it has no text in {@code otherLanguage}
     */
    public Disclosure inLanguage(String otherLanguage) {
        return new Disclosure(texts, otherLanguage, corner, size, durationSeconds, parameter, languageParameter);
    }

    /**
     * The caption for a frame of {@code width} x {@code height}, the text of every language drawn
     * now (call on the loading thread), so that switching language live only binds another
     * texture: the render loop draws it.
     *
     * @throws IllegalArgumentException when a text does not fit the frame (the message says what to change)
     *         or the layout lacks one of its parameters
     */
    public CaptionOverlay caption(ParameterLayout layout, int width, int height) {
        int slot = slot(layout, parameter);
        int languageSlot = languageParameter.isPresent() ? slot(layout, languageParameter.get()) : CaptionOverlay.NO_SLOT;
        List<CaptionImage> images = new ArrayList<>();
        for (String text : texts.values()) {
            images.add(CaptionImage.render(text, size, width, height));
        }
        int margin = Math.max(2, Math.round(Math.min(width, height) * 0.03f));
        return new CaptionOverlay(images, languageIndex(), languageSlot, corner, slot,
                Math.round(durationSeconds * 1e9), margin);
    }

    private static int slot(ParameterLayout layout, String name) {
        int index = layout.indexOf(name).orElseThrow(() -> new IllegalArgumentException(
                "the disclosure's parameter \"" + name + "\" is not one of the artwork's parameters"));
        return layout.offset(index);
    }
}
