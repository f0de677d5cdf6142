package org.vernissage.models.interact;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;
import org.vernissage.models.card.ModelCards;
import org.vernissage.models.learn.ExampleSet;
import org.vernissage.models.learn.JsonFiles;
import org.vernissage.models.learn.TrainedModelFiles;

/**
 * What {@code save} writes for a model trained in the room, into the artwork's {@code models/}
 * folder, each file atomically: the examples ({@code NAME.examples.json}, learn's format) with their
 * datasheet ({@code NAME.examples.datasheet.json}), the model ({@code NAME.model.json}, learn's
 * {@link TrainedModelFiles}) and its card ({@code NAME.card.json}: the fields every model card has,
 * the inference latency measured here on the saving thread, energy "not measured").
 *
 * <p>Trainer thread only.
 */
public final class RoomModelArchive implements ModelArchive {

    private static final int LATENCY_RUNS = 2_000;

    private final JsonFiles json = new JsonFiles();
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
            Path datasheet = datasheetFile(file);
            json.write(datasheet, datasheet(plan, examples));
            written.add(datasheet.toString());
        }
        if (model != null && plan.modelFile().isPresent()) {
            Path file = plan.modelFile().get();
            makeFolder(file);
            new TrainedModelFiles().save(file, model);
            written.add(file.toString());
            Path card = ModelCards.cardFileFor(file);
            json.write(card, card(plan, examples, model, trained, file));
            written.add(card.toString());
        }
        return written;
    }

    /** {@code NAME.examples.json} -> {@code NAME.examples.datasheet.json}. */
    static Path datasheetFile(Path examplesFile) {
        String name = examplesFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return examplesFile.resolveSibling(stem + ".datasheet.json");
    }

    private ObjectNode datasheet(TrainingPlan plan, ExampleSet examples) {
        ObjectNode sheet = json.mapper().createObjectNode();
        sheet.put("name", plan.name() + " examples");
        sheet.put("what", provenance.what() + ": inputs (" + String.join(", ", examples.inputNames()) + ") -> outputs ("
                + String.join(", ", examples.outputNames()) + ")");
        sheet.put("recordedBy", provenance.recordedBy());
        sheet.put("recordedAt", Instant.now().toString());
        sheet.put("consent", provenance.consent());
        sheet.put("licence", provenance.licence());
        sheet.put("examples", examples.count());
        ArrayNode inputs = sheet.putArray("inputs");
        examples.inputNames().forEach(inputs::add);
        ArrayNode outputs = sheet.putArray("outputs");
        examples.outputNames().forEach(outputs::add);
        sheet.put("notes", "regression outputs are stored as 0..1 of each parameter's range");
        return sheet;
    }

    private ObjectNode card(TrainingPlan plan, ExampleSet examples, Model model, Trained trained, Path modelFile) {
        ObjectNode card = json.mapper().createObjectNode();
        card.put("name", plan.name());
        card.put("purpose", "a mapping trained from examples: from " + names(examples, true) + " to "
                + names(examples, false));
        card.put("architecture", TrainedModelFiles.architectureOf(model));
        card.put("parameterCount", TrainedModelFiles.parameterCountOf(model));
        ArrayNode inputs = card.putArray("inputs");
        for (String name : examples == null ? List.<String>of() : examples.inputNames()) {
            inputs.addObject().put("name", name).put("description", "input value as the engine saw it");
        }
        ArrayNode outputs = card.putArray("outputs");
        for (String name : examples == null ? List.<String>of() : examples.outputNames()) {
            outputs.addObject().put("name", name).put("description", plan.type().isClassifier()
                    ? "the class number 1..n" : "0..1 of the parameter's range");
        }
        ObjectNode data = card.putObject("trainingData");
        data.put("what", provenance.what());
        data.put("source", plan.examplesFile().map(Path::getFileName).map(Path::toString).orElse("not saved"));
        data.put("recordedBy", provenance.recordedBy());
        data.put("consent", provenance.consent());
        data.put("licence", provenance.licence());
        data.put("examples", examples == null ? 0 : examples.count());
        card.put("datasheet", plan.examplesFile().map(RoomModelArchive::datasheetFile).map(Path::getFileName)
                .map(Path::toString).orElse(null));
        card.put("trainedAt", trained == null ? null : trained.at().toString());
        card.put("seed", trained == null ? plan.options().seed() : trained.seed());
        if (trained == null) {
            card.putNull("trainingSeconds");
        } else {
            card.put("trainingSeconds", trained.seconds());
        }
        card.put("trainingCommand", provenance.trainingCommand().replace("{model}", plan.name()));
        ObjectNode latency = card.putObject("inferenceLatency");
        long[] p = latency(model, examples);
        latency.put("p50Micros", p[0] / 1_000.0);
        latency.put("p99Micros", p[1] / 1_000.0);
        latency.put("measuredOn", "the saving machine, plain Java, " + LATENCY_RUNS + " runs ("
                + Runtime.getRuntime().availableProcessors() + " cores)");
        ObjectNode energy = card.putObject("energy");
        energy.putNull("joulesPerThousandInferences");
        energy.put("kind", "not measured");
        ArrayNode files = card.putArray("files");
        files.add(modelFile.getFileName().toString());
        plan.examplesFile().ifPresent(f -> files.add(f.getFileName().toString()));
        return card;
    }

    private static String names(ExampleSet examples, boolean inputs) {
        if (examples == null) {
            return "(no examples)";
        }
        return String.join(", ", inputs ? examples.inputNames() : examples.outputNames());
    }

    /** p50 and p99 nanoseconds of single runs on the first example's input (zeros when none). */
    private static long[] latency(Model model, ExampleSet examples) {
        float[] in = new float[model.inputCount()];
        if (examples != null && !examples.isEmpty() && !examples.get(0).isGesture()) {
            float[] first = examples.get(0).inputs();
            System.arraycopy(first, 0, in, 0, Math.min(in.length, first.length));
        }
        float[] out = new float[model.outputCount()];
        long[] nanos = new long[LATENCY_RUNS];
        try {
            for (int i = 0; i < LATENCY_RUNS; i++) {
                long start = System.nanoTime();
                model.run(in, out);
                nanos[i] = System.nanoTime() - start;
            }
        } catch (ModelException | RuntimeException e) {
            return new long[] {0, 0};
        }
        Arrays.sort(nanos);
        return new long[] {nanos[LATENCY_RUNS / 2], nanos[LATENCY_RUNS * 99 / 100]};
    }

    private static void makeFolder(Path file) throws ModelException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ModelException(file.getParent() + ": cannot make the models folder: " + e.getMessage(), e);
        }
    }
}
