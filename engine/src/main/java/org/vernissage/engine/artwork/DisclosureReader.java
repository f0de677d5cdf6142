package org.vernissage.engine.artwork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.render.CaptionCorner;

/**
 * Reads a manifest's optional {@code "disclosure"} object ({@link Disclosure}), checked field by
 * field; a problem names the manifest file, the field's path and what was expected. The manifest
 * itself was checked by {@link ManifestLoader}, which accepts the field; this reads it apart so the
 * manifest's record stays as it is.
 *
 * <p>Loading thread; holds nothing between calls.
 */
public final class DisclosureReader {

    /** The letters' height, as a fraction of the frame's height: readable, never a banner. */
    public static final double MIN_SIZE = 0.01;
    public static final double MAX_SIZE = 0.2;
    public static final double DEFAULT_SIZE = 0.04;
    /** The longest duration: a day. */
    public static final double MAX_DURATION_SECONDS = 86_400;

    private static final List<String> FIELDS = List.of("texts", "fromCards", "language", "corner", "size", "duration", "parameter",
            "languageParameter");

    /** Where a piece's model cards are ({@code models/NAME.card.json}, the models module's card format). */
    public static final String CARDS_FOLDER = "models";

    private DisclosureReader() {
    }

    /** The manifest's disclosure, or empty when it has none (or there is no manifest file: a lone ISF file). */
    public static Optional<Disclosure> read(ArtworkManifest manifest) throws ManifestException {
        Path file = manifest.file();
        if (!Files.isRegularFile(file)) {
            return Optional.empty(); // a lone ISF file played without a manifest: nothing to disclose from
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException e) {
            throw ManifestException.location(file, file + ": cannot read: " + e, "a readable manifest file", e);
        }
        if (root == null || !root.has("disclosure")) {
            return Optional.empty();
        }
        ManifestFields top = ManifestFields.of(file, "", root, "a JSON object { \"title\": ... }");
        ManifestFields f = top.requiredObject("disclosure", "an object {\"texts\": {\"en\": \"Made with AI\"}, ...}");
        f.allowOnly(FIELDS);
        boolean fromCards = f.optionalBoolean("fromCards", false);
        if (fromCards == f.has("texts")) {
            throw f.error(fromCards ? "fromCards" : "texts", "either \"texts\" (the artist's, by language) or"
                    + " \"fromCards\": true (made from the models' cards), one of the two", fromCards
                    ? "both" : "neither");
        }
        Map<String, String> texts = fromCards ? Map.of("en", cardsText(manifest, f)) : texts(f);
        List<String> languages = new ArrayList<>(texts.keySet());
        Optional<ParameterSpec> languageParameter = languageParameter(manifest, f, languages);
        String start = languageParameter.map(p -> languages.get(Math.round(p.defaultComponent(0))))
                .orElse(languages.get(0));
        String language = f.optionalNonBlankText("language", start, "one of the texts' languages " + languages);
        if (!texts.containsKey(language)) {
            throw f.error("language", "one of the texts' languages " + languages, "\"" + language + "\"");
        }
        if (languageParameter.isPresent() && !language.equals(start)) {
            throw f.error("language", "the language the parameter \"" + languageParameter.get().name()
                    + "\" starts on (its default " + Math.round(languageParameter.get().defaultComponent(0))
                    + " is \"" + start + "\" of " + languages + "), or no \"language\"", "\"" + language + "\"");
        }
        List<String> corners = new ArrayList<>();
        for (CaptionCorner c : CaptionCorner.values()) {
            corners.add(c.manifestName());
        }
        CaptionCorner corner = CaptionCorner.values()[f.choice("corner", corners,
                CaptionCorner.BOTTOM_RIGHT.ordinal())];
        double size = f.optionalNumber("size", MIN_SIZE, MAX_SIZE, DEFAULT_SIZE,
                "the letters' height as a fraction of the frame's height, " + MIN_SIZE + " to " + MAX_SIZE);
        double duration = f.optionalNumber("duration", 0, MAX_DURATION_SECONDS, 0,
                "the seconds the caption stays once turned on (0: while its parameter is on), 0 to "
                        + MAX_DURATION_SECONDS);
        String parameter = f.optionalNonBlankText("parameter", Disclosure.DEFAULT_PARAMETER, "a parameter's name");
        checkParameter(manifest, f, parameter);
        return Optional.of(new Disclosure(texts, language, corner, size, duration, parameter,
                languageParameter.map(ParameterSpec::name)));
    }

