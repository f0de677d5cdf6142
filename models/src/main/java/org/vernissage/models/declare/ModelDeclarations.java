package org.vernissage.models.declare;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.models.ModelException;
import org.vernissage.models.learn.Activation;
import org.vernissage.models.learn.JsonFiles;
import org.vernissage.models.learn.ModelFields;
import org.vernissage.models.learn.TrainingOptions;

/**
 * Reads the {@code "models"} array of an artwork's manifest into {@link ModelDeclaration}s. Every
 * problem is a {@link ModelException} naming the manifest, the field's path (e.g.
 * {@code models[1].inputs[0]}) with the model's name, what was expected and what was found: a
 * parameter that does not exist, a name used twice, a file outside the artwork, a classifier with
 * two outputs, a misspelt field.
 *
 * <p>Stateless (static methods); called on the loading thread.
 */
public final class ModelDeclarations {

    /** The field of the manifest read here. */
    public static final String FIELD = "models";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final List<String> FIELDS =
            List.of("name", "type", "inputs", "outputs", "file", "examples", "training", "run", "description");
    private static final List<String> TRAINING_FIELDS = List.of("seed", "hidden", "steps", "learningRate", "batch",
            "activation", "output", "k", "window", "threshold");

    private ModelDeclarations() {
    }

    /**
     * The models declared by {@code artworkFolder/artwork.json}; empty when it declares none.
     *
     * @param layout the artwork's parameters, to check every input and output names one (a
     *        single-value parameter); null to skip that check
     */
    public static List<ModelDeclaration> read(Path artworkFolder, ParameterLayout layout) throws ModelException {
        Path manifest = artworkFolder.resolve(ArtworkManifest.FILE_NAME);
        JsonNode root = new JsonFiles().read(manifest, "an artwork manifest");
        return read(manifest, root, artworkFolder, layout);
    }

    /** As {@link #read(Path, ParameterLayout)}, from a manifest tree already read from {@code manifest}. */
    public static List<ModelDeclaration> read(Path manifest, JsonNode root, Path artworkFolder, ParameterLayout layout)
            throws ModelException {
        ModelFields top = ModelFields.of(manifest, "", root, "a JSON object (the artwork manifest)");
        Set<String> names = new HashSet<>();
        List<ModelDeclaration> models = top.optionalObjects(FIELD, "an array of model objects",
                "a model object {\"name\", \"type\", \"inputs\", \"outputs\", ...}",
                model -> declaration(model, artworkFolder, layout));
        for (int i = 0; i < models.size(); i++) {
            if (!names.add(models.get(i).name())) {
                throw ModelFields.error(manifest, FIELD + "[" + i + "].name",
                        "a name no other model uses", "\"" + models.get(i).name() + "\" (already used)");
            }
        }
        return models;
    }

    /** The declaration called {@code name}, if declared. */
    public static Optional<ModelDeclaration> named(List<ModelDeclaration> models, String name) {
        return models.stream().filter(model -> model.name().equals(name)).findFirst();
    }

    private static ModelDeclaration declaration(ModelFields model, Path folder, ParameterLayout layout)
            throws ModelException {
        model.allowOnly(FIELDS);
        String name = model.requiredText("name");
        if (!NAME.matcher(name).matches()) {
            throw model.error("name", "a name of lower-case letters, digits and _ starting with a letter");
        }
        ModelType type = ModelType.values()[model.choice("type", ModelType.manifestNames(), -1)];
        List<String> inputs = parameters(model, name, "inputs", layout);
        List<String> outputs = parameters(model, name, "outputs", layout);
        if (type.isClassifier() && outputs.size() != 1) {
            throw model.error("outputs", "one parameter (model \"" + name + "\" is a " + type.manifestName()
                    + " classifier: its output is the class number 1..n)");
        }
        Path file = file(model, name, "file", folder, type.isTrained() ? "models/" + name + ".model.json" : null);
        Path examples = null;
        if (type.isTrained()) {
            examples = file(model, name, "examples", folder, "models/" + name + ".examples.json");
        } else if (model.has("examples")) {
            throw model.error("examples", "no examples file (model \"" + name + "\" is " + type.manifestName()
                    + ", trained elsewhere)");
        }
        TrainingOptions training = training(model);
        boolean run = model.optionalBoolean("run", Files.isRegularFile(file));
        return new ModelDeclaration(name, type, inputs, outputs, file, examples, training, run,
                model.optionalText("description"));
    }

