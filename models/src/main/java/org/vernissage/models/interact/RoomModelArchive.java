package org.vernissage.models.interact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;
import org.vernissage.models.card.CardFiles;
import org.vernissage.models.card.Datasheet;
import org.vernissage.models.card.ModelCard;
import org.vernissage.models.card.TrainedCards;
import org.vernissage.models.learn.ExampleSet;
import org.vernissage.models.learn.TrainedModelFiles;

/**
 * What {@code save} writes for a model trained in the room, into the artwork's {@code models/}
 * folder, each file atomically and in learn's formats: the examples ({@code NAME.examples.json})
 * with their datasheet ({@code NAME.datasheet.json}, saying where the data came from), the model
 * ({@code NAME.model.json}) and its card ({@code NAME.card.json}, made by learn's
 * {@link TrainedCards}: latency measured on the saving thread, energy estimated).
 *
 * <p>Trainer thread only.
 */
public final class RoomModelArchive implements ModelArchive {

    private final Provenance provenance;

    /**
     * Where examples came from, for the datasheet and the card.
     *
     * @param what what the examples are
     * @param recordedBy who recorded (or what generated) them
     * @param consent whose data it is and with what consent
     * @param trainingCommand how to make the model again
     */
    public record Provenance(String what, String recordedBy, String consent, String licence, String trainingCommand) {

        /** Examples recorded live by the person training the work. */
        public static Provenance inTheRoom() {
            return new Provenance("pairs of input values and the output values set at the same moment, recorded in the room",
                    "the person training the work in the room (not named)",
                    "recorded by the person training the work, of their own movements; no other person's data",
                    "as the artwork", "trained live (OSC /vernissage/<id>/model/{model}/train); again offline"
                    + " from the saved examples: vernissage train <artwork> --model {model}");
        }

        /**
         * The same, saying who records and under what consent when the show says so (the run's
         * {@code --recorded-by} and {@code --consent}); an absent text keeps this one's.
         */
        public Provenance recordedBy(java.util.Optional<String> who, java.util.Optional<String> underConsent) {
            return new Provenance(what, who.orElse(recordedBy), underConsent.orElse(consent), licence, trainingCommand);
        }

        /**
         * The same, saying who records and under what consent as the artwork's manifest says
         * ({@code "privacy"} in artwork.json); an absent text keeps this one's. The run's options,
         * applied after with {@link #recordedBy(java.util.Optional, java.util.Optional)}, override it.
         */
        public Provenance recordedBy(org.vernissage.engine.artwork.ManifestPrivacy manifest) {
            return recordedBy(manifest.recordedBy(), manifest.consent());
        }
    }

    public RoomModelArchive(Provenance provenance) {
        this.provenance = provenance;
    }

    /** When and how long a training took, for the card. */
    public record Trained(Instant at, double seconds, long seed) {
    }

    @Override
    public List<String> save(TrainingPlan plan, ExampleSet examples, Model model) throws ModelException {
        return save(plan, examples, model, null);
    }

    /** The same, with what the trainer knows of the last training (null: unknown). */
    public List<String> save(TrainingPlan plan, ExampleSet examples, Model model, Trained trained) throws ModelException {
        List<String> written = new ArrayList<>();
        if (examples != null && plan.examplesFile().isPresent()) {
            Path file = plan.examplesFile().get();
            makeFolder(file);
            examples.save(file);
            written.add(file.toString());
            Datasheet sheet = new Datasheet(plan.name() + " examples", provenance.what(), provenance.recordedBy(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), provenance.consent(), provenance.licence(),
                    examples.count(), examples.inputNames(), examples.outputNames(),
                    plan.type().isClassifier() ? "outputs are class numbers 1..n"
                            : "outputs are stored as 0..1 of each output parameter's range");
            written.add(new CardFiles().writeBeside(file, sheet).toString());
        }
        if (model != null && plan.modelFile().isPresent()) {
            Path file = plan.modelFile().get();
            makeFolder(file);
            new TrainedModelFiles().save(file, model);
            written.add(file.toString());
            List<ModelCard.Port> inputs = new ArrayList<>();
            List<ModelCard.Port> outputs = new ArrayList<>();
            if (examples != null) {
                examples.inputNames().forEach(n -> inputs.add(new ModelCard.Port(n, "the parameter's value as the engine saw it")));
                examples.outputNames().forEach(n -> outputs.add(new ModelCard.Port(n, plan.type().isClassifier()
                        ? "the class number 1..n" : "0..1 of the parameter's range")));
            }
            Path examplesFile = plan.examplesFile().filter(Files::isRegularFile).orElse(null);
            Instant at = trained == null ? Instant.now() : trained.at();
            double seconds = trained == null ? 0 : trained.seconds();
            Long seed = plan.type() == org.vernissage.models.declare.ModelType.MLP ? plan.options().seed() : null;
            written.add(TrainedCards.write(model, new TrainedCards.Training(
                    "a mapping trained from examples: from " + names(examples, true) + " to " + names(examples, false),
                    inputs, outputs, file, examplesFile, examples == null ? 0 : examples.count(), at, seed, seconds,
                    provenance.trainingCommand().replace("{model}", plan.name()))).toString());
        }
        return written;
    }

    private static String names(ExampleSet examples, boolean inputs) {
        if (examples == null) {
            return "(no examples)";
        }
        return String.join(", ", inputs ? examples.inputNames() : examples.outputNames());
    }

    private static void makeFolder(Path file) throws ModelException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ModelException(file.getParent() + ": cannot make the models folder: " + e.getMessage(), e);
        }
    }
}
