package org.vernissage.models;

import java.nio.file.Path;
import java.util.Locale;
import org.vernissage.models.declare.ModelDeclaration;
import org.vernissage.models.declare.ModelType;
import org.vernissage.models.djl.TorchScriptModel;
import org.vernissage.models.onnx.OnnxModel;

/**
 * Loads an artist's model file with the runtime its type or extension names: {@code .onnx} with
 * ONNX Runtime ({@link OnnxModel}), {@code .pt}, {@code .pth} or {@code .torchscript} with DJL
 * PyTorch ({@link TorchScriptModel}). The file is checked against the manifest's declaration (how
 * many input and output parameters it binds) before it is handed out.
 *
 * <p>Stateless; called on whichever thread loads the artwork (at start, or a trainer/reload thread),
 * never the render thread: a first load may unpack native libraries.
 */
public final class ModelLoader {

    /** The manifest's {@code "type"} for ONNX files. */
    public static final String ONNX = "onnx";
    /** The manifest's {@code "type"} for TorchScript files. */
    public static final String TORCHSCRIPT = "torchscript";

    private ModelLoader() {
    }

    /** Whether the file's extension names a runtime this loader has. */
    public static boolean handles(Path file) {
        return typeOf(file) != null;
    }

    /**
     * Loads the file of a declared {@code onnx} or {@code torchscript} model, checked against its
     * declared inputs and outputs (one float per parameter).
     *
     * @throws ModelException for a trained type (mlp, knn, dtw: learn's files) or when the runtime
     *                        refused the file
     */
    public static Model load(ModelDeclaration declaration) throws ModelException {
        if (declaration.type() != ModelType.ONNX && declaration.type() != ModelType.TORCHSCRIPT) {
            throw new ModelException("model '" + declaration.name() + "': type '" + declaration.type().manifestName()
                    + "' is trained by the engine, not loaded from an artist's file; this loader runs \"" + ONNX
                    + "\" and \"" + TORCHSCRIPT + "\"");
        }
        return load(declaration.name(), declaration.type().manifestName(), declaration.file(),
                declaration.inputCount(), declaration.outputCount());
    }

    /** Loads {@code file} with the runtime its extension names. */
    public static Model load(String name, Path file, int inputCount, int outputCount) throws ModelException {
        return load(name, null, file, inputCount, outputCount);
    }

    /**
     * Loads {@code file} with the runtime {@code type} names ({@value #ONNX} or
     * {@value #TORCHSCRIPT}), or, when {@code type} is null, the one its extension names.
     *
     * @throws ModelException when the type or extension is unknown, or the runtime refused the file
     *                        (its message names the file, the tensor and the shapes)
     */
    public static Model load(String name, String type, Path file, int inputCount, int outputCount)
            throws ModelException {
        String runtime = type != null ? type.toLowerCase(Locale.ROOT) : typeOf(file);
        if (runtime == null) {
            throw new ModelException("model '" + name + "' (" + file + "): unknown model file extension; expected"
                    + " .onnx (ONNX Runtime) or .pt, .pth, .torchscript (TorchScript, DJL PyTorch)");
        }
        if (inputCount < 1 || outputCount < 1) {
            throw new ModelException("model '" + name + "' (" + file + "): expected at least one input and one output"
                    + " parameter, the manifest binds " + inputCount + " and " + outputCount);
        }
        try {
            return switch (runtime) {
                case ONNX -> OnnxModel.load(name, file, inputCount, outputCount);
                case TORCHSCRIPT -> TorchScriptModel.load(name, file, inputCount, outputCount);
                default -> throw new ModelException("model '" + name + "' (" + file + "): unknown type '" + type
                        + "'; this loader runs \"" + ONNX + "\" and \"" + TORCHSCRIPT + "\"");
            };
        } catch (LinkageError e) {
            // The runtimes' jars travel beside the launcher's jar (lib/, on its Class-Path), not in it.
            throw new ModelException("model '" + name + "' (" + file + "): " + runtimeName(runtime)
                    + " is not on the class path (" + e + "); the launcher's jar expects "
                    + runtimeJar(runtime) + " in the lib/ folder beside it (made by the build)", e);
        }
    }

    private static String runtimeName(String runtime) {
        return ONNX.equals(runtime) ? "ONNX Runtime" : "DJL PyTorch";
    }

    private static String runtimeJar(String runtime) {
        return ONNX.equals(runtime) ? "onnxruntime-<version>.jar" : "pytorch-native-cpu-<version>-<platform>.jar";
    }

    private static String typeOf(Path file) {
        String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (fileName.endsWith(".onnx")) {
            return ONNX;
        }
        if (fileName.endsWith(".pt") || fileName.endsWith(".pth") || fileName.endsWith(".torchscript")) {
            return TORCHSCRIPT;
        }
        return null;
    }
}
