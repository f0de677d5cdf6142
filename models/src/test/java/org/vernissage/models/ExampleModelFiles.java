package org.vernissage.models;

import java.io.IOException;
import java.nio.file.Path;
import org.vernissage.models.djl.TorchScriptNetworkWriter;
import org.vernissage.models.learn.Activation;
import org.vernissage.models.onnx.OnnxNetworkWriter;

/**
 * The script that made the artist-model test files in {@code models/src/test/resources/artist-models/}:
 * one seeded 2-8-3 network (tanh hidden, sigmoid out: two hand coordinates to three look
 * parameters), written as {@code look.onnx} and {@code look.pt}. {@code ExampleModelFilesTest}
 * checks the committed files are byte for byte what this writes. To regenerate, run this class on
 * the models module's test class path from the repository root, e.g.
 * <pre>
 *   mvn -B -q -o -ntp -pl models -am test-compile
 *   mvn -B -q -o -ntp -pl models dependency:build-classpath -Dmdep.outputFile=models/target/cp.txt
 *   java -cp "models/target/classes:models/target/test-classes:$(cat models/target/cp.txt)" \
 *       org.vernissage.models.ExampleModelFiles models/src/test/resources/artist-models
 * </pre>
 */
public final class ExampleModelFiles {

    /** The seed of the network's weights. */
    public static final long SEED = 2026_12_05L;

    private ExampleModelFiles() {
    }

    /** The network both files hold. */
    public static DenseNetwork network() {
        return DenseNetwork.random(SEED, Activation.TANH, Activation.SIGMOID, 2, 8, 3);
    }

    /** Writes {@code look.onnx} and {@code look.pt} into {@code folder}. */
    public static void write(Path folder) throws IOException {
        OnnxNetworkWriter.write(network(), folder.resolve("look.onnx"));
        TorchScriptNetworkWriter.write(network(), folder.resolve("look.pt"));
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "models/src/test/resources/artist-models"));
    }
}
