package org.vernissage.models.declare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;
import org.vernissage.models.card.ModelCard;
import org.vernissage.models.card.TrainedCards;
import org.vernissage.models.learn.DtwRecognizer;
import org.vernissage.models.learn.ExampleSet;
import org.vernissage.models.learn.MlpTrainer;
import org.vernissage.models.learn.NearestNeighbours;
import org.vernissage.models.learn.TrainedModelFiles;
import org.vernissage.models.learn.TrainingProgress;

/**
 * Does for one {@link ModelDeclaration} of a trained type (mlp, knn, dtw) what its type asks:
 * reads its examples (checked against the declared inputs and outputs), trains it, loads and saves
 * its model file. ONNX and TorchScript models are loaded by their own runtimes, not here.
 *
 * <p>Stateless (static methods); called on a trainer or loading thread, never the conductor's.
 */
public final class DeclaredModels {

    private DeclaredModels() {
    }

    /**
     * The examples of {@code model}: its examples file when it exists (whose input and output names
     * must be the declaration's), else an empty set with the declared names.
     */
    public static ExampleSet examples(ModelDeclaration model) throws ModelException {
        requireTrained(model);
        if (!Files.exists(model.examples())) {
            return new ExampleSet(model.inputs(), model.outputs());
        }
        ExampleSet examples = ExampleSet.load(model.examples());
        if (!examples.inputNames().equals(model.inputs())) {
            throw new ModelException(model.examples() + ": inputs: expected " + model.inputs() + " (model \""
                    + model.name() + "\" in the manifest), found " + examples.inputNames());
        }
        if (!examples.outputNames().equals(model.outputs())) {
            throw new ModelException(model.examples() + ": outputs: expected " + model.outputs() + " (model \""
                    + model.name() + "\" in the manifest), found " + examples.outputNames());
        }
        return examples;
    }

    /**
     * Trains {@code model} on {@code examples} as its type and training options say: an MLP with
     * {@link MlpTrainer}, a k-NN by keeping the examples, a DTW recogniser by keeping the gestures.
     *
     * @param progress told how an MLP's training goes (k-NN and DTW report one step)
     * @param cancelled polled by an MLP's training before each step
     */
    public static Model train(ModelDeclaration model, ExampleSet examples, TrainingProgress progress,
                              BooleanSupplier cancelled) throws ModelException {
        requireTrained(model);
        Model trained = switch (model.type()) {
            case MLP -> new MlpTrainer(model.training()).train(model.name(), examples, progress, cancelled);
            case KNN -> NearestNeighbours.fit(model.name(), examples, model.training().k());
            case DTW -> DtwRecognizer.fit(model.name(), examples, model.training().window(),
                    model.training().threshold());
            default -> throw new IllegalStateException("not a trained type: " + model.type());
        };
        if (model.type() != ModelType.MLP) {
            progress.step(1, 1, 0f);
        }
        return trained;
    }

    /** Loads the model file of a trained type, checking its widths against the declaration. */
    public static Model load(ModelDeclaration model) throws ModelException {
        requireTrained(model);
        Model loaded = new TrainedModelFiles().load(model.file(), model.name());
        checkShape(model, loaded, model.file());
        return loaded;
    }

    /** Saves a trained model to the declaration's file, atomically. */
    public static void save(ModelDeclaration model, Model trained) throws ModelException {
        checkShape(model, trained, model.file());
        new TrainedModelFiles().save(model.file(), trained);
    }

    /**
     * Writes the card of a freshly trained and saved {@code trained} beside its model file, with
     * the parameters' descriptions from {@code layout} (null: names only); returns the card file.
     *
     * @param seed the training's seed (null for k-NN and DTW)
     * @param trainingCommand the command that trains it again
     */
    public static Path writeCard(ModelDeclaration model, Model trained, int examples, ParameterLayout layout,
                                 Instant trainedAt, Long seed, double trainingSeconds, String trainingCommand)
            throws ModelException {
        String purpose = model.description().isBlank()
                ? "A " + model.type().manifestName() + " model mapping " + model.inputs() + " to " + model.outputs()
                : model.description();
        return TrainedCards.write(trained, new TrainedCards.Training(purpose, ports(model.inputs(), layout),
                ports(model.outputs(), layout), model.file(), model.examples(), examples, trainedAt, seed,
                trainingSeconds, trainingCommand));
    }

    /** The card's ports for these parameters, described as the manifest describes them. */
    public static List<ModelCard.Port> ports(List<String> parameters, ParameterLayout layout) {
        List<ModelCard.Port> ports = new ArrayList<>();
        for (String parameter : parameters) {
            String description = "";
            if (layout != null && layout.indexOf(parameter).isPresent()) {
                ParameterSpec spec = layout.specs().get(layout.indexOf(parameter).get());
                description = spec.description() + (spec.description().isEmpty() ? "" : " ") + "(" + spec.min()
                        + ".." + spec.max() + (spec.unit().isEmpty() ? "" : " " + spec.unit()) + ")";
            }
            ports.add(new ModelCard.Port(parameter, description));
        }
        return ports;
    }

    /** Refuses a model whose input or output count is not the declaration's. */
    public static void checkShape(ModelDeclaration model, Model runnable, Path file) throws ModelException {
        if (runnable.inputCount() != model.inputCount()) {
            throw new ModelException(file + ": model \"" + model.name() + "\" reads " + runnable.inputCount()
                    + " inputs, expected " + model.inputCount() + " " + model.inputs());
        }
        if (runnable.outputCount() != model.outputCount()) {
            throw new ModelException(file + ": model \"" + model.name() + "\" writes " + runnable.outputCount()
                    + " outputs, expected " + model.outputCount() + " " + model.outputs());
        }
    }

    private static void requireTrained(ModelDeclaration model) throws ModelException {
        if (!model.type().isTrained()) {
            throw new ModelException("model \"" + model.name() + "\" is " + model.type().manifestName()
                    + ": trained elsewhere, expected mlp, knn or dtw to train it here");
        }
    }
}
