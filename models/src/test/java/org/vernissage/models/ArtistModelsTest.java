package org.vernissage.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.models.declare.ModelDeclaration;
import org.vernissage.models.declare.ModelDeclarations;
import org.vernissage.models.djl.TorchScriptNetworkWriter;
import org.vernissage.models.learn.Activation;
import org.vernissage.models.onnx.OnnxNetworkWriter;

/** An artwork folder declaring an artist's ONNX and TorchScript models in its manifest. */
class ArtistModelsTest {

    @TempDir
    Path artwork;

    @Test
    void declaredOnnxAndTorchScriptModelsLoadAgainstTheirDeclaredParameters() throws Exception {
        DenseNetwork look = DenseNetwork.random(5, Activation.TANH, Activation.SIGMOID, 2, 8, 3);
        OnnxNetworkWriter.write(look, artwork.resolve("models/look.onnx"));
        TorchScriptNetworkWriter.write(look, artwork.resolve("models/look_torch.pt"));
        manifest("""
                {"name": "onnx", "type": "onnx", "inputs": ["hand_x", "hand_y"],
                 "outputs": ["hue", "energy", "grain"], "file": "models/look.onnx"},
                {"name": "look_torch", "type": "torchscript", "inputs": ["hand_x", "hand_y"],
                 "outputs": ["hue", "energy", "grain"], "file": "models/look_torch.pt"}""");

        List<ModelDeclaration> declared = ModelDeclarations.read(artwork, null);
        assertEquals(2, declared.size());
        float[] hand = {0.25f, 0.75f};
        float[] expected = new float[3];
        look.evaluate(hand, expected, new float[8], new float[8]);
        for (ModelDeclaration declaration : declared) {
            try (Model model = ModelLoader.load(declaration)) {
                float[] out = new float[3];
                model.run(hand, out);
                assertArrayEquals(expected, out, 1e-5f, declaration.name());
            }
        }
    }

    @Test
    void aModelWithMoreOutputsThanTheManifestBindsIsRefusedAtLoad() throws Exception {
        OnnxNetworkWriter.write(DenseNetwork.random(5, Activation.TANH, Activation.SIGMOID, 2, 8, 3),
                artwork.resolve("models/look.onnx"));
        manifest("""
                {"name": "look", "type": "onnx", "inputs": ["hand_x", "hand_y"],
                 "outputs": ["hue", "energy"], "file": "models/look.onnx"}""");
        ModelDeclaration declaration = ModelDeclarations.read(artwork, null).get(0);
        ModelException refused = assertThrows(ModelException.class, () -> ModelLoader.load(declaration));
        assertTrue(refused.getMessage().contains("model 'look'")
                && refused.getMessage().contains("look.onnx")
                && refused.getMessage().contains("output tensor 'output'")
                && refused.getMessage().contains("[batch, 2]")
                && refused.getMessage().contains("found [?, 3]"), refused.getMessage());
    }

    @Test
    void aTrainedTypeIsNotAnArtistsFile() throws Exception {
        manifest("""
                {"name": "pose", "type": "mlp", "inputs": ["hand_x"], "outputs": ["hue"]}""");
        ModelDeclaration declaration = ModelDeclarations.read(artwork, null).get(0);
        ModelException refused = assertThrows(ModelException.class, () -> ModelLoader.load(declaration));
        assertTrue(refused.getMessage().contains("'mlp' is trained by the engine"), refused.getMessage());
    }

    private void manifest(String models) throws Exception {
        Files.writeString(artwork.resolve("artwork.json"), """
                {"name": "artist models", "shader": "look.frag",
                 "parameters": [
                   {"name": "hand_x", "type": "float", "min": 0, "max": 1, "default": 0.5},
                   {"name": "hand_y", "type": "float", "min": 0, "max": 1, "default": 0.5},
                   {"name": "hue", "type": "float", "min": 0, "max": 1, "default": 0},
                   {"name": "energy", "type": "float", "min": 0, "max": 1, "default": 0},
                   {"name": "grain", "type": "float", "min": 0, "max": 1, "default": 0}],
                 "models": [%s]}
                """.formatted(models));
    }
}
