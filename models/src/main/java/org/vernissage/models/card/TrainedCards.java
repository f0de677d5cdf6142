package org.vernissage.models.card;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;
import org.vernissage.models.learn.TrainedModelFiles;

/**
 * Makes and writes the card of a model the engine trained itself (an MLP, k-NN or DTW model saved
 * by {@link TrainedModelFiles}): architecture and parameter count from the model, training data
 * from the examples' datasheet when there is one, the training's date, seed, duration and
 * command, the plain-Java inference latency measured here, energy estimated from CPU time, and
 * the model and examples files with their SHA-256.
 *
 * <p>Stateless (static methods); called on the thread that trained the model (a trainer thread or
 * the {@code train} command), after the model file is written. Measuring runs the model a few
 * thousand times on that thread.
 */
public final class TrainedCards {

    private static final int WARM_UP = 2_000;
    private static final int RUNS = 5_000;

    private TrainedCards() {
    }

    /**
     * The facts of one training, as the trainer knows them.
     *
     * @param purpose what the model does in the artwork (the manifest's description, or a default)
     * @param modelFile where the model was saved
     * @param examplesFile where its examples are (null when not saved)
     * @param examples how many examples it learnt from
     * @param trainedAt when the training ended
     * @param seed the training's seed (null for k-NN and DTW, which draw nothing at random)
     * @param trainingSeconds how long it took
     * @param trainingCommand the command that trains it again
     */
    public record Training(String purpose, List<ModelCard.Port> inputs, List<ModelCard.Port> outputs, Path modelFile,
                           Path examplesFile, int examples, Instant trainedAt, Long seed, double trainingSeconds,
                           String trainingCommand) {
    }

    /** Makes the card of {@code model}, measuring its latency on this thread. */
    public static ModelCard make(Model model, Training training) throws ModelException {
        float[] input = new float[model.inputCount()];
        InferenceMeasurement measured = InferenceMeasurement.measure(model, input, WARM_UP, RUNS);
        Path folder = training.modelFile().toAbsolutePath().getParent();
        List<ModelCard.CardFile> files = new ArrayList<>();
        files.add(ModelCards.cardFile(folder, training.modelFile()));
        String datasheet = null;
        ModelCard.TrainingData data = new ModelCard.TrainingData(training.examples() + " examples recorded for \""
                + model.name() + "\" (no datasheet beside them: who recorded them, consent and licence are not"
                + " documented)", null, null, null, null, training.examples());
        if (training.examplesFile() != null && Files.isRegularFile(training.examplesFile())) {
            files.add(ModelCards.cardFile(folder, training.examplesFile()));
            Path sheetFile = ModelCards.datasheetFileFor(training.examplesFile());
            if (Files.isRegularFile(sheetFile)) {
                Datasheet sheet = new CardFiles().readDatasheet(sheetFile);
                datasheet = folder.relativize(sheetFile.toAbsolutePath()).toString();
                data = new ModelCard.TrainingData(sheet.what(), "examples file "
                        + folder.relativize(training.examplesFile().toAbsolutePath()) + ", documented by " + datasheet,
                        sheet.recordedBy(), sheet.consent(), sheet.licence(), training.examples());
            }
        }
        return new ModelCard(model.name(), training.purpose(), TrainedModelFiles.architectureOf(model),
                TrainedModelFiles.parameterCountOf(model), training.inputs(), training.outputs(), data, datasheet,
                training.trainedAt().truncatedTo(ChronoUnit.MILLIS).toString(), training.seed(),
                Math.round(training.trainingSeconds() * 1000) / 1000.0, training.trainingCommand(),
                measured.latency(), measured.energy(), files);
    }

    /** Makes the card and writes it beside the model file; returns the card file. */
    public static Path write(Model model, Training training) throws ModelException {
        Path cardFile = ModelCards.cardFileFor(training.modelFile());
        new CardFiles().write(cardFile, make(model, training));
        return cardFile;
    }
}
