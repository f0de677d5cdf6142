package org.vernissage.models.declare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.models.ModelException;
import org.vernissage.models.learn.Activation;
import org.vernissage.models.learn.TrainingOptions;

class ModelDeclarationsTest {

    @TempDir
    Path folder;

    private final ParameterLayout layout = new ParameterLayout(List.of(
            scalar("hand_x"), scalar("hand_y"), scalar("hue"), scalar("energy"), scalar("scene"),
            new ParameterSpec("focus", ParameterType.VEC2, 0, 1, new float[] {0.5f, 0.5f}, "", "")));

    private static ParameterSpec scalar(String name) {
        return new ParameterSpec(name, ParameterType.FLOAT, 0, 1, new float[] {0f}, "", "");
    }

    @Test
    void readsEveryFieldWithItsDefaults() throws Exception {
        Files.createDirectories(folder.resolve("models"));
        Files.writeString(folder.resolve("models/pose.model.json"), "{}");
        manifest("""
                [{"name": "pose", "type": "mlp", "inputs": ["hand_x", "hand_y"], "outputs": ["hue", "energy"],
                  "training": {"seed": 7, "hidden": [32, 8], "steps": 900, "learningRate": 0.005, "activation": "relu",
                               "output": "sigmoid", "batch": 0}},
                 {"name": "scenes", "type": "knn", "inputs": ["hand_x"], "outputs": ["scene"],
                  "file": "models/s.json", "examples": "models/s.examples.json", "training": {"k": 5}, "run": false},
                 {"name": "art", "type": "onnx", "inputs": ["hand_x"], "outputs": ["hue"], "file": "models/art.onnx"}]
                """);
        List<ModelDeclaration> models = ModelDeclarations.read(folder, layout);
        assertEquals(3, models.size());
        ModelDeclaration pose = models.get(0);
        Path base = folder.toAbsolutePath().normalize();
        assertEquals(ModelType.MLP, pose.type());
        assertEquals(List.of("hand_x", "hand_y"), pose.inputs());
        assertEquals(List.of("hue", "energy"), pose.outputs());
        assertEquals(base.resolve("models/pose.model.json"), pose.file());
        assertEquals(base.resolve("models/pose.examples.json"), pose.examples());
        assertEquals(base.resolve("models/pose.card.json"), pose.cardFile());
        assertTrue(pose.run(), "runs by default because its file exists");
        TrainingOptions training = pose.training();
        assertEquals(7, training.seed());
        assertArrayEquals(new int[] {32, 8}, training.hidden());
        assertEquals(900, training.steps());
        assertEquals(0.005f, training.learningRate());
        assertEquals(0, training.batchSize());
        assertEquals(Activation.RELU, training.hiddenActivation());
        assertEquals(Activation.SIGMOID, training.outputActivation());

        ModelDeclaration scenes = models.get(1);
        assertEquals(5, scenes.training().k());
        assertEquals(TrainingOptions.DEFAULT_STEPS, scenes.training().steps());
        assertFalse(scenes.run());
        assertEquals(base.resolve("models/s.json"), scenes.file());

        ModelDeclaration art = models.get(2);
        assertEquals(ModelType.ONNX, art.type());
        assertNull(art.examples());
        assertFalse(art.run(), "does not run by default: its file is not there");
    }

    @Test
    void noModelsIsAnEmptyList() throws Exception {
        Files.writeString(folder.resolve("artwork.json"), "{\"title\": \"t\"}");
        assertEquals(List.of(), ModelDeclarations.read(folder, layout));
    }

    @Test
    void errorsNameTheFileTheFieldAndTheModel() throws Exception {
        Path manifest = folder.resolve("artwork.json");
        assertRefused("[{\"name\": \"pose\", \"type\": \"mlp\", \"inputs\": [\"hand_z\"], \"outputs\": [\"hue\"]}]",
                manifest + ": models[0].inputs[0]: expected the name of a declared parameter (model \"pose\"), found"
                        + " \"hand_z\", which is not in \"parameters\"");
        assertRefused("[{\"name\": \"pose\", \"type\": \"mlp\", \"inputs\": [\"focus\"], \"outputs\": [\"hue\"]}]",
                manifest + ": models[0].inputs[0]: expected a single-value parameter (float, int, bool or event;"
                        + " model \"pose\"), found \"focus\" of type vec2");
        assertRefused("[{\"name\": \"s\", \"type\": \"knn\", \"inputs\": [\"hand_x\"], \"outputs\": [\"hue\", \"energy\"]}]",
                manifest + ": models[0].outputs: expected one parameter (model \"s\" is a knn classifier: its output"
                        + " is the class number 1..n), found [\"hue\",\"energy\"]");
        assertRefused("[{\"name\": \"a\", \"type\": \"onnx\", \"inputs\": [\"hand_x\"], \"outputs\": [\"hue\"]}]",
                manifest + ": models[0].file: expected a path inside the artwork's folder, e.g. \"models/a.onnx\""
                        + " (model \"a\" is not trained by the engine, so its file must be named), found nothing"
                        + " (the field is missing)");
        assertRefused("[{\"name\": \"a\", \"type\": \"mlp\", \"inputs\": [\"hand_x\"], \"outputs\": [\"hue\"],"
                        + " \"file\": \"../../etc/passwd\"}]",
                manifest + ": models[0].file: expected a path inside the artwork's folder, e.g. \"models/a.onnx\""
                        + " (model \"a\"), found \"../../etc/passwd\"");
        assertRefused("[{\"name\": \"Pose\", \"type\": \"mlp\", \"inputs\": [\"hand_x\"], \"outputs\": [\"hue\"]}]",
                manifest + ": models[0].name: expected a name of lower-case letters, digits and _ starting with a"
                        + " letter, found \"Pose\"");
        assertRefused("[{\"name\": \"a\", \"type\": \"svm\", \"inputs\": [\"hand_x\"], \"outputs\": [\"hue\"]}]",
                manifest + ": models[0].type: expected one of mlp, knn, dtw, onnx, torchscript, found \"svm\"");
        assertRefused("[{\"name\": \"a\", \"type\": \"mlp\", \"inputs\": [\"hand_x\"], \"outputs\": [\"hue\"],"
                        + " \"training\": {\"steps\": 0}}]",
                manifest + ": models[0].training.steps: expected an integer from 1 to 10000000, found 0");
        assertRefused("[{\"name\": \"a\", \"type\": \"mlp\", \"inputs\": [\"hand_x\"], \"outputs\": [\"hue\"],"
                        + " \"trainng\": {}}]",
                manifest + ": models[0].trainng: unknown field; allowed here: name, type, inputs, outputs, file,"
                        + " examples, training, run, description");
        assertRefused("[{\"name\": \"a\", \"type\": \"mlp\", \"inputs\": [\"hand_x\"], \"outputs\": [\"hue\"]},"
                        + " {\"name\": \"a\", \"type\": \"knn\", \"inputs\": [\"hand_x\"], \"outputs\": [\"hue\"]}]",
                manifest + ": models[1].name: expected a name no other model uses, found \"a\" (already used)");
        assertRefused("{\"name\": \"a\"}", manifest + ": models: expected an array of model objects, found {\"name\":\"a\"}");
    }

    private void assertRefused(String models, String message) throws IOException {
        manifest(models);
        ModelException refused = assertThrows(ModelException.class, () -> ModelDeclarations.read(folder, layout));
        assertEquals(message, refused.getMessage());
    }

    private void manifest(String models) throws IOException {
        Files.writeString(folder.resolve("artwork.json"), "{\"title\": \"t\", \"models\": " + models + "}");
    }
}