    private static List<String> parameters(ModelFields model, String name, String field, ParameterLayout layout)
            throws ModelException {
        List<String> parameters = model.requiredTexts(field);
        if (parameters.isEmpty()) {
            throw model.error(field, "at least one parameter name (model \"" + name + "\")");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            String parameter = parameters.get(i);
            String at = field + "[" + i + "]";
            if (!seen.add(parameter)) {
                throw model.error(at, "a parameter not already listed (model \"" + name + "\")", "\"" + parameter
                        + "\" (listed twice)");
            }
            if (layout != null) {
                Optional<Integer> index = layout.indexOf(parameter);
                if (index.isEmpty()) {
                    throw model.error(at, "the name of a declared parameter (model \"" + name + "\")",
                            "\"" + parameter + "\", which is not in \"parameters\"");
                }
                ParameterType kind = layout.specs().get(index.get()).type();
                if (kind.components() != 1) {
                    throw model.error(at, "a single-value parameter (float, int, bool or event; model \"" + name
                            + "\")", "\"" + parameter + "\" of type " + kind.manifestName());
                }
            }
        }
        return parameters;
    }

    private static Path file(ModelFields model, String name, String field, Path folder, String fallback)
            throws ModelException {
        String expected = "a path inside the artwork's folder, e.g. \"models/" + name + ".onnx\"";
        if (fallback == null && !model.has(field)) {
            throw model.error(field, expected + " (model \"" + name + "\" is not trained by the engine, so its file"
                    + " must be named)", ModelFields.MISSING);
        }
        String relative = model.optionalNonBlankText(field, fallback, expected);
        Path path;
        try {
            path = Path.of(relative);
        } catch (java.nio.file.InvalidPathException e) {
            throw model.error(field, expected);
        }
        Path base = folder.toAbsolutePath().normalize();
        Path resolved = base.resolve(path).normalize();
        if (path.isAbsolute() || !resolved.startsWith(base)) {
            throw model.error(field, expected + " (model \"" + name + "\")");
        }
        return resolved;
    }

    private static TrainingOptions training(ModelFields model) throws ModelException {
        TrainingOptions defaults = TrainingOptions.defaults();
        ModelFields training = model.optionalObject("training", "an object {\"seed\", \"hidden\", \"steps\", ...}");
        if (training == null) {
            return defaults;
        }
        training.allowOnly(TRAINING_FIELDS);
        int[] hidden = training.has("hidden") ? training.requiredInts("hidden", 1, TrainingOptions.MAX_WIDTH)
                : defaults.hidden();
        if (hidden.length > TrainingOptions.MAX_LAYERS) {
            throw training.error("hidden", "at most " + TrainingOptions.MAX_LAYERS + " hidden layer widths");
        }
        Activation hiddenActivation = Activation.values()[training.choice("activation", List.of("tanh", "relu"), 0)];
        Activation outputActivation = training.choice("output", List.of("linear", "sigmoid"), 0) == 0
                ? Activation.LINEAR : Activation.SIGMOID;
        return new TrainingOptions(
                training.optionalLong("seed", defaults.seed()),
                hidden,
                training.optionalInt("steps", 1, 10_000_000, defaults.steps(), "an integer from 1 to 10000000"),
                (float) training.optionalNumber("learningRate", 1e-7, 10, defaults.learningRate(),
                        "a number from 1e-7 to 10"),
                training.optionalInt("batch", 0, 1_000_000, defaults.batchSize(),
                        "an integer from 0 (full batch) to 1000000"),
                hiddenActivation,
                outputActivation,
                training.optionalInt("k", 1, 1000, defaults.k(), "an integer from 1 to 1000"),
                training.optionalInt("window", 0, 100_000, defaults.window(), "an integer from 0 (any length) up"),
                (float) training.optionalNumber("threshold", Float.MIN_NORMAL, Float.MAX_VALUE, defaults.threshold(),
                        "a positive number"));
    }
}
