package org.vernissage.models.interact;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vernissage.models.declare.ModelType;
import org.vernissage.models.learn.TrainingOptions;

/**
 * How the trainer trains and keeps one model of the show: its type, the names of its inputs and
 * outputs (for the examples file), its training options and where its files go. Built at load
 * from a {@code ModelDeclaration}, or for Wekinator's default model from what the engine knows.
 *
 * <p>Immutable; shared by all threads.
 *
 * @param inputNames empty when the input count is fixed by the first example (Wekinator's inputs)
 * @param examplesFile where the examples are saved and read at start (absent: never saved)
 * @param modelFile where the trained model is saved (absent: never saved)
 */
public record TrainingPlan(int index, String name, ModelType type, List<String> inputNames, List<String> outputNames,
                           TrainingOptions options, Optional<Path> examplesFile, Optional<Path> modelFile) {

    public TrainingPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(options, "options");
        inputNames = List.copyOf(inputNames);
        outputNames = List.copyOf(outputNames);
    }
}
