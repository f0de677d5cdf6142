package org.vernissage.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.models.learn.Activation;
import org.vernissage.models.djl.TorchScriptModel;
import org.vernissage.models.djl.TorchScriptNetworkWriter;
import org.vernissage.models.onnx.OnnxModel;
import org.vernissage.models.onnx.OnnxNetworkWriter;

class ModelLoaderTest {

    @TempDir
    Path folder;

    @Test
    void picksTheRuntimeByExtensionAndBothRuntimesAgree() throws Exception {
        DenseNetwork network = DenseNetwork.random(21, Activation.TANH, Activation.SIGMOID, 4, 8, 2);
        Path onnx = folder.resolve("look.onnx");
        Path torch = folder.resolve("look.pt");
        OnnxNetworkWriter.write(network, onnx);
        TorchScriptNetworkWriter.write(network, torch);

        float[] in = {0.1f, -0.4f, 0.9f, 0.3f};
        float[] fromOnnx = new float[2];
        float[] fromTorch = new float[2];
        try (Model a = ModelLoader.load("look", onnx, 4, 2); Model b = ModelLoader.load("look", torch, 4, 2)) {
            assertInstanceOf(OnnxModel.class, a);
            assertInstanceOf(TorchScriptModel.class, b);
            a.run(in, fromOnnx);
            b.run(in, fromTorch);
        }
        assertArrayEquals(fromOnnx, fromTorch, 1e-5f);
    }

    @Test
    void aDeclaredTypeWinsOverTheExtension() throws Exception {
        Path file = folder.resolve("look.model");
        TorchScriptNetworkWriter.write(DenseNetwork.random(1, Activation.TANH, Activation.LINEAR, 2, 2), file);
        try (Model model = ModelLoader.load("look", ModelLoader.TORCHSCRIPT, file, 2, 2)) {
            assertInstanceOf(TorchScriptModel.class, model);
        }
        // The same file declared as ONNX: ONNX Runtime's refusal names the file.
        ModelException wrong = assertThrows(ModelException.class,
                () -> ModelLoader.load("look", ModelLoader.ONNX, file, 2, 2));
        assertTrue(wrong.getMessage().contains(file.toString()), wrong.getMessage());
    }

    @Test
    void anUnknownExtensionOrTypeIsRefusedWithWhatIsKnown() throws Exception {
        Path file = folder.resolve("look.h5");
        Files.writeString(file, "keras");
        ModelException extension = assertThrows(ModelException.class, () -> ModelLoader.load("look", file, 2, 2));
        assertTrue(extension.getMessage().contains("look.h5") && extension.getMessage().contains(".onnx")
                && extension.getMessage().contains(".pt"), extension.getMessage());
        ModelException type = assertThrows(ModelException.class,
                () -> ModelLoader.load("look", "tensorflow", file, 2, 2));
        assertTrue(type.getMessage().contains("unknown type 'tensorflow'"), type.getMessage());
    }
}
