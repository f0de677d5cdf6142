package org.vernissage.models.nca;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.vernissage.models.ModelException;

/**
 * The command that trains the bundled NCA's weights and writes them with their model card:
 * {@code scripts/train-nca.sh [--seed S] [--iterations N] [--threads T] [--out FOLDER]}
 * (the script builds the models module and runs this class). Prints a progress bar on the
 * terminal; the result is the same for a seed whatever the thread count.
 *
 * <p>Runs on the main thread of its own JVM.
 */
public final class NcaTraining {

    /** The seed the bundled weights were trained with. */
    public static final long BUNDLED_SEED = 7;
    public static final String MODEL_NAME = "flower";

    private NcaTraining() {
    }

    public static void main(String[] args) throws Exception {
        long seed = BUNDLED_SEED;
        Integer iterations = null;
        Integer threads = null;
        Path out = Path.of("artworks", "bloom", "models");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(require(args[i], value));
                case "--iterations" -> iterations = Integer.parseInt(require(args[i], value));
                case "--threads" -> threads = Integer.parseInt(require(args[i], value));
                case "--out" -> out = Path.of(require(args[i], value));
                default -> {
                    System.err.println("usage: train-nca [--seed S] [--iterations N] [--threads T] [--out FOLDER];"
                            + " unknown argument " + args[i]);
                    System.exit(2);
                }
            }
            i++;
        }
        NcaTrainingPlan plan = NcaTrainingPlan.bundled(seed);
        if (iterations != null) {
            plan = plan.withIterations(iterations);
        }
        if (threads != null) {
            plan = plan.withThreads(threads);
        }
        String command = "scripts/train-nca.sh --seed " + seed
                + (iterations == null ? "" : " --iterations " + iterations);
        train(plan, out, command, System.out);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** Trains, writes {@code FOLDER/flower.nca.json} and its card, and says what it did. */
    public static NcaWeightsFile.NcaModel train(NcaTrainingPlan plan, Path folder, String command, PrintStream out)
            throws IOException, InterruptedException, ModelException {
        out.println("training the NCA: " + plan);
        float[] target = NcaTarget.flower(plan.size());
        NcaTrainer trainer = new NcaTrainer(plan, target);
        ProgressBar bar = new ProgressBar(out);
        NcaTrainer.Result result = trainer.train(bar::show, () -> false);
        out.println();
        NcaWeightsFile.NcaModel model = new NcaWeightsFile.NcaModel(result.weights(), plan.size(), plan.seed(),
                result.iterations(), result.finalLoss(), command);
        Path weightsFile = folder.resolve(MODEL_NAME + ".nca.json");
        NcaWeightsFile.write(weightsFile, model);
        double[] latency = stepLatencyMicros(result.weights(), plan.size());
        NcaCard.write(folder.resolve(MODEL_NAME + ".card.json"), weightsFile, model, plan, result.seconds(),
                Instant.now(), latency[0], latency[1]);
        out.printf("wrote %s: %d parameters, final loss %.5f, %.1f s%n", weightsFile,
                result.weights().parameterCount(), result.finalLoss(), result.seconds());
        return model;
    }

    /** p50 and p99 of one CPU step of the grid, in microseconds (the card's plain-Java latency). */
    static double[] stepLatencyMicros(NcaWeights weights, int size) {
        NcaGrid grid = new NcaGrid(weights, size, 1);
        grid.plantSeed();
        grid.step(64);
        long[] times = new long[200];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            grid.step(1);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return new double[] {times[times.length / 2] / 1e3, times[times.length * 99 / 100] / 1e3};
    }

    /** A terminal progress bar redrawn in place, at most every 1 %. */
    private static final class ProgressBar {
        private static final int WIDTH = 40;
        private final PrintStream out;
        private int lastPercent = -1;

        ProgressBar(PrintStream out) {
            this.out = out;
        }

        void show(int iteration, int total, double loss) {
            int percent = iteration * 100 / total;
            if (percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            int filled = percent * WIDTH / 100;
            out.printf("\r[%s%s] %3d%%  step %d/%d  loss %.5f", "#".repeat(filled), ".".repeat(WIDTH - filled),
                    percent, iteration, total, loss);
            out.flush();
        }
    }
}
