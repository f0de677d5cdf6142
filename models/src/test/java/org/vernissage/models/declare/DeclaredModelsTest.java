package org.vernissage.models.declare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;
import org.vernissage.models.learn.DtwRecognizer;
import org.vernissage.models.learn.ExampleSet;
import org.vernissage.models.learn.TrainingOptions;

class DeclaredModelsTest {

    @TempDir
    Path folder;

    private ModelDeclaration declaration(String name, ModelType type, List<String> inputs, List<String> outputs) {
        return new ModelDeclaration(name, type, inputs, outputs, folder.resolve("models/" + name + ".model.json"),
                folder.resolve("models/" + name + ".examples.json"),
                TrainingOptions.defaults().withWindow(4).withThreshold(0.5f), false, "");
    }

    @Test
    void trainsSavesAndLoadsADtwDeclarationReportingOneStep() throws ModelException {
        ModelDeclaration gestures = declaration("wave", ModelType.DTW, List.of("x"), List.of("gesture"));
        ExampleSet examples = DeclaredModels.examples(gestures);
        assertEquals(0, examples.count(), "no examples file yet: an empty set with the declared names");
        examples.addGesture(new float[][] {{0f}, {1f}, {0f}}, 1);
        examples.save(gestures.examples());
        List<Integer> steps = new ArrayList<>();
        Model trained = DeclaredModels.train(gestures, DeclaredModels.examples(gestures),
                (step, total, loss) -> steps.add(step), () -> false);
        assertEquals(List.of(1), steps);
        DeclaredModels.save(gestures, trained);
        DtwRecognizer loaded = assertInstanceOf(DtwRecognizer.class, DeclaredModels.load(gestures));
        assertEquals(4, loaded.window());
        assertEquals(0.5f, loaded.threshold());
    }

    @Test
    void examplesWithOtherNamesOrAModelOfAnotherShapeAreRefused() throws ModelException {
        ModelDeclaration pose = declaration("pose", ModelType.MLP, List.of("a", "b"), List.of("c"));
        ExampleSet other = new ExampleSet(List.of("a", "z"), List.of("c"));
        other.save(pose.examples());
        ModelException names = assertThrows(ModelException.class, () -> DeclaredModels.examples(pose));
        assertEquals(pose.examples() + ": inputs: expected [a, b] (model \"pose\" in the manifest), found [a, z]",
                names.getMessage());

        ModelDeclaration narrower = declaration("pose", ModelType.MLP, List.of("a"), List.of("c"));
        ExampleSet set = new ExampleSet(List.of("a", "b"), List.of("c"));
        set.add(new float[] {0f, 1f}, new float[] {0f});
        set.add(new float[] {1f, 0f}, new float[] {1f});
        Model twoInputs = DeclaredModels.train(pose, set, (s, t, l) -> { }, () -> false);
        ModelException shape = assertThrows(ModelException.class, () -> DeclaredModels.save(narrower, twoInputs));
        assertEquals(narrower.file() + ": model \"pose\" reads 2 inputs, expected 1 [a]", shape.getMessage());

        ModelDeclaration onnx = declaration("art", ModelType.ONNX, List.of("a"), List.of("c"));
        ModelException elsewhere = assertThrows(ModelException.class, () -> DeclaredModels.examples(onnx));
        assertEquals("model \"art\" is onnx: trained elsewhere, expected mlp, knn or dtw to train it here",
                elsewhere.getMessage());
    }
}
