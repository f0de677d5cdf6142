package org.vernissage.models.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;

/**
 * Saves and loads the models the engine trains itself ({@code models/NAME.model.json}): an
 * {@link MlpNetwork} (architecture, normalisation, weights as float lists, seed, steps, loss), a
 * {@link NearestNeighbours} (its examples) or a {@link DtwRecognizer} (its templates), each with a
 * {@code "digest"} of what it computes. Writes are atomic (temporary file + rename); a load
 * checks every field and the digest, and names the file and field of any problem, so a damaged
 * or hand-edited file is refused with a message instead of running wrong.
 *
 * <p>Stateless apart from its {@link JsonFiles}; used on a trainer or loading thread.
 */
public final class TrainedModelFiles {

    /** The value of the files' {@code "format"} field. */
    public static final String FORMAT = "vernissage-model/1";
    private static final List<String> TYPES = List.of("mlp", "knn", "dtw");

    private final JsonFiles files = new JsonFiles();

    /** Writes {@code model} (an MLP, k-NN or DTW model) to {@code file}, atomically. */
    public void save(Path file, Model model) throws ModelException {
        ObjectNode root = files.mapper().createObjectNode();
        root.put("format", FORMAT);
        switch (model) {
            case MlpNetwork network -> mlp(root, network);
            case NearestNeighbours knn -> knn(root, knn);
            case DtwRecognizer dtw -> dtw(root, dtw);
            default -> throw new ModelException(file + ": cannot save a " + model.getClass().getSimpleName()
                    + ", expected an MLP, k-NN or DTW model");
        }
        files.write(file, root);
    }

    /** The digest a model would carry in its file. */
    public static String digestOf(Model model) {
        return switch (model) {
            case MlpNetwork network -> network.digest();
            case NearestNeighbours knn -> knn.digest();
            case DtwRecognizer dtw -> dtw.digest();
            default -> "";
        };
    }

    /** The number of values a model learnt or stores (weights and biases; examples; template frames). */
    public static int parameterCountOf(Model model) {
        return switch (model) {
            case MlpNetwork network -> network.parameterCount();
            case NearestNeighbours knn -> knn.parameterCount();
            case DtwRecognizer dtw -> dtw.parameterCount();
            default -> 0;
        };
    }

    /** The architecture in words, e.g. {@code MLP 8-16-16-3 tanh/linear}. */
    public static String architectureOf(Model model) {
        return switch (model) {
            case MlpNetwork network -> network.architecture();
            case NearestNeighbours knn -> "k-NN (" + knn.mode().jsonName() + ", k " + knn.k() + ", "
                    + knn.exampleCount() + " examples of " + knn.inputCount() + " inputs)";
            case DtwRecognizer dtw -> "DTW (" + dtw.templateCount() + " templates of " + dtw.inputCount()
                    + " inputs, band " + (dtw.window() == 0 ? "none" : dtw.window() + " frames") + ")";
            default -> model.getClass().getSimpleName();
        };
    }

    /** Loads the model saved in {@code file}, calling it {@code name}. */
    public Model load(Path file, String name) throws ModelException {
        JsonNode tree = files.read(file, "a trained model (" + FORMAT + ")");
        ModelFields root = ModelFields.of(file, "", tree, "an object with format, type and the model");
        String format = root.requiredText("format");
        if (!format.equals(FORMAT)) {
            throw root.error("format", "\"" + FORMAT + "\"");
        }
        Model model = switch (root.choice("type", TYPES, -1)) {
            case 0 -> readMlp(root, name);
            case 1 -> readKnn(root, name);
            default -> readDtw(root, name);
        };
        String digest = root.requiredText("digest");
        String actual = digestOf(model);
        if (!digest.equals(actual)) {
            throw root.error("digest", "the digest of the weights in the file (" + actual
                    + "): the file was edited or damaged after it was saved", "\"" + digest + "\"");
        }
        return model;
    }

    /** Loads an MLP, refusing another type. */
    public MlpNetwork loadMlp(Path file, String name) throws ModelException {
        Model model = load(file, name);
        if (model instanceof MlpNetwork network) {
            return network;
        }
        throw new ModelException(file + ": type: expected \"mlp\", found a " + model.getClass().getSimpleName());
    }

