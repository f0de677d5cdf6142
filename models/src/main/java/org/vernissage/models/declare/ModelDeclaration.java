package org.vernissage.models.declare;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.vernissage.models.learn.TrainingOptions;

/**
 * One entry of the manifest's {@code "models"} array, resolved against the artwork's folder: what
 * the model is called, what kind it is, which parameters it reads and writes, where its files are,
 * how it is trained and whether it runs at start.
 *
 * <p>Immutable; made by {@link ModelDeclarations#read} on the loading thread, shared by all threads.
 *
 * @param name {@code [a-z][a-z0-9_]*}, unique in the artwork
 * @param type mlp, knn, dtw, onnx or torchscript
 * @param inputs the parameters it reads, in the order of its input vector
 * @param outputs the parameters it writes (a classifier: the one receiving the class number 1..n)
 * @param file the model file, absolute (inside the artwork's folder)
 * @param examples the examples file of a trained type, absolute; null for onnx and torchscript
 * @param training how to train it (defaults where the manifest says nothing)
 * @param run whether it runs live at start (default: when its file exists)
 * @param description what the model does in the artwork (the manifest's optional
 *        {@code "description"}; empty when not given), shown on its card
 */
public record ModelDeclaration(String name, ModelType type, List<String> inputs, List<String> outputs, Path file,
                               Path examples, TrainingOptions training, boolean run, String description) {

    public ModelDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(description, "description");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** A declaration without a description. */
    public ModelDeclaration(String name, ModelType type, List<String> inputs, List<String> outputs, Path file,
                            Path examples, TrainingOptions training, boolean run) {
        this(name, type, inputs, outputs, file, examples, training, run, "");
    }

    /** The card that belongs beside the model file: {@code models/NAME.card.json} for {@code NAME.model.json}. */
    public Path cardFile() {
        return org.vernissage.models.card.ModelCards.cardFileFor(file);
    }

    public int inputCount() {
        return inputs.size();
    }

    public int outputCount() {
        return outputs.size();
    }
}
