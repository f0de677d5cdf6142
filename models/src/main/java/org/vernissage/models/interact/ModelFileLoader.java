package org.vernissage.models.interact;

import java.nio.file.Path;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;

/**
 * Loads an artist's model file ({@code "type": "onnx"} or {@code "torchscript"}) for the trainer to
 * hand to the worker at start: the models module's {@code ModelLoader::load} (DJL, ONNX Runtime)
 * where that runtime is built in. Called on the thread assembling the run.
 */
@FunctionalInterface
public interface ModelFileLoader {

    /** No runtime for artists' files in this build: says so. */
    ModelFileLoader NONE = (name, type, file, inputs, outputs) -> {
        throw new ModelException("model '" + name + "' (" + file + "): no " + type + " runtime in this build");
    };

    Model load(String name, String type, Path file, int inputCount, int outputCount) throws ModelException;
}