    private void mlp(ObjectNode root, MlpNetwork network) {
        root.put("type", "mlp");
        ObjectNode architecture = root.putObject("architecture");
        ints(architecture.putArray("sizes"), network.sizes());
        architecture.put("hidden", network.hiddenActivation().jsonName());
        architecture.put("output", network.outputActivation().jsonName());
        normalisation(root, network.inputMean(), network.inputScale());
        ArrayNode layers = root.putArray("layers");
        for (int l = 0; l < network.sizes().length - 1; l++) {
            ObjectNode layer = layers.addObject();
            floats(layer.putArray("weights"), network.weights(l));
            floats(layer.putArray("biases"), network.biases(l));
        }
        TrainingSummary training = network.training();
        ObjectNode summary = root.putObject("training");
        summary.put("seed", training.seed());
        summary.put("steps", training.steps());
        summary.put("examples", training.examples());
        if (Float.isFinite(training.finalLoss())) {
            summary.put("finalLoss", training.finalLoss());
        } else {
            summary.putNull("finalLoss");
        }
        root.put("parameterCount", network.parameterCount());
        root.put("digest", network.digest());
    }

    private MlpNetwork readMlp(ModelFields root, String name) throws ModelException {
        root.allowOnly(List.of("format", "type", "architecture", "normalisation", "layers", "training",
                "parameterCount", "digest"));
        ModelFields architecture = root.requiredObject("architecture", "an object {\"sizes\", \"hidden\", \"output\"}");
        architecture.allowOnly(List.of("sizes", "hidden", "output"));
        int[] sizes = architecture.requiredInts("sizes", 1, TrainingOptions.MAX_WIDTH);
        if (sizes.length < 2) {
            throw architecture.error("sizes", "at least two layer widths (inputs and outputs)");
        }
        Activation hidden = Activation.values()[architecture.choice("hidden", Activation.jsonNames(), -1)];
        Activation output = Activation.values()[architecture.choice("output", Activation.jsonNames(), -1)];
        float[][] normalisation = readNormalisation(root, sizes[0]);
        JsonNode layerArray = root.required("layers", "an array of " + (sizes.length - 1) + " layers");
        if (!layerArray.isArray() || layerArray.size() != sizes.length - 1) {
            throw root.error("layers", "an array of " + (sizes.length - 1) + " layers (one per pair of sizes)");
        }
        float[][] weights = new float[sizes.length - 1][];
        float[][] biases = new float[sizes.length - 1][];
        List<ModelFields> layers = root.optionalObjects("layers", "an array of layers",
                "a layer {\"weights\", \"biases\"}", layer -> layer);
        for (int l = 0; l < layers.size(); l++) {
            ModelFields layer = layers.get(l);
            layer.allowOnly(List.of("weights", "biases"));
            weights[l] = layer.requiredFloats("weights", sizes[l] * sizes[l + 1]);
            biases[l] = layer.requiredFloats("biases", sizes[l + 1]);
        }
        TrainingSummary summary = TrainingSummary.UNKNOWN;
        ModelFields training = root.optionalObject("training", "an object {\"seed\", \"steps\", \"examples\"}");
        if (training != null) {
            training.allowOnly(List.of("seed", "steps", "examples", "finalLoss"));
            JsonNode loss = training.get("finalLoss");
            summary = new TrainingSummary(training.optionalLong("seed", 0),
                    training.optionalInt("steps", 0, Integer.MAX_VALUE, 0, "a count of steps"),
                    training.optionalInt("examples", 0, Integer.MAX_VALUE, 0, "a count of examples"),
                    loss == null || loss.isNull() ? Float.NaN
                            : (float) training.optionalNumber("finalLoss", 0, Double.MAX_VALUE, 0, "a loss >= 0"));
        }
        return new MlpNetwork(name, sizes, hidden, output, weights, biases, normalisation[0], normalisation[1],
                summary);
    }

    private void knn(ObjectNode root, NearestNeighbours knn) {
        root.put("type", "knn");
        root.put("mode", knn.mode().jsonName());
        root.put("k", knn.k());
        normalisation(root, knn.inputMean(), knn.inputScale());
        ArrayNode points = root.putArray("points");
        for (int e = 0; e < knn.exampleCount(); e++) {
            floats(points.addArray(), knn.point(e));
        }
        if (knn.mode() == NearestNeighbours.Mode.CLASSIFY) {
            ArrayNode labels = root.putArray("labels");
            for (int e = 0; e < knn.exampleCount(); e++) {
                labels.add(knn.label(e));
            }
        } else {
            ArrayNode targets = root.putArray("targets");
            for (int e = 0; e < knn.exampleCount(); e++) {
                floats(targets.addArray(), knn.target(e));
            }
        }
        root.put("parameterCount", knn.parameterCount());
        root.put("digest", knn.digest());
    }

