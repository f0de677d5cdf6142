package org.vernissage.models.declare;

import java.util.List;

/**
 * What kind of model a declaration names: one the engine trains itself from examples (an MLP
 * regression, a k-NN classifier, a DTW gesture recogniser), or a file made elsewhere (ONNX,
 * TorchScript).
 *
 * <p>Immutable; shared by all threads.
 */
public enum ModelType {
    MLP("mlp", true),
    KNN("knn", true),
    DTW("dtw", true),
    ONNX("onnx", false),
    TORCHSCRIPT("torchscript", false);

    private final String manifestName;
    private final boolean trained;

    ModelType(String manifestName, boolean trained) {
        this.manifestName = manifestName;
        this.trained = trained;
    }

    /** The name the manifest's {@code "type"} uses. */
    public String manifestName() {
        return manifestName;
    }

    /** True when the engine trains it from examples (so it has an examples file). */
    public boolean isTrained() {
        return trained;
    }

    /** True when its single output receives a class number 1..n. */
    public boolean isClassifier() {
        return this == KNN || this == DTW;
    }

    /** Every manifest name, in declaration order. */
    public static List<String> manifestNames() {
        return List.of("mlp", "knn", "dtw", "onnx", "torchscript");
    }
}
