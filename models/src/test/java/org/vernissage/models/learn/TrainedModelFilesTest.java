package org.vernissage.models.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;

class TrainedModelFilesTest {

    @TempDir
    Path folder;

    private final TrainedModelFiles files = new TrainedModelFiles();

    @Test
    void anMlpComesBackBitForBitAndAnswersTheSame() throws ModelException {
        MlpNetwork network = new MlpTrainer(TrainingOptions.defaults().withSteps(100).withSeed(9))
                .train("pose", MlpTrainerTest.sampled(80, 4));
        Path file = folder.resolve("models/pose.model.json");
        files.save(file, network);
        MlpNetwork loaded = files.loadMlp(file, "pose");
        assertEquals(network.digest(), loaded.digest());
        assertEquals(network.architecture(), loaded.architecture());
        assertEquals(network.training(), loaded.training());
        SplittableRandom random = new SplittableRandom(1);
        float[] in = new float[3];
        float[] a = new float[2];
        float[] b = new float[2];
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 3; j++) {
                in[j] = (float) random.nextDouble(-1, 1);
            }
            network.run(in, a);
            loaded.run(in, b);
            assertArrayEquals(a, b);
        }
    }

    @Test
    void knnAndDtwComeBackWithTheirDigests() throws ModelException {
        NearestNeighbours knn = NearestNeighbours.fit("scenes", NearestNeighboursTest.blobs(10, 1), 3);
        Path knnFile = folder.resolve("scenes.model.json");
        files.save(knnFile, knn);
        Model loadedKnn = files.load(knnFile, "scenes");
        assertInstanceOf(NearestNeighbours.class, loadedKnn);
        assertEquals(knn.digest(), TrainedModelFiles.digestOf(loadedKnn));

        DtwRecognizer dtw = DtwRecognizer.fit("g", DtwRecognizerTest.templates(new SplittableRandom(2)), 8, 0.3f);
        Path dtwFile = folder.resolve("g.model.json");
        files.save(dtwFile, dtw);
        assertEquals(dtw.digest(), TrainedModelFiles.digestOf(files.load(dtwFile, "g")));
    }

    @Test
    void anEditedWeightIsRefusedByTheDigest() throws Exception {
        MlpNetwork network = new MlpTrainer(TrainingOptions.defaults().withSteps(20))
                .train("pose", MlpTrainerTest.sampled(20, 4));
        Path file = folder.resolve("pose.model.json");
        files.save(file, network);
        String text = Files.readString(file);
        String firstBias = "\"biases\" : [ ";
        int at = text.indexOf(firstBias) + firstBias.length();
        Files.writeString(file, text.substring(0, at) + "0.4242, " + text.substring(text.indexOf(',', at) + 2));
        ModelException refused = assertThrows(ModelException.class, () -> files.load(file, "pose"));
        assertTrue(refused.getMessage().startsWith(file + ": digest: expected the digest of the weights in the file"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("the file was edited or damaged"), refused.getMessage());
    }

    @Test
    void aTruncatedWrongOrMissingFileGivesAClearMessage() throws Exception {
        Path truncated = folder.resolve("t.model.json");
        Files.writeString(truncated, "{\"format\":\"vernissage-model/1\",\"type\":\"mlp\",\"architecture\":{\"siz");
        ModelException broken = assertThrows(ModelException.class, () -> files.load(truncated, "t"));
        assertTrue(broken.getMessage().startsWith(truncated + ":1:"), broken.getMessage());

        Path short_ = folder.resolve("s.model.json");
        Files.writeString(short_, "{\"format\":\"vernissage-model/1\",\"type\":\"mlp\",\"architecture\":{\"sizes\":[2,1],"
                + "\"hidden\":\"tanh\",\"output\":\"linear\"},\"normalisation\":{\"mean\":[0,0],\"scale\":[1,1]},"
                + "\"layers\":[{\"weights\":[0.5],\"biases\":[0]}],\"digest\":\"x\"}");
        ModelException wrong = assertThrows(ModelException.class, () -> files.load(short_, "s"));
        assertEquals(short_ + ": layers[0].weights: expected an array of 2 finite numbers, found [0.5] (1 numbers)",
                wrong.getMessage());

        Path missing = folder.resolve("missing.model.json");
        ModelException absent = assertThrows(ModelException.class, () -> files.load(missing, "m"));
        assertEquals(missing + ": no such file (expected a trained model (vernissage-model/1))", absent.getMessage());
    }
}
