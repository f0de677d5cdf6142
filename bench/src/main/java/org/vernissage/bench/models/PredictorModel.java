package org.vernissage.bench.models;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import java.io.IOException;
import java.nio.file.Path;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;
import org.vernissage.models.djl.DjlSettings;

/**
 * A model file run the way DJL's documentation runs one: {@link Criteria}, {@link ZooModel} and a
 * {@link Predictor} with a float[] to float[] translator (a fresh NDArray in, a Java array out, per
 * call). The benchmark's comparison rows for "DJL's own API" against the engine's direct paths.
 * Owned by the benchmark's thread.
 */
final class PredictorModel implements Model {

    private final String name;
    private final int inputCount;
    private final int outputCount;
    private final ZooModel<float[], float[]> model;
    private final Predictor<float[], float[]> predictor;

    PredictorModel(String name, String engine, Path file, int inputCount, int outputCount)
            throws ModelNotFoundException, MalformedModelException, IOException {
        DjlSettings.apply();
        this.name = name;
        this.inputCount = inputCount;
        this.outputCount = outputCount;
        model = Criteria.builder().setTypes(float[].class, float[].class).optModelPath(file).optEngine(engine)
                .optTranslator(new Floats(inputCount)).build().loadModel();
        predictor = model.newPredictor();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputCount() {
        return inputCount;
    }

    @Override
    public int outputCount() {
        return outputCount;
    }

    @Override
    public void run(float[] inputs, float[] outputs) throws ModelException {
        try {
            float[] result = predictor.predict(inputs);
            System.arraycopy(result, 0, outputs, 0, outputCount);
        } catch (TranslateException e) {
            throw new ModelException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }

    private record Floats(int inputCount) implements NoBatchifyTranslator<float[], float[]> {
        @Override
        public NDList processInput(TranslatorContext context, float[] input) {
            return new NDList(context.getNDManager().create(input, new Shape(1, inputCount)));
        }

        @Override
        public float[] processOutput(TranslatorContext context, NDList list) {
            return list.singletonOrThrow().toFloatArray();
        }
    }
}