    /**
     * The int parameter that picks the language live: the one {@code "languageParameter"} names
     * (which must be declared), else one declared as {@link Disclosure#DEFAULT_LANGUAGE_PARAMETER},
     * else none. It numbers the texts in the manifest's order, 0 to their count less one, so its
     * range must be exactly that (a text added without widening it could never be shown).
     */
    private static Optional<ParameterSpec> languageParameter(ArtworkManifest manifest, ManifestFields f,
                                                             List<String> languages) throws ManifestException {
        String field = "languageParameter";
        String name = f.optionalNonBlankText(field, Disclosure.DEFAULT_LANGUAGE_PARAMETER, "a parameter's name");
        int last = languages.size() - 1;
        String declaration = "{\"name\": \"" + name + "\", \"type\": \"int\", \"min\": 0, \"max\": " + last
                + ", \"default\": 0, \"shader\": false}";
        for (ParameterSpec spec : manifest.parameters()) {
            if (spec.name().equals(name)) {
                if (spec.type() != ParameterType.INT || spec.min() != 0 || spec.max() != last) {
                    throw f.error(field, "an int parameter from 0 to " + last + " numbering the texts' languages "
                            + languages + ", e.g. " + declaration, "\"" + name + "\" of type "
                            + spec.type().manifestName() + " from " + spec.min() + " to " + spec.max());
                }
                return Optional.of(spec);
            }
        }
        if (f.has(field)) {
            throw f.error(field, "a parameter the manifest declares, e.g. " + declaration,
                    "\"" + name + "\", which is not declared");
        }
        return Optional.empty();
    }

    /**
     * "Made with AI: NAME (PURPOSE); ..." from each card in the piece's models folder, in file-name
     * order: the cards say what each model is for, so the caption does not drift from them.
     */
    private static String cardsText(ArtworkManifest manifest, ManifestFields f) throws ManifestException {
        Path folder = manifest.folder().resolve(CARDS_FOLDER);
        List<String> parts = new ArrayList<>();
        List<Path> cards = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                files.filter(p -> p.getFileName().toString().endsWith(".card.json")).sorted().forEach(cards::add);
            } catch (IOException e) {
                throw f.error("fromCards", "a readable folder of model cards " + folder, e.toString());
            }
        }
        for (Path card : cards) {
            try {
                JsonNode node = JsonMapper.builder().build().readTree(Files.readString(card));
                String name = node.path("name").asText("");
                String purpose = node.path("purpose").asText("");
                if (name.isBlank()) {
                    throw f.error("fromCards", "model cards with a \"name\"", card + " has none");
                }
                parts.add(purpose.isBlank() ? name : name + " (" + purpose + ")");
            } catch (IOException e) {
                throw f.error("fromCards", "readable JSON model cards", card + ": " + e.getMessage());
            }
        }
        if (parts.isEmpty()) {
            throw f.error("fromCards", "model cards (" + CARDS_FOLDER + "/NAME.card.json) to make the text from",
                    "none in " + folder);
        }
        return "Made with AI: " + String.join("; ", parts) + ".";
    }

    private static Map<String, String> texts(ManifestFields f) throws ManifestException {
        String expected = "an object of texts by language, {\"en\": \"Made with AI\", \"fr\": \"Fait avec une IA\"}";
        JsonNode node = f.required("texts", expected);
        if (!node.isObject() || node.isEmpty()) {
            throw f.error("texts", expected, ManifestFields.found(node));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode text = entry.getValue();
            if (!text.isTextual() || text.textValue().isBlank()) {
                throw f.error("texts." + entry.getKey(), "the caption's text in " + entry.getKey(),
                        ManifestFields.found(text));
            }
            texts.put(entry.getKey(), text.textValue());
        }
        return texts;
    }

    /** The caption's parameter must be a float the artist declared: control-only ("shader": false) is usual. */
    private static void checkParameter(ArtworkManifest manifest, ManifestFields f, String parameter)
            throws ManifestException {
        for (ParameterSpec spec : manifest.parameters()) {
            if (spec.name().equals(parameter)) {
                if (spec.type() != ParameterType.FLOAT) {
                    throw f.error("parameter", "a float parameter (shown while above 0.5)",
                            "\"" + parameter + "\" of type " + spec.type().manifestName());
                }
                return;
            }
        }
        throw f.error("parameter", "a parameter the manifest declares, e.g. {\"name\": \"" + parameter
                + "\", \"type\": \"float\", \"min\": 0, \"max\": 1, \"default\": 1, \"shader\": false}",
                "\"" + parameter + "\", which is not declared");
    }
}
