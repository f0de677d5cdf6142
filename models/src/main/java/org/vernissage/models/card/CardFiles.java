package org.vernissage.models.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vernissage.models.ModelException;
import org.vernissage.models.learn.JsonFiles;
import org.vernissage.models.learn.ModelFields;

/**
 * Writes and reads model cards ({@code NAME.card.json}) and datasheets
 * ({@code NAME.datasheet.json}) in the project's JSON format. Writes are atomic; a read checks
 * every field (unknown fields refused, so a typo is caught) and names the file and field of any
 * problem. Hand-written cards need only {@code name}, {@code purpose} and {@code architecture};
 * every other field may be absent or null. {@code files} may list plain paths or objects
 * {@code {"path", "sha256", "bytes"}}.
 *
 * <p>Stateless apart from its {@link JsonFiles}; any single thread.
 */
public final class CardFiles {

    private static final List<String> CARD_FIELDS = List.of("name", "purpose", "architecture", "parameterCount",
            "inputs", "outputs", "trainingData", "datasheet", "trainedAt", "seed", "trainingSeconds",
            "trainingCommand", "inferenceLatency", "energy", "files", "notes");
    private static final List<String> DATASHEET_FIELDS = List.of("name", "what", "recordedBy", "recordedAt",
            "consent", "licence", "examples", "inputs", "outputs", "notes");

    private final JsonFiles files = new JsonFiles();

    /** Writes {@code card} to {@code file}, atomically. */
    public void write(Path file, ModelCard card) throws ModelException {
        ObjectNode root = files.mapper().createObjectNode();
        root.put("name", card.name());
        root.put("purpose", card.purpose());
        root.put("architecture", card.architecture());
        root.put("parameterCount", card.parameterCount());
        ports(root.putArray("inputs"), card.inputs());
        ports(root.putArray("outputs"), card.outputs());
        ModelCard.TrainingData data = card.trainingData();
        if (data == null) {
            root.putNull("trainingData");
        } else {
            ObjectNode training = root.putObject("trainingData");
            text(training, "what", data.what());
            text(training, "source", data.source());
            text(training, "recordedBy", data.recordedBy());
            text(training, "consent", data.consent());
            text(training, "licence", data.licence());
            if (data.examples() == null) {
                training.putNull("examples");
            } else {
                training.put("examples", data.examples());
            }
        }
        text(root, "datasheet", card.datasheet());
        text(root, "trainedAt", card.trainedAt());
        if (card.seed() == null) {
            root.putNull("seed");
        } else {
            root.put("seed", card.seed());
        }
        number(root, "trainingSeconds", card.trainingSeconds());
        text(root, "trainingCommand", card.trainingCommand());
        ModelCard.Latency latency = card.inferenceLatency();
        if (latency == null) {
            root.putNull("inferenceLatency");
        } else {
            ObjectNode measured = root.putObject("inferenceLatency");
            measured.put("p50Micros", latency.p50Micros());
            measured.put("p99Micros", latency.p99Micros());
            text(measured, "measuredOn", latency.measuredOn());
        }
        ObjectNode energy = root.putObject("energy");
        number(energy, "joulesPerThousandInferences", card.energy().joulesPerThousandInferences());
        energy.put("kind", card.energy().kind());
        if (card.energy().basis() != null) {
            energy.put("basis", card.energy().basis());
        }
        ArrayNode list = root.putArray("files");
        for (ModelCard.CardFile cardFile : card.files()) {
            ObjectNode item = list.addObject();
            item.put("path", cardFile.path());
            text(item, "sha256", cardFile.sha256());
            if (cardFile.bytes() != null) {
                item.put("bytes", cardFile.bytes());
            }
        }
        files.write(file, root);
    }

    /** Reads the card in {@code file}. */
    public ModelCard read(Path file) throws ModelException {
        ModelFields root = ModelFields.of(file, "", files.read(file, "a model card"), "a model card object");
        root.allowOnly(CARD_FIELDS);
        ModelCard.TrainingData data = null;
        if (present(root, "trainingData")) {
            ModelFields training = root.requiredObject("trainingData", "an object {\"what\", \"source\", ...} or null");
            training.allowOnly(List.of("what", "source", "recordedBy", "consent", "licence", "examples"));
            data = new ModelCard.TrainingData(optionalText(training, "what"), optionalText(training, "source"),
                    optionalText(training, "recordedBy"), optionalText(training, "consent"),
                    optionalText(training, "licence"), present(training, "examples")
                            ? training.optionalInt("examples", 0, Integer.MAX_VALUE, 0, "a count of examples or null")
                            : null);
        }
        ModelCard.Latency latency = null;
        if (present(root, "inferenceLatency")) {
            ModelFields measured = root.requiredObject("inferenceLatency",
                    "an object {\"p50Micros\", \"p99Micros\", \"measuredOn\"} or null");
            measured.allowOnly(List.of("p50Micros", "p99Micros", "measuredOn"));
            latency = new ModelCard.Latency(
                    measured.requiredNumber("p50Micros", 0, Double.MAX_VALUE, "microseconds (>= 0)"),
                    measured.requiredNumber("p99Micros", 0, Double.MAX_VALUE, "microseconds (>= 0)"),
                    optionalText(measured, "measuredOn"));
        }
        return new ModelCard(root.requiredText("name"), root.requiredText("purpose"), root.requiredText("architecture"),
                present(root, "parameterCount") ? root.optionalLong("parameterCount", 0) : 0,
                ports(root, "inputs"), ports(root, "outputs"), data, optionalText(root, "datasheet"),
                optionalText(root, "trainedAt"), present(root, "seed") ? root.optionalLong("seed", 0) : null,
                present(root, "trainingSeconds")
                        ? root.optionalNumber("trainingSeconds", 0, Double.MAX_VALUE, 0, "seconds (>= 0) or null")
                        : null,
                optionalText(root, "trainingCommand"), latency, energy(root), cardFiles(root));
    }

