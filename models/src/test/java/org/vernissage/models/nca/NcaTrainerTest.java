package org.vernissage.models.nca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The NCA trainer on a small grid: deterministic for a seed whatever the thread count, another
 * seed gives other weights, and the loss falls well below the empty grid's.
 */
class NcaTrainerTest {

    private static NcaTrainingPlan small(long seed, int iterations, int threads) {
        return new NcaTrainingPlan(16, 8, 16, iterations, 4, 16, 1, 12, 16, 3e-3, seed, threads);
    }

    @Test
    void sameSeedSameWeightsWhateverTheThreads() throws Exception {
        float[] target = NcaTarget.flower(16);
        NcaTrainer.Result one = new NcaTrainer(small(3, 6, 1), target).train((i, n, l) -> { }, () -> false);
        NcaTrainer.Result two = new NcaTrainer(small(3, 6, 2), target).train((i, n, l) -> { }, () -> false);
        NcaTrainer.Result other = new NcaTrainer(small(4, 6, 2), target).train((i, n, l) -> { }, () -> false);
        assertEquals(one.weights(), two.weights());
        assertEquals(NcaWeightsFile.digest(one.weights()), NcaWeightsFile.digest(two.weights()));
        assertNotEquals(one.weights(), other.weights());
    }

    @Test
    void lossFallsWellBelowTheEmptyGrids() throws Exception {
        float[] target = NcaTarget.flower(16);
        double empty = NcaGrid.visibleError(new float[16 * 16 * 8], target, 16 * 16, 8);
        List<Double> losses = new ArrayList<>();
        NcaTrainer.Result result = new NcaTrainer(small(1, 150, 2), target)
                .train((i, n, loss) -> losses.add(loss), () -> false);
        assertEquals(150, losses.size());
        // Deterministic for the seed; a rule that learned nothing stays at the empty grid's error.
        System.out.printf("NCA 16x16, 150 steps: final loss %.5f, empty grid %.5f%n", result.finalLoss(), empty);
        assertTrue(result.finalLoss() < 0.7 * empty, "final loss " + result.finalLoss() + ", empty grid " + empty);
    }

    @Test
    void cancelStopsEarly() throws Exception {
        int[] seen = new int[1];
        NcaTrainer.Result result = new NcaTrainer(small(1, 50, 1), NcaTarget.flower(16))
                .train((i, n, loss) -> seen[0] = i, () -> seen[0] >= 3);
        assertEquals(3, result.iterations());
    }
}
