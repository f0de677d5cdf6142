package org.vernissage.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.models.ModelException;
import org.vernissage.models.card.CardFiles;
import org.vernissage.models.card.CardText;
import org.vernissage.models.card.ModelCards;
import org.vernissage.models.declare.ModelDeclaration;
import org.vernissage.models.declare.ModelDeclarations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vernissage models <artwork-folder>}: prints the card of every model of an artwork (those
 * its manifest declares and every model file in its {@code models/} folder) in a readable form,
 * and says which have no card or a card that cannot be read. Exit code 1 when any lacks a card.
 *
 * <p>Picocli fills the fields and calls {@link #call()} on the main thread.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Show the model cards of an artwork's models and say which models have none.")
final class ModelsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ARTWORK-FOLDER", description = "The artwork whose models to show.")
    private Path artworkFolder;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> cards = new ArrayList<>();
        List<Path> modelFiles = new ArrayList<>();
        List<ModelDeclaration> declared = Files.isRegularFile(artworkFolder.resolve(ArtworkManifest.FILE_NAME))
                ? ModelDeclarations.read(artworkFolder, null) : List.of();
        for (ModelDeclaration model : declared) {
            modelFiles.add(model.file());
        }
        for (Path file : ModelCards.modelFiles(artworkFolder.resolve("models"))) {
            Path absolute = file.toAbsolutePath().normalize();
            if (!modelFiles.contains(absolute)) {
                modelFiles.add(absolute);
            }
        }
        if (modelFiles.isEmpty()) {
            out.println(artworkFolder + ": no models (none declared, no files in models/)");
            return 0;
        }
        int lacking = 0;
        CardFiles reader = new CardFiles();
        for (Path modelFile : modelFiles) {
            Path card = ModelCards.cardFileFor(modelFile);
            String shown = artworkFolder.toAbsolutePath().normalize().relativize(modelFile).toString();
            if (cards.contains(card)) {
                continue;
            }
            cards.add(card);
            if (!Files.isRegularFile(card)) {
                lacking++;
                out.println(shown + ": NO CARD" + (Files.exists(modelFile) ? "" : " (and no model file yet: train it)")
                        + "; expected " + card.getFileName());
                continue;
            }
            try {
                var modelCard = reader.read(card);
                out.println(modelCard.name() + " (" + shown + ")");
                out.print(CardText.describe(modelCard));
            } catch (ModelException unreadable) {
                lacking++;
                out.println(shown + ": CARD UNREADABLE: " + unreadable.getMessage());
            }
        }
        out.flush();
        return lacking == 0 ? 0 : 1;
    }
}
