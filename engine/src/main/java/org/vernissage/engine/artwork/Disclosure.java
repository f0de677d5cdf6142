package org.vernissage.engine.artwork;

import java.util.Map;
import java.util.Objects;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.render.CaptionCorner;
import org.vernissage.engine.render.CaptionImage;
import org.vernissage.engine.render.CaptionOverlay;

/**
 * A manifest's {@code "disclosure"}: the caption that tells the people in front of the work that
 * it is made with AI. Its texts by language (one is shown), where and how big it sits, how long it
 * stays once turned on, and the parameter that turns it on (shown while above one half: cues,
 * OSC, the console and schedules move it like any parameter).
 *
 * <pre>
 * "disclosure": {"texts": {"en": "Made with a neural network trained here", "fr": "..."},
 *                "language": "en", "corner": "bottom-right", "size": 0.04, "duration": 0,
 *                "parameter": "disclosure"}
 * </pre>
 *
 * <p>Immutable; read on the loading thread ({@link DisclosureReader}).
 *
 * @param texts           the caption's text by language tag, in the manifest's order
 * @param language        the language shown; one of {@code texts}' keys
 * @param corner          where the caption sits
 * @param size            the letters' height as a fraction of the frame's height
 * @param durationSeconds how long the caption stays once turned on; 0: as long as its parameter is on
 * @param parameter       the parameter that turns it on
 */
public record Disclosure(Map<String, String> texts, String language, CaptionCorner corner, double size,
                         double durationSeconds, String parameter) {

    /** The default parameter's name. */
    public static final String DEFAULT_PARAMETER = "disclosure";

    public Disclosure {
        texts = Map.copyOf(texts);
        if (!texts.containsKey(language)) {
            throw new IllegalArgumentException("language \"" + language + "\" has no text; texts are in "
                    + texts.keySet());
        }
        Objects.requireNonNull(corner, "corner");
        Objects.requireNonNull(parameter, "parameter");
    }

    /** The text shown. */
    public String text() {
        return texts.get(language);
    }

    /** The same disclosure in another of its languages (a run's choice). */
    public Disclosure inLanguage(String otherLanguage) {
        return new Disclosure(texts, otherLanguage, corner, size, durationSeconds, parameter);
    }

    /**
     * The caption for a frame of {@code width} x {@code height}, its text drawn now (call on the
     * loading thread): the render loop draws it.
     *
     * @throws IllegalArgumentException when the text does not fit the frame (the message says what to change)
     *         or the layout has no such parameter
     */
    public CaptionOverlay caption(ParameterLayout layout, int width, int height) {
        int index = layout.indexOf(parameter).orElseThrow(() -> new IllegalArgumentException(
                "the disclosure's parameter \"" + parameter + "\" is not one of the artwork's parameters"));
        CaptionImage image = CaptionImage.render(text(), size, width, height);
        int margin = Math.max(2, Math.round(Math.min(width, height) * 0.03f));
        return new CaptionOverlay(image, corner, layout.offset(index), Math.round(durationSeconds * 1e9), margin);
    }
}
