package org.vernissage.models.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.models.ComputeDevice;
import org.vernissage.models.DenseNetwork;
import org.vernissage.models.learn.Activation;
import org.vernissage.models.ModelException;

class TorchScriptModelTest {

    @TempDir
    Path folder;

    @Test
    void aTorchScriptFileWrittenFromJavaComputesWhatThePlainJavaNetworkComputes() throws Exception {
        DenseNetwork network = DenseNetwork.random(11, Activation.RELU, Activation.TANH, 8, 16, 16, 3);
        Path file = folder.resolve("pose.pt");
        TorchScriptNetworkWriter.write(network, file);
        assertTrue(Files.size(file) < 8192, "a small test file: " + Files.size(file) + " bytes");

        try (TorchScriptModel model = TorchScriptModel.load("pose", file, 8, 3)) {
            assertEquals(8, model.inputCount());
            assertEquals(3, model.outputCount());
            Random random = new Random(5);
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
    void runsLeaveNoTensorBehindInTheModelsNativeScope() throws Exception {
        Path file = folder.resolve("steady.pt");
        TorchScriptNetworkWriter.write(DenseNetwork.random(4, Activation.TANH, Activation.SIGMOID, 8, 32, 32, 3), file);
        try (TorchScriptModel model = TorchScriptModel.load("steady", file, 8, 3)) {
            int afterLoad = model.managedArrays();
            float[] in = new float[8];
            float[] out = new float[3];
            for (int i = 0; i < 20_000; i++) {
                in[i & 7] = (i % 100) / 100f;
                model.run(in, out);
            }
            assertEquals(afterLoad, model.managedArrays(), "output tensors are freed per run, not left to the GC");
        }
    }

    @Test
    void theSameNetworkWrittenTwiceGivesTheSameBytes() throws Exception {
        DenseNetwork network = DenseNetwork.random(3, Activation.TANH, Activation.SIGMOID, 2, 4, 1);
        assertArrayEquals(TorchScriptNetworkWriter.toBytes(network), TorchScriptNetworkWriter.toBytes(network));
    }

    @Test
    void aShapeMismatchNamesTheFileTheTensorAndBothShapes() throws Exception {
        Path file = folder.resolve("wide.pt");
        TorchScriptNetworkWriter.write(DenseNetwork.random(1, Activation.TANH, Activation.LINEAR, 3, 4, 2), file);

        ModelException inputs = assertThrows(ModelException.class, () -> TorchScriptModel.load("pose", file, 2, 2));
        assertTrue(inputs.getMessage().contains("model 'pose'") && inputs.getMessage().contains(file.toString()),
                inputs.getMessage());
        assertTrue(inputs.getMessage().contains("input tensor 0")
                && inputs.getMessage().contains("refused shape [1, 2]"), inputs.getMessage());

        ModelException outputs = assertThrows(ModelException.class, () -> TorchScriptModel.load("pose", file, 3, 5));
        assertTrue(outputs.getMessage().contains("output tensor 0")
                && outputs.getMessage().contains("expected shape [1, 5]")
                && outputs.getMessage().contains("found [1, 2] of float"), outputs.getMessage());
    }

    @Test
    void aMissingOrCorruptFileSaysWhatWasExpected() throws Exception {
        Path missing = folder.resolve("absent.pt");
        ModelException absent = assertThrows(ModelException.class, () -> TorchScriptModel.load("pose", missing, 2, 2));
        assertTrue(absent.getMessage().contains(missing.toString()) && absent.getMessage().contains("not found"),
                absent.getMessage());

        Path corrupt = folder.resolve("corrupt.pt");
        Files.writeString(corrupt, "this is not a zip archive");
        ModelException broken = assertThrows(ModelException.class, () -> TorchScriptModel.load("pose", corrupt, 2, 2));
        assertTrue(broken.getMessage().contains(corrupt.toString())
                && broken.getMessage().contains("not a TorchScript module"), broken.getMessage());
    }

    @Test
    void libtorchIsUnpackedIntoTheCacheNotTmpAndTheDeviceFollowsWhatTheEngineReports() throws Exception {
        Path file = folder.resolve("tiny.pt");
        TorchScriptNetworkWriter.write(DenseNetwork.random(2, Activation.TANH, Activation.LINEAR, 2, 2), file);
        try (TorchScriptModel model = TorchScriptModel.load("tiny", file, 2, 2)) {
            Path cache = DjlSettings.cacheFolder();
            assertTrue(!cache.startsWith("/tmp"), "cache at " + cache);
            try (Stream<Path> entries = Files.list(cache.resolve("pytorch"))) {
                assertTrue(entries.findAny().isPresent(), "libtorch unpacked under " + cache);
            }
            // The device is CUDA exactly when DJL's PyTorch sees a GPU (none here: CPU build).
            boolean gpu = Engine.getEngine("PyTorch").getGpuCount() > 0;
            assertEquals(ComputeDevice.requested().resolve(gpu), model.device());
        }
    }
}
