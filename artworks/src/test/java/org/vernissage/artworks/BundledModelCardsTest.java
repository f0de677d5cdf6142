package org.vernissage.artworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.models.ModelException;
import org.vernissage.models.card.CardFiles;
import org.vernissage.models.card.ModelCards;
import org.vernissage.models.declare.ModelDeclaration;
import org.vernissage.models.declare.ModelDeclarations;

/**
 * Every model shipped with a bundled artwork (each file of {@code artworks/NAME/models/} that is a
 * model, and each model a manifest declares to run at start) has a card beside it, and every card
 * reads: a piece does not leave the studio with a model nobody can account for.
 */
class BundledModelCardsTest {

    @Test
    void everyBundledModelHasAReadableCard() throws IOException, ModelException {
        List<String> problems = new ArrayList<>();
        List<Path> artworks = bundledArtworks();
        assertFalse(artworks.isEmpty(), "no artwork folders found");
        for (Path artwork : artworks) {
            Path models = artwork.resolve("models");
            for (Path lacking : ModelCards.check(models)) {
                problems.add(lacking + ": no card (expected " + ModelCards.cardFileFor(lacking).getFileName() + ")");
            }
            for (ModelDeclaration declared : ModelDeclarations.read(artwork, null)) {
                if (declared.run() && !Files.isRegularFile(declared.cardFile())) {
                    problems.add(artwork.getFileName() + ": model \"" + declared.name() + "\" runs at start but has"
                            + " no card " + declared.cardFile().getFileName());
                }
            }
            for (Path model : ModelCards.modelFiles(models)) {
                Path card = ModelCards.cardFileFor(model);
                if (Files.isRegularFile(card)) {
                    try {
                        new CardFiles().read(card);
                    } catch (ModelException unreadable) {
                        problems.add(unreadable.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static List<Path> bundledArtworks() throws IOException {
        try (Stream<Path> folders = Files.list(Path.of("").toAbsolutePath())) {
            return folders.filter(f -> Files.isRegularFile(f.resolve(ArtworkManifest.FILE_NAME))).sorted().toList();
        }
    }
}
