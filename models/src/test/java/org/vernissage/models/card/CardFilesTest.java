package org.vernissage.models.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.models.ModelException;

class CardFilesTest {

    @TempDir
    Path folder;

    private final CardFiles files = new CardFiles();

    static ModelCard card() {
        return new ModelCard("pose", "Maps the hand to the look.", "MLP 2-16-16-2 tanh/linear", 354,
                List.of(new ModelCard.Port("hand_x", "hand across (0..1)"), new ModelCard.Port("hand_y", "")),
                List.of(new ModelCard.Port("hue", "palette turn")),
                new ModelCard.TrainingData("hands held over the table", "recorded in the room", "the artist",
                        "visitors agreed on a sign", "CC BY 4.0", 120),
                "pose.datasheet.json", "2026-12-05T07:00:00Z", 7L, 0.25, "vernissage train artworks/x --model pose",
                new ModelCard.Latency(1.5, 2.5, "Linux amd64"),
                new ModelCard.Energy(0.02, "estimated", "CPU time x 15 W"),
                List.of(new ModelCard.CardFile("pose.model.json", "ab12", 999L)));
    }

    @Test
    void aCardAndADatasheetRoundTrip() throws ModelException {
        Path file = folder.resolve("pose.card.json");
        files.write(file, card());
        assertEquals(card(), files.read(file));

        Datasheet sheet = new Datasheet("pose examples", "hands", "the artist", "2026-12-05T06:00:00Z",
                "visitors agreed", "CC BY 4.0", 120, List.of("hand_x", "hand_y"), List.of("hue"), null);
        Path sheetFile = files.writeBeside(folder.resolve("pose.examples.json"), sheet);
        assertEquals(folder.resolve("pose.datasheet.json"), sheetFile);
        assertEquals(sheet, files.readDatasheet(sheetFile));
    }

    @Test
    void aHandWrittenCardNeedsOnlyNamePurposeAndArchitecture() throws Exception {
        Path file = folder.resolve("cppn.card.json");
        Files.writeString(file, """
                {"name": "cppn", "purpose": "patterns bred by the audience", "architecture": "CPPN 5-8-8-3",
                 "parameterCount": 139, "trainingData": null, "datasheet": null, "seed": 42,
                 "inputs": ["x", {"name": "y", "description": "height"}],
                 "energy": {"joulesPerThousandInferences": null, "kind": "not measured"},
                 "files": ["cppn.weights.json"]}
                """);
        ModelCard card = files.read(file);
        assertEquals(139, card.parameterCount());
        assertNull(card.trainingData());
        assertEquals(42L, card.seed());
        assertEquals(List.of(new ModelCard.Port("x", ""), new ModelCard.Port("y", "height")), card.inputs());
        assertEquals("not measured", card.energy().kind());
        assertEquals("cppn.weights.json", card.files().get(0).path());
    }

    @Test
    void mistakesAreNamedByFileAndField() throws Exception {
        Path file = folder.resolve("bad.card.json");
        Files.writeString(file, "{\"name\": \"a\", \"purpose\": \"b\", \"architecture\": \"c\","
                + " \"energy\": {\"kind\": \"guessed\"}}");
        ModelException kind = assertThrows(ModelException.class, () -> files.read(file));
        assertEquals(file + ": energy.kind: expected one of measured, estimated, not measured, found \"guessed\"",
                kind.getMessage());
        Files.writeString(file, "{\"name\": \"a\", \"purpose\": \"b\", \"architecture\": \"c\", \"seeds\": 1}");
        ModelException typo = assertThrows(ModelException.class, () -> files.read(file));
        assertTrue(typo.getMessage().startsWith(file + ": seeds: unknown field"), typo.getMessage());
        Files.writeString(file, "{\"name\": \"a\", \"architecture\": \"c\"}");
        ModelException missing = assertThrows(ModelException.class, () -> files.read(file));
        assertEquals(file + ": purpose: expected a non-blank string, found nothing (the field is missing)",
                missing.getMessage());
    }

    @Test
    void checkListsEveryModelFileWithoutACard() throws Exception {
        Path models = folder.resolve("models");
        Files.createDirectories(models);
        for (String name : List.of("pose.model.json", "pose.card.json", "pose.examples.json", "pose.datasheet.json",
                "art.onnx", "grow.weights.bin", "grow.card.json", "README.md", "train.py", ".hidden")) {
            Files.writeString(models.resolve(name), "x");
        }
        assertEquals(List.of(models.resolve("art.onnx")), ModelCards.check(models));
        assertEquals(List.of(models.resolve("art.onnx"), models.resolve("grow.weights.bin"),
                models.resolve("pose.model.json")), ModelCards.modelFiles(models));
        assertEquals(List.of(), ModelCards.check(folder.resolve("nothing-here")));
        assertEquals(models.resolve("art.card.json"), ModelCards.cardFileFor(models.resolve("art.onnx")));
    }
}
