package org.vernissage.models.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vernissage.models.ModelException;

class MlpTrainerTest {

    /** The function the networks learn: smooth, two outputs in 0..1 from three inputs. */
    static float[] target(float[] x) {
        return new float[] {
            0.5f + 0.4f * (float) Math.sin(2 * x[0]) * x[1],
            0.5f + 0.3f * x[2] - 0.2f * x[0] * x[0]
        };
    }

    static ExampleSet sampled(int count, long seed) {
        ExampleSet set = new ExampleSet(List.of("a", "b", "c"), List.of("hue", "energy"));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            float[] x = {(float) random.nextDouble(-1, 1), (float) random.nextDouble(-1, 1),
                (float) random.nextDouble(-1, 1)};
            set.add(x, target(x));
        }
        return set;
    }

    @Test
    void learnsAKnownFunctionWithinABoundOnHeldOutPoints() throws ModelException {
        ExampleSet train = sampled(300, 7);
        ExampleSet heldOut = sampled(200, 8);
        MlpNetwork network = new MlpTrainer(TrainingOptions.defaults().withHidden(24, 24).withSteps(1500))
                .train("fn", train);
        float[] out = new float[2];
        double squared = 0;
        double baseline = 0;
        for (Example example : heldOut.examples()) {
            network.run(example.inputs(), out);
            for (int j = 0; j < 2; j++) {
                squared += sq(out[j] - example.output(j));
                baseline += sq(0.5f - example.output(j));
            }
        }
        double rmse = Math.sqrt(squared / (2 * heldOut.count()));
        double baselineRmse = Math.sqrt(baseline / (2 * heldOut.count()));
        assertTrue(rmse < 0.03, "held-out RMSE " + rmse + " (predicting 0.5 everywhere: " + baselineRmse + ")");
    }

    @Test
    void sameSeedGivesTheSameWeightsAndAnotherSeedDoesNot() throws ModelException {
        ExampleSet set = sampled(120, 3);
        TrainingOptions options = TrainingOptions.defaults().withSteps(200);
        MlpNetwork first = new MlpTrainer(options).train("a", set);
        MlpNetwork second = new MlpTrainer(options).train("a", set.copy());
        MlpNetwork other = new MlpTrainer(options.withSeed(2)).train("a", set);
        assertEquals(first.digest(), second.digest());
        for (int l = 0; l < 3; l++) {
            assertArrayEquals(first.weights(l), second.weights(l));
        }
        assertNotEquals(first.digest(), other.digest());
    }

    @Test
    void reportsProgressAndCanBeCancelled() {
        ExampleSet set = sampled(50, 1);
        List<Integer> steps = new ArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        TrainingCancelledException cancelled = assertThrows(TrainingCancelledException.class,
                () -> new MlpTrainer(TrainingOptions.defaults().withSteps(600))
                        .train("c", set, (step, total, loss) -> steps.add(step), () -> polls.incrementAndGet() > 300));
        assertEquals(300, cancelled.stepsDone());
        assertEquals(1, steps.get(0), "the first step says the training started");
        for (int step = 6; step <= 300; step += 6) {
            assertTrue(steps.contains(step), "every 6th step of 600 is reported: " + step);
        }
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i) > steps.get(i - 1), "in order: " + steps);
        }
        assertEquals(300, steps.get(steps.size() - 1));
    }

    @Test
    void refusesTooFewExamplesWithAClearMessage() {
        ExampleSet set = sampled(1, 1);
        ModelException refused = assertThrows(ModelException.class,
                () -> new MlpTrainer(TrainingOptions.defaults()).train("pose", set));
        assertTrue(refused.getMessage().contains("pose: too few examples to train: 1, expected at least 2"),
                refused.getMessage());
    }

    @Test
    void refusesANaNExampleNamingIt() {
        ExampleSet set = sampled(3, 1);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> set.add(new float[] {0f, Float.NaN, 0f}, new float[] {0f, 0f}));
        assertEquals("example 3: input 1 is NaN, expected a finite number", refused.getMessage());
    }

    @Test
    void runAllocatesNothing() throws ModelException {
        ExampleSet set = new ExampleSet(List.of("a", "b", "c", "d", "e", "f", "g", "h"), List.of("x", "y", "z"));
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 200; i++) {
            float[] in = new float[8];
            for (int j = 0; j < 8; j++) {
                in[j] = (float) random.nextDouble();
            }
            set.add(in, new float[] {in[0], in[1] * in[2], 0.5f});
        }
        MlpNetwork network = new MlpTrainer(TrainingOptions.defaults().withHidden(32, 32).withSteps(50))
                .train("typical", set);
        float[] in = set.get(0).inputs();
        float[] out = new float[3];
        assertEquals(0, Allocations.leastPerWindow(() -> network.run(in, out), 20_000, 5_000, 4));
        assertEquals(8 * 32 + 32 + 32 * 32 + 32 + 32 * 3 + 3, network.parameterCount());
        assertEquals("MLP 8-32-32-3 tanh/linear", network.architecture());
    }

    private static double sq(double v) {
        return v * v;
    }
}
