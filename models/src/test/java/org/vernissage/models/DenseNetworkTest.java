package org.vernissage.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.models.learn.Activation;
import org.vernissage.models.learn.MlpNetwork;
import org.vernissage.models.learn.TrainingSummary;
import org.vernissage.models.onnx.OnnxNetworkWriter;

class DenseNetworkTest {

    @TempDir
    Path folder;

    @Test
    void aNetworkTheEngineTrainedExportsWithItsNormalisationFoldedIn() throws Exception {
        MlpNetwork mlp = mlp(new Random(9), 5, 7, 2);
        DenseNetwork dense = DenseNetwork.of(mlp);
        assertEquals(mlp.parameterCount(), dense.parameterCount());

        Path file = folder.resolve("trained.onnx");
        OnnxNetworkWriter.write(dense, file);
        Random random = new Random(4);
        float[] in = new float[5];
        float[] fromMlp = new float[2];
        float[] fromDense = new float[2];
        float[] fromOnnx = new float[2];
        float[] a = new float[dense.widest()];
        float[] b = new float[dense.widest()];
        try (Model onnx = ModelLoader.load("trained", file, 5, 2)) {
            for (int trial = 0; trial < 20; trial++) {
                for (int i = 0; i < in.length; i++) {
                    in[i] = random.nextFloat() * 10f - 5f;
                }
                mlp.run(in, fromMlp);
                dense.evaluate(in, fromDense, a, b);
                onnx.run(in, fromOnnx);
                assertArrayEquals(fromMlp, fromDense, 1e-5f, "trial " + trial);
                assertArrayEquals(fromMlp, fromOnnx, 1e-5f, "trial " + trial);
            }
        }
    }

    /** An MLP with random weights and a non-trivial input normalisation. */
    static MlpNetwork mlp(Random random, int... sizes) {
        float[][] w = new float[sizes.length - 1][];
        float[][] b = new float[sizes.length - 1][];
        for (int l = 0; l < w.length; l++) {
            w[l] = new float[sizes[l] * sizes[l + 1]];
            b[l] = new float[sizes[l + 1]];
            for (int i = 0; i < w[l].length; i++) {
                w[l][i] = random.nextFloat() - 0.5f;
            }
            for (int i = 0; i < b[l].length; i++) {
                b[l][i] = random.nextFloat() - 0.5f;
            }
        }
        float[] mean = new float[sizes[0]];
        float[] scale = new float[sizes[0]];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = random.nextFloat() * 4f - 2f;
            scale[i] = 0.2f + random.nextFloat();
        }
        return new MlpNetwork("trained", sizes, Activation.TANH, Activation.SIGMOID, w, b, mean, scale,
                TrainingSummary.UNKNOWN);
    }
}
