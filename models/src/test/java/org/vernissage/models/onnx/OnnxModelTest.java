package org.vernissage.models.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.models.ComputeDevice;
import org.vernissage.models.DenseNetwork;
import org.vernissage.models.learn.Activation;
import org.vernissage.models.ModelException;

class OnnxModelTest {

    @TempDir
    Path folder;

    @Test
    void anOnnxFileWrittenFromJavaComputesWhatThePlainJavaNetworkComputes() throws Exception {
        DenseNetwork network = DenseNetwork.random(7, Activation.TANH, Activation.SIGMOID, 8, 16, 16, 3);
        Path file = folder.resolve("pose.onnx");
        OnnxNetworkWriter.write(network, file);
        assertTrue(Files.size(file) < 8192, "a small test file: " + Files.size(file) + " bytes");

        try (OnnxModel model = OnnxModel.load("pose", file, 8, 3)) {
            assertEquals(8, model.inputCount());
            assertEquals(3, model.outputCount());
            assertEquals(ComputeDevice.CPU, model.device(), "no CUDA build of ONNX Runtime is on this classpath");
            Random random = new Random(3);
            float[] in = new float[8];
            float[] out = new float[3];
            float[] expected = new float[3];
            float[] a = new float[network.widest()];
            float[] b = new float[network.widest()];
            for (int trial = 0; trial < 50; trial++) {
                for (int i = 0; i < in.length; i++) {
                    in[i] = random.nextFloat() * 4f - 2f;
                }
                model.run(in, out);
                network.evaluate(in, expected, a, b);
                assertArrayEquals(expected, out, 1e-5f, "trial " + trial);
            }
        }
    }

    @Test
    void aShapeMismatchNamesTheFileTheTensorAndBothShapes() throws Exception {
        Path file = folder.resolve("wide.onnx");
        OnnxNetworkWriter.write(DenseNetwork.random(1, Activation.RELU, Activation.LINEAR, 3, 4, 2), file);

        ModelException inputs = assertThrows(ModelException.class, () -> OnnxModel.load("pose", file, 2, 2));
        assertTrue(inputs.getMessage().contains("model 'pose'"), inputs.getMessage());
        assertTrue(inputs.getMessage().contains(file.toString()), inputs.getMessage());
        assertTrue(inputs.getMessage().contains("input tensor 'input'"), inputs.getMessage());
        assertTrue(inputs.getMessage().contains("[batch, 2]"), inputs.getMessage());
        assertTrue(inputs.getMessage().contains("found [?, 3] of float"), inputs.getMessage());

        ModelException outputs = assertThrows(ModelException.class, () -> OnnxModel.load("pose", file, 3, 5));
        assertTrue(outputs.getMessage().contains("output tensor 'output'"), outputs.getMessage());
        assertTrue(outputs.getMessage().contains("found [?, 2] of float"), outputs.getMessage());
    }

    @Test
    void aMissingOrCorruptFileSaysWhatWasExpected() throws Exception {
        Path missing = folder.resolve("absent.onnx");
        ModelException absent = assertThrows(ModelException.class, () -> OnnxModel.load("pose", missing, 2, 2));
        assertTrue(absent.getMessage().contains(missing.toString()) && absent.getMessage().contains("not found"),
                absent.getMessage());

        Path corrupt = folder.resolve("corrupt.onnx");
        byte[] bytes = OnnxNetworkWriter.toBytes(DenseNetwork.random(1, Activation.TANH, Activation.LINEAR, 2, 2));
        Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ModelException broken = assertThrows(ModelException.class, () -> OnnxModel.load("pose", corrupt, 2, 2));
        assertTrue(broken.getMessage().contains(corrupt.toString())
                && broken.getMessage().contains("not a model ONNX Runtime can load"), broken.getMessage());
    }

    @Test
    void nativeLibrariesAreUnpackedIntoTheCacheNotTmp() throws Exception {
        OnnxNatives.prepare();
        String path = System.getProperty("onnxruntime.native.path");
        assertTrue(path != null && !path.startsWith("/tmp"), "unpacked at " + path);
        assertTrue(Files.isRegularFile(Path.of(path).resolve(System.mapLibraryName("onnxruntime"))), path);
    }
}
