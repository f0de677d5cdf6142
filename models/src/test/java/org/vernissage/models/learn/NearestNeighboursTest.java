package org.vernissage.models.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vernissage.models.ModelException;

class NearestNeighboursTest {

    private static final float[][] CENTRES = {{0f, 0f}, {10f, 0f}, {0f, 10f}};

    /** Three gaussian blobs (x in 0..10, so normalisation matters little), classes 1..3. */
    static ExampleSet blobs(int perClass, long seed) {
        ExampleSet set = new ExampleSet(List.of("x", "y"), List.of("scene"));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < CENTRES.length; c++) {
                set.addLabelled(new float[] {CENTRES[c][0] + gauss(random), CENTRES[c][1] + gauss(random)}, c + 1);
            }
        }
        return set;
    }

    @Test
    void classifiesHeldOutPointsOfThreeBlobs() throws ModelException {
        NearestNeighbours knn = NearestNeighbours.fit("scenes", blobs(30, 1), 5);
        ExampleSet heldOut = blobs(50, 2);
        float[] out = new float[1];
        int right = 0;
        for (Example example : heldOut.examples()) {
            knn.run(example.inputs(), out);
            if (out[0] == example.label()) {
                right++;
            }
        }
        assertEquals(NearestNeighbours.Mode.CLASSIFY, knn.mode());
        assertEquals(3, knn.classCount());
        assertTrue(right >= 147, right + " of 150 held-out points classified right");
    }

    @Test
    void regressesByAveragingTheKNearest() throws ModelException {
        ExampleSet set = new ExampleSet(List.of("x"), List.of("level"));
        set.add(new float[] {0f}, new float[] {0f});
        set.add(new float[] {1f}, new float[] {0.2f});
        set.add(new float[] {2f}, new float[] {0.4f});
        set.add(new float[] {10f}, new float[] {1f});
        NearestNeighbours knn = NearestNeighbours.fit("level", set, 2);
        float[] out = new float[1];
        knn.run(new float[] {0.6f}, out);
        assertEquals(0.1f, out[0], 1e-6f); // nearest: 1 (0.2) and 0 (0.0)
        knn.run(new float[] {9f}, out);
        assertEquals(0.7f, out[0], 1e-6f); // nearest: 10 (1.0) and 2 (0.4)
    }

    @Test
    void runAllocatesNothing() throws ModelException {
        NearestNeighbours knn = NearestNeighbours.fit("scenes", blobs(100, 3), 5);
        float[] in = {3f, 4f};
        float[] out = new float[1];
        assertEquals(0, Allocations.leastPerWindow(() -> knn.run(in, out), 20_000, 5_000, 4));
    }

    @Test
    void refusesAnEmptySetAndMixedExamples() {
        ExampleSet empty = new ExampleSet(List.of("x"), List.of("scene"));
        ModelException none = assertThrows(ModelException.class, () -> NearestNeighbours.fit("s", empty, 3));
        assertTrue(none.getMessage().startsWith("s: too few examples to train: 0"), none.getMessage());
        ExampleSet mixed = new ExampleSet(List.of("x"), List.of("scene"));
        mixed.addLabelled(new float[] {0f}, 1);
        mixed.add(new float[] {1f}, new float[] {0.5f});
        ModelException refused = assertThrows(ModelException.class, () -> NearestNeighbours.fit("s", mixed, 3));
        assertTrue(refused.getMessage().contains("example 1 has outputs but no class"), refused.getMessage());
    }

    private static float gauss(SplittableRandom random) {
        // Box-Muller, standard deviation 1
        double u = 1 - random.nextDouble();
        return (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble()));
    }
}
