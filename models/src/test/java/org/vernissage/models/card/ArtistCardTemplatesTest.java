package org.vernissage.models.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The templates in docs/templates (for artists who bring their own model, see
 * docs/responsible-ai.md) stay the card format: {@link CardFiles} reads them, they show every
 * field the reader knows, and every field of a card the project writes itself (the bundled
 * handheld model's) is in them.
 */
class ArtistCardTemplatesTest {

    private static final Path TEMPLATES = Path.of("..", "docs", "templates");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theModelCardTemplateIsACardWithEveryField() throws Exception {
        Path template = TEMPLATES.resolve("MODEL.card.json");
        ModelCard card = new CardFiles().read(template);
        assertEquals("not measured", card.energy().kind());
        JsonNode root = JSON.readTree(template.toFile());
        assertEquals(Set.of("name", "purpose", "architecture", "parameterCount", "inputs", "outputs", "trainingData",
                "datasheet", "trainedAt", "seed", "trainingSeconds", "trainingCommand", "inferenceLatency", "energy",
                "files", "notes"), names(root));
        assertEquals(Set.of("what", "source", "recordedBy", "consent", "licence", "examples"),
                names(root.get("trainingData")));
        assertEquals(Set.of("joulesPerThousandInferences", "kind", "basis"), names(root.get("energy")));
        assertEquals(Set.of("p50Micros", "p99Micros", "measuredOn"), names(root.get("inferenceLatency")));
        assertEquals(Set.of("path", "sha256", "bytes"), names(root.get("files").get(0)));
    }

    @Test
    void theDatasheetTemplateIsADatasheetWithEveryField() throws Exception {
        Path template = TEMPLATES.resolve("EXAMPLES.datasheet.json");
        Datasheet datasheet = new CardFiles().readDatasheet(template);
        assertEquals(List.of("tilt_x", "tilt_y"), datasheet.inputs());
        assertEquals(Set.of("name", "what", "recordedBy", "recordedAt", "consent", "licence", "examples", "inputs",
                "outputs", "notes"), names(JSON.readTree(template.toFile())));
    }

    @Test
    void aCardTheProjectWritesUsesOnlyFieldsTheTemplateShows() throws Exception {
        JsonNode written = JSON.readTree(Path.of("..", "artworks", "handheld", "models", "look.card.json").toFile());
        JsonNode template = JSON.readTree(TEMPLATES.resolve("MODEL.card.json").toFile());
        assertTrue(names(template).containsAll(names(written)), names(written) + " vs " + names(template));
        assertTrue(names(template.get("energy")).containsAll(names(written.get("energy"))));
        assertTrue(names(template.get("trainingData")).containsAll(names(written.get("trainingData"))));
        JsonNode sheet = JSON.readTree(Path.of("..", "artworks", "handheld", "models", "look.datasheet.json").toFile());
        assertTrue(names(JSON.readTree(TEMPLATES.resolve("EXAMPLES.datasheet.json").toFile())).containsAll(names(sheet)));
    }

    private static Set<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return new TreeSet<>(names);
    }
}