    private NearestNeighbours readKnn(ModelFields root, String name) throws ModelException {
        root.allowOnly(List.of("format", "type", "mode", "k", "normalisation", "points", "labels", "targets",
                "parameterCount", "digest"));
        boolean classify = root.choice("mode", List.of("classify", "regress"), -1) == 0;
        int k = root.requiredInt("k", 1, 1000);
        JsonNode first = root.required("points", "an array of input vectors");
        if (!first.isArray() || first.isEmpty() || !first.get(0).isArray()) {
            throw root.error("points", "a non-empty array of input vectors");
        }
        int width = first.get(0).size();
        float[][] points = root.requiredRows("points", width);
        float[][] normalisation = readNormalisation(root, width);
        if (classify) {
            int[] labels = root.requiredInts("labels", 1, Integer.MAX_VALUE);
            if (labels.length != points.length) {
                throw root.error("labels", "one class per point (" + points.length + ")", labels.length + " classes");
            }
            return new NearestNeighbours(name, NearestNeighbours.Mode.CLASSIFY, k, points, labels, null,
                    normalisation[0], normalisation[1]);
        }
        JsonNode targetArray = root.required("targets", "an array of output vectors");
        int outputs = targetArray.isArray() && !targetArray.isEmpty() ? targetArray.get(0).size() : 0;
        float[][] targets = root.requiredRows("targets", outputs);
        if (targets.length != points.length || outputs == 0) {
            throw root.error("targets", "one non-empty output vector per point (" + points.length + ")");
        }
        return new NearestNeighbours(name, NearestNeighbours.Mode.REGRESS, k, points, null, targets,
                normalisation[0], normalisation[1]);
    }

    private void dtw(ObjectNode root, DtwRecognizer dtw) {
        root.put("type", "dtw");
        root.put("window", dtw.window());
        root.put("threshold", dtw.threshold());
        ArrayNode templates = root.putArray("templates");
        for (int t = 0; t < dtw.templateCount(); t++) {
            ObjectNode template = templates.addObject();
            template.put("label", dtw.label(t));
            ArrayNode frames = template.putArray("frames");
            for (float[] frame : dtw.template(t)) {
                floats(frames.addArray(), frame);
            }
        }
        root.put("parameterCount", dtw.parameterCount());
        root.put("digest", dtw.digest());
    }

    private DtwRecognizer readDtw(ModelFields root, String name) throws ModelException {
        root.allowOnly(List.of("format", "type", "window", "threshold", "templates", "parameterCount", "digest"));
        int window = root.requiredInt("window", 0, Integer.MAX_VALUE);
        float threshold = (float) root.requiredNumber("threshold", Float.MIN_NORMAL, Float.MAX_VALUE,
                "a positive number");
        List<ModelFields> items = root.optionalObjects("templates", "an array of templates",
                "a template {\"label\", \"frames\"}", template -> template);
        if (items.isEmpty()) {
            throw root.error("templates", "at least one template");
        }
        float[][][] templates = new float[items.size()][][];
        int[] labels = new int[items.size()];
        int width = -1;
        for (int t = 0; t < items.size(); t++) {
            ModelFields item = items.get(t);
            item.allowOnly(List.of("label", "frames"));
            labels[t] = item.requiredInt("label", 1, Integer.MAX_VALUE);
            JsonNode frames = item.required("frames", "an array of frames");
            if (width < 0) {
                width = frames.isArray() && !frames.isEmpty() ? frames.get(0).size() : 0;
            }
            templates[t] = item.requiredRows("frames", width);
            if (templates[t].length == 0 || width == 0) {
                throw item.error("frames", "at least one frame of at least one value");
            }
        }
        return new DtwRecognizer(name, templates, labels, window, threshold);
    }

    private void normalisation(ObjectNode root, float[] mean, float[] scale) {
        ObjectNode normalisation = root.putObject("normalisation");
        floats(normalisation.putArray("mean"), mean);
        floats(normalisation.putArray("scale"), scale);
    }

    private float[][] readNormalisation(ModelFields root, int inputs) throws ModelException {
        ModelFields normalisation = root.requiredObject("normalisation", "an object {\"mean\", \"scale\"}");
        normalisation.allowOnly(List.of("mean", "scale"));
        return new float[][] {normalisation.requiredFloats("mean", inputs), normalisation.requiredFloats("scale", inputs)};
    }

    private static void floats(ArrayNode array, float[] values) {
        for (float value : values) {
            array.add(value);
        }
    }

    private static void ints(ArrayNode array, int[] values) {
        for (int value : values) {
            array.add(value);
        }
    }
}
