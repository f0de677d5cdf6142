package org.vernissage.engine.artwork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.CaptionCorner;

/** A manifest's "disclosure": read with its defaults, and each mistake named with its field and what was expected. */
class DisclosureReaderTest {

    private static final String PARAMETER =
            "{\"name\": \"disclosure\", \"type\": \"float\", \"min\": 0, \"max\": 1, \"default\": 1, \"shader\": false}";

    @TempDir
    Path temp;

    private ArtworkManifest manifest(String parameters, String disclosure) throws Exception {
        Files.writeString(temp.resolve("main.frag"), "out vec4 c; void main() { c = vec4(1.0); }");
        Files.writeString(temp.resolve("artwork.json"), """
                {"title": "T", "artist": "A", "year": 2026, "description": "D", "shader": "main.frag",
                 "parameters": [%s]%s}
                """.formatted(parameters, disclosure.isEmpty() ? "" : ", \"disclosure\": " + disclosure));
        return ManifestLoader.load(temp);
    }

    @Test
    void aFullDisclosureIsRead() throws Exception {
        Disclosure d = DisclosureReader.read(manifest(PARAMETER, """
                {"texts": {"en": "Made with AI", "fr": "Fait avec une IA"}, "language": "fr",
                 "corner": "top-left", "size": 0.08, "duration": 12}""")).orElseThrow();

        assertEquals("Fait avec une IA", d.text());
        assertEquals("Made with AI", d.inLanguage("en").text());
        assertEquals(CaptionCorner.TOP_LEFT, d.corner());
        assertEquals(0.08, d.size());
        assertEquals(12.0, d.durationSeconds());
        assertEquals("disclosure", d.parameter());
    }

    @Test
    void defaultsAreTheFirstLanguageBottomRightWhileOn() throws Exception {
        Disclosure d = DisclosureReader.read(manifest(PARAMETER, "{\"texts\": {\"de\": \"Mit KI gemacht\"}}"))
                .orElseThrow();

        assertEquals("de", d.language());
        assertEquals(CaptionCorner.BOTTOM_RIGHT, d.corner());
        assertEquals(DisclosureReader.DEFAULT_SIZE, d.size());
        assertEquals(0.0, d.durationSeconds());
    }

    private static final String LANGUAGE =
            "{\"name\": \"disclosure_language\", \"type\": \"int\", \"min\": 0, \"max\": 2, \"default\": 1, \"shader\": false}";
    private static final String THREE = "{\"texts\": {\"en\": \"Made with AI\", \"fr\": \"Fait avec une IA\","
            + " \"de\": \"Mit KI gemacht\"}";

    @Test
    void aDeclaredLanguageParameterPicksTheLanguageLiveStartingAtItsDefault() throws Exception {
        Disclosure d = DisclosureReader.read(manifest(PARAMETER + ", " + LANGUAGE, THREE + "}")).orElseThrow();

        assertEquals(Optional.of("disclosure_language"), d.languageParameter());
        assertEquals(java.util.List.of("en", "fr", "de"), d.languages(), "numbered in the manifest's order");
        assertEquals("fr", d.language(), "the parameter's default 1 is the second text");
        assertEquals(1, d.languageIndex());
        assertEquals(2, d.inLanguage("de").languageIndex());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> d.inLanguage("it"));
        assertTrue(unknown.getMessage().contains("[en, fr, de]"), unknown.getMessage());