    /** Writes {@code datasheet} to {@code file}, atomically. */
    public void write(Path file, Datasheet datasheet) throws ModelException {
        ObjectNode root = files.mapper().createObjectNode();
        root.put("name", datasheet.name());
        root.put("what", datasheet.what());
        text(root, "recordedBy", datasheet.recordedBy());
        text(root, "recordedAt", datasheet.recordedAt());
        text(root, "consent", datasheet.consent());
        text(root, "licence", datasheet.licence());
        root.put("examples", datasheet.examples());
        datasheet.inputs().forEach(root.putArray("inputs")::add);
        datasheet.outputs().forEach(root.putArray("outputs")::add);
        text(root, "notes", datasheet.notes());
        files.write(file, root);
    }

    /** Writes {@code datasheet} beside the example set {@code examplesFile} ({@code NAME.datasheet.json}); returns its file. */
    public Path writeBeside(Path examplesFile, Datasheet datasheet) throws ModelException {
        Path file = ModelCards.datasheetFileFor(examplesFile);
        write(file, datasheet);
        return file;
    }

    /** Reads the datasheet in {@code file}. */
    public Datasheet readDatasheet(Path file) throws ModelException {
        ModelFields root = ModelFields.of(file, "", files.read(file, "a datasheet"), "a datasheet object");
        root.allowOnly(DATASHEET_FIELDS);
        return new Datasheet(root.requiredText("name"), root.requiredText("what"), optionalText(root, "recordedBy"),
                optionalText(root, "recordedAt"), optionalText(root, "consent"), optionalText(root, "licence"),
                root.optionalInt("examples", 0, Integer.MAX_VALUE, 0, "a count of examples"),
                present(root, "inputs") ? root.requiredTexts("inputs") : List.of(),
                present(root, "outputs") ? root.requiredTexts("outputs") : List.of(),
                optionalText(root, "notes"));
    }

    private static ModelCard.Energy energy(ModelFields root) throws ModelException {
        if (!present(root, "energy")) {
            return ModelCard.Energy.notMeasured();
        }
        ModelFields energy = root.requiredObject("energy", "an object {\"joulesPerThousandInferences\", \"kind\"}");
        energy.allowOnly(List.of("joulesPerThousandInferences", "kind", "basis"));
        String kind = ModelCard.ENERGY_KINDS.get(energy.choice("kind", ModelCard.ENERGY_KINDS, -1));
        Double joules = present(energy, "joulesPerThousandInferences")
                ? energy.optionalNumber("joulesPerThousandInferences", 0, Double.MAX_VALUE, 0, "joules (>= 0) or null")
                : null;
        if (joules == null && !kind.equals("not measured")) {
            throw energy.error("joulesPerThousandInferences", "a number of joules (kind is \"" + kind + "\")");
        }
        return new ModelCard.Energy(joules, kind, optionalText(energy, "basis"));
    }

    private static List<ModelCard.Port> ports(ModelFields root, String field) throws ModelException {
        if (!present(root, field)) {
            return List.of();
        }
        JsonNode array = root.get(field);
        if (!array.isArray()) {
            throw root.error(field, "an array of {\"name\", \"description\"}");
        }
        List<ModelCard.Port> ports = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isTextual()) {
                ports.add(new ModelCard.Port(item.textValue(), ""));
                continue;
            }
            ModelFields port = ModelFields.of(root.source(), root.pathOf(field) + "[" + i + "]", item,
                    "a name or an object {\"name\", \"description\"}");
            port.allowOnly(List.of("name", "description"));
            ports.add(new ModelCard.Port(port.requiredText("name"), port.optionalText("description")));
        }
        return ports;
    }

    private static List<ModelCard.CardFile> cardFiles(ModelFields root) throws ModelException {
        if (!present(root, "files")) {
            return List.of();
        }
        JsonNode array = root.get("files");
        if (!array.isArray()) {
            throw root.error("files", "an array of paths or {\"path\", \"sha256\", \"bytes\"}");
        }
        List<ModelCard.CardFile> list = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isTextual() && !item.textValue().isBlank()) {
                list.add(new ModelCard.CardFile(item.textValue(), null, null));
                continue;
            }
            ModelFields entry = ModelFields.of(root.source(), "files[" + i + "]", item,
                    "a path or an object {\"path\", \"sha256\", \"bytes\"}");
            entry.allowOnly(List.of("path", "sha256", "bytes"));
            list.add(new ModelCard.CardFile(entry.requiredText("path"), optionalText(entry, "sha256"),
                    present(entry, "bytes") ? entry.optionalLong("bytes", 0) : null));
        }
        return list;
    }

    private static boolean present(ModelFields fields, String field) {
        JsonNode value = fields.get(field);
        return value != null && !value.isNull();
    }

    private static String optionalText(ModelFields fields, String field) throws ModelException {
        return present(fields, field) ? fields.optionalText(field) : null;
    }

    private static void ports(ArrayNode array, List<ModelCard.Port> ports) {
        for (ModelCard.Port port : ports) {
            ObjectNode item = array.addObject();
            item.put("name", port.name());
            item.put("description", port.description());
        }
    }

    private static void text(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static void number(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