        Disclosure named = DisclosureReader.read(manifest(PARAMETER + ", " + LANGUAGE.replace("disclosure_language",
                "lang"), THREE + ", \"languageParameter\": \"lang\", \"language\": \"fr\"}")).orElseThrow();
        assertEquals(Optional.of("lang"), named.languageParameter());
        assertEquals(Optional.empty(), DisclosureReader.read(manifest(PARAMETER, THREE + "}")).orElseThrow()
                .languageParameter(), "none declared: one language for the run");
    }

    @Test
    void aLanguageParameterOfTheWrongKindIsNamedWithTheDeclarationToWrite() throws Exception {
        ManifestException range = assertThrows(ManifestException.class, () -> DisclosureReader.read(
                manifest(PARAMETER + ", " + LANGUAGE.replace("\"max\": 2", "\"max\": 1"), THREE + "}")));
        assertTrue(range.getMessage().contains("disclosure.languageParameter")
                && range.getMessage().contains("an int parameter from 0 to 2")
                && range.getMessage().contains("[en, fr, de]"), range.getMessage());

        ManifestException undeclared = assertThrows(ManifestException.class, () -> DisclosureReader.read(
                manifest(PARAMETER, THREE + ", \"languageParameter\": \"lang\"}")));
        assertTrue(undeclared.getMessage().contains("disclosure.languageParameter")
                && undeclared.getMessage().contains("\"type\": \"int\", \"min\": 0, \"max\": 2"), undeclared.getMessage());

        ManifestException disagree = assertThrows(ManifestException.class, () -> DisclosureReader.read(
                manifest(PARAMETER + ", " + LANGUAGE, THREE + ", \"language\": \"de\"}")));
        assertTrue(disagree.getMessage().contains("disclosure.language")
                && disagree.getMessage().contains("its default 1 is \"fr\""), disagree.getMessage());
    }

    @Test
    void theTextIsMadeFromTheModelCardsWhenAsked() throws Exception {
        Files.createDirectories(temp.resolve("models"));
        Files.writeString(temp.resolve("models/look.card.json"),
                "{\"name\": \"look\", \"purpose\": \"maps the tilt of a hand to the light\"}");
        Files.writeString(temp.resolve("models/look.examples.json"), "[]"); // not a card
        Disclosure d = DisclosureReader.read(manifest(PARAMETER, "{\"fromCards\": true}")).orElseThrow();

        assertEquals("Made with AI: look (maps the tilt of a hand to the light).", d.text());

        ManifestException both = assertThrows(ManifestException.class, () -> DisclosureReader.read(
                manifest(PARAMETER, "{\"fromCards\": true, \"texts\": {\"en\": \"x\"}}")));
        assertTrue(both.getMessage().contains("disclosure.fromCards"), both.getMessage());
    }

    @Test
    void fromCardsWithoutCardsIsNamed() throws Exception {
        ManifestException none = assertThrows(ManifestException.class, () -> DisclosureReader.read(
                manifest(PARAMETER, "{\"fromCards\": true}")));
        assertTrue(none.getMessage().contains("disclosure.fromCards") && none.getMessage().contains("card.json"),
                none.getMessage());
    }

    @Test
    void aManifestWithoutDisclosureHasNone() throws Exception {
        assertEquals(Optional.empty(), DisclosureReader.read(manifest(PARAMETER, "")));
    }

    @Test
    void mistakesAreNamedWithTheirField() throws Exception {
        ManifestException corner = assertThrows(ManifestException.class, () -> DisclosureReader.read(
                manifest(PARAMETER, "{\"texts\": {\"en\": \"x\"}, \"corner\": \"bottom-rigth\"}")));
        assertTrue(corner.getMessage().contains("disclosure.corner") && corner.getMessage().contains("bottom-right"),
                corner.getMessage());

        ManifestException language = assertThrows(ManifestException.class, () -> DisclosureReader.read(
                manifest(PARAMETER, "{\"texts\": {\"en\": \"x\"}, \"language\": \"fr\"}")));
        assertTrue(language.getMessage().contains("disclosure.language"), language.getMessage());

        ManifestException undeclared = assertThrows(ManifestException.class, () -> DisclosureReader.read(
                manifest("", "{\"texts\": {\"en\": \"x\"}}")));
        assertTrue(undeclared.getMessage().contains("disclosure.parameter")
                && undeclared.getMessage().contains("\"shader\": false"), undeclared.getMessage());

        ManifestException empty = assertThrows(ManifestException.class, () -> DisclosureReader.read(
                manifest(PARAMETER, "{\"texts\": {}}")));
        assertTrue(empty.getMessage().contains("disclosure.texts"), empty.getMessage());

        ManifestException size = assertThrows(ManifestException.class, () -> DisclosureReader.read(
                manifest(PARAMETER, "{\"texts\": {\"en\": \"x\"}, \"size\": 0.9}")));
        assertTrue(size.getMessage().contains("disclosure.size"), size.getMessage());
    }
}
