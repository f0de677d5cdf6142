package org.vernissage.models.nca;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Trains an NCA to grow a target pattern from one seed cell, keep it, and regrow it after damage:
 * sample-pool training as in "Growing Neural Cellular Automata" (Mordvintsev et al., Distill 2020).
 * Each step takes a batch from a pool of states, replaces the worst with a fresh seed, erases a disc
 * of the best ones, rolls all of them out for a random number of NCA steps, and takes the mean
 * squared error of the final RGBA to the target; the gradient comes back through every step by
 * hand ({@link NcaRule#backward}), each weight array's gradient is scaled to unit length (the
 * paper's normalisation, which keeps the long rollouts from exploding), and Adam moves the weights.
 * The rolled-out states go back to the pool.
 *
 * <p>Deterministic: the plan's seed fixes the initial weights, batches, damage and each cell's
 * firing; samples are rolled out on {@code plan.threads()} workers, each with its own gradient
 * arrays, summed in batch order, so the thread count does not change a bit of the result.
 *
 * <p>Called on one thread (the caller's), which it blocks until done; its workers are its own.
 */
public final class NcaTrainer {

    /** Told after every optimiser step. */
    @FunctionalInterface
    public interface Progress {
        void step(int iteration, int total, double loss);
    }

    /**
     * @param weights the trained rule
     * @param finalLoss mean loss of the last tenth of the steps
     * @param iterations steps done (fewer than planned when cancelled)
     * @param seconds wall time
     */
    public record Result(NcaWeights weights, double finalLoss, int iterations, double seconds) {
    }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final NcaTrainingPlan plan;
    private final float[] target;

    /**
     * @param target premultiplied RGBA of {@code plan.size()} squared cells ({@link NcaTarget})
     */
    public NcaTrainer(NcaTrainingPlan plan, float[] target) {
        if (target.length != plan.size() * plan.size() * 4) {
            throw new IllegalArgumentException("the target has " + target.length + " numbers, expected "
                    + plan.size() * plan.size() * 4 + " (RGBA of a " + plan.size() + "x" + plan.size() + " grid)");
        }
        this.plan = plan;
        this.target = target.clone();
    }

    public Result train(Progress progress, BooleanSupplier cancelled) throws InterruptedException {
        long start = System.nanoTime();
        int size = plan.size();
        int channels = plan.channels();
        int cells = size * size;
        SplittableRandom root = new SplittableRandom(plan.seed());
        NcaWeights weights = NcaWeights.initial(channels, plan.hidden(), root.split());
        SplittableRandom picks = root.split();
        float[][] pool = new float[plan.pool()][cells * channels];
        for (float[] state : pool) {
            NcaGrid.plantSeed(state, size, channels);
        }
        Rollout[] rollouts = new Rollout[plan.batch()];
        for (int b = 0; b < rollouts.length; b++) {
            rollouts[b] = new Rollout(plan, target);
        }
        Adam[] adams = {new Adam(weights.w1Shared().length), new Adam(weights.b1Shared().length),
            new Adam(weights.w2Shared().length)};
        int[] order = new int[plan.pool()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int[] chosen = new int[plan.batch()];
        double[] losses = new double[plan.iterations()];
        int done = 0;
        ExecutorService workers = Executors.newFixedThreadPool(plan.threads(), r -> {
            Thread t = new Thread(r, "vernissage-nca-train");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int iteration = 0; iteration < plan.iterations() && !cancelled.getAsBoolean(); iteration++) {
                choose(picks, order, chosen, pool, cells, channels);
                int steps = plan.minSteps() + picks.nextInt(plan.maxSteps() - plan.minSteps() + 1);
                List<Callable<Void>> tasks = new ArrayList<>(rollouts.length);
                for (int b = 0; b < rollouts.length; b++) {
                    Rollout rollout = rollouts[b];
                    System.arraycopy(pool[chosen[b]], 0, rollout.start, 0, rollout.start.length);
                    if (b == 0) {
                        java.util.Arrays.fill(rollout.start, 0f);
                        NcaGrid.plantSeed(rollout.start, size, channels);
                    } else if (b >= rollouts.length - plan.damaged()) {
                        double cx = size / 2.0 + (picks.nextDouble() * 2 - 1) * size * 0.25;
                        double cy = size / 2.0 + (picks.nextDouble() * 2 - 1) * size * 0.25;
                        double radius = size * (0.1 + 0.12 * picks.nextDouble());
                        NcaGrid.erase(rollout.start, size, channels, cx, cy, radius);
                    }
                    long fireSeed = picks.nextLong();
                    NcaWeights current = weights;
                    tasks.add(() -> {
                        rollout.run(current, steps, fireSeed);
                        return null;
                    });
                }
                for (Future<Void> f : workers.invokeAll(tasks)) {
                    f.get();
                }
                double loss = 0;
                for (int b = 0; b < rollouts.length; b++) {
                    loss += rollouts[b].loss / rollouts.length;
                    System.arraycopy(rollouts[b].end, 0, pool[chosen[b]], 0, rollouts[b].end.length);
                }
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("NCA training diverged at step " + iteration + " (loss " + loss
                            + "); try another seed or a smaller learning rate");
                }
                double rate = iteration < plan.iterations() * 4 / 5 ? plan.learningRate() : plan.learningRate() * 0.1;
                weights = new NcaWeights(channels, plan.hidden(),
                        adams[0].step(weights.w1Shared(), sum(rollouts, 0), rate),
                        adams[1].step(weights.b1Shared(), sum(rollouts, 1), rate),
                        adams[2].step(weights.w2Shared(), sum(rollouts, 2), rate));
                losses[iteration] = loss;
                done = iteration + 1;
                progress.step(done, plan.iterations(), loss);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("an NCA training worker failed: " + e.getCause(), e.getCause());
        } finally {
            workers.shutdownNow();
        }
        int tail = Math.max(1, done / 10);
        double finalLoss = 0;
        for (int i = done - tail; i < done; i++) {
            finalLoss += losses[i] / tail;
        }
        return new Result(weights, done == 0 ? Double.NaN : finalLoss, done, (System.nanoTime() - start) / 1e9);
    }

    /** Picks a batch without repeats, sorted worst loss first. */
    private void choose(SplittableRandom picks, int[] order, int[] chosen, float[][] pool, int cells, int channels) {
        for (int i = 0; i < chosen.length; i++) {
            int j = i + picks.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            chosen[i] = order[i];
        }
        double[] loss = new double[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            loss[i] = NcaGrid.visibleError(pool[chosen[i]], target, cells, channels);
        }
        // Insertion sort, worst first: a batch is a handful.
        for (int i = 1; i < chosen.length; i++) {
            for (int j = i; j > 0 && loss[j] > loss[j - 1]; j--) {
                double l = loss[j];
                loss[j] = loss[j - 1];
                loss[j - 1] = l;
                int c = chosen[j];
                chosen[j] = chosen[j - 1];
                chosen[j - 1] = c;
            }
        }
    }

    /** The batch's gradient of one weight array (0 w1, 1 b1, 2 w2), summed in batch order, scaled to unit length. */
    private static float[] sum(Rollout[] rollouts, int which) {
        float[] total = rollouts[0].gradient(which).clone();
        for (int b = 1; b < rollouts.length; b++) {
            float[] g = rollouts[b].gradient(which);
            for (int i = 0; i < total.length; i++) {
                total[i] += g[i];
            }
        }
        double norm = 0;
        for (float v : total) {
            norm += (double) v * v;
        }
        float scale = (float) (1 / (Math.sqrt(norm) + 1e-8));
        for (int i = 0; i < total.length; i++) {
            total[i] *= scale;
        }
        return total;
    }

    /** One sample of the batch: its rollout, loss and gradients. */
    private static final class Rollout {
        private final NcaRule rule;
        private final int cells;
        private final int channels;
        private final float[] target;
        final float[] start;
        final float[] end;
        private final float[] a;
        private final float[] b;
        private final float[] fire;
        private final NcaRule.Trace[] traces;
        private final float[] g;
        private final float[] gNext;
        private final float[] gw1;
        private final float[] gb1;
        private final float[] gw2;
        double loss;

        Rollout(NcaTrainingPlan plan, float[] target) {
            int size = plan.size();
            this.cells = size * size;
            this.channels = plan.channels();
            this.target = target;
            this.rule = new NcaRule(size, channels, plan.hidden());
            this.start = new float[cells * channels];
            this.end = new float[cells * channels];
            this.a = new float[cells * channels];
            this.b = new float[cells * channels];
            this.fire = new float[cells];
            this.traces = new NcaRule.Trace[plan.maxSteps()];
            for (int t = 0; t < traces.length; t++) {
                traces[t] = new NcaRule.Trace(cells, 3 * channels, plan.hidden());
            }
            this.g = new float[cells * channels];
            this.gNext = new float[cells * channels];
            this.gw1 = new float[3 * channels * plan.hidden()];
            this.gb1 = new float[plan.hidden()];
            this.gw2 = new float[channels * plan.hidden()];
        }

        float[] gradient(int which) {
            return which == 0 ? gw1 : which == 1 ? gb1 : gw2;
        }

        void run(NcaWeights weights, int steps, long fireSeed) {
            SplittableRandom random = new SplittableRandom(fireSeed);
            float[] x = a;
            float[] next = b;
            System.arraycopy(start, 0, x, 0, x.length);
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < cells; i++) {
                    fire[i] = (float) random.nextDouble();
                }
                rule.forward(weights, x, next, fire, traces[t]);
                float[] swap = x;
                x = next;
                next = swap;
            }
            System.arraycopy(x, 0, end, 0, end.length);
            loss = NcaGrid.visibleError(x, target, cells, channels);
            java.util.Arrays.fill(gNext, 0f);
            float scale = 2f / (cells * NcaWeights.VISIBLE);
            for (int cell = 0; cell < cells; cell++) {
                for (int c = 0; c < NcaWeights.VISIBLE; c++) {
                    gNext[cell * channels + c] = scale * (x[cell * channels + c] - target[cell * 4 + c]);
                }
            }
            java.util.Arrays.fill(gw1, 0f);
            java.util.Arrays.fill(gb1, 0f);
            java.util.Arrays.fill(gw2, 0f);
            float[] gIn = gNext;
            float[] gOut = g;
            for (int t = steps - 1; t >= 0; t--) {
                rule.backward(weights, traces[t], gIn, gOut, gw1, gb1, gw2);
                float[] swap = gIn;
                gIn = gOut;
                gOut = swap;
            }
        }
    }

    /** Adam's moments for one weight array. */
    private static final class Adam {
        private final double[] m;
        private final double[] v;
        private int t;

        Adam(int length) {
            m = new double[length];
            v = new double[length];
        }

        float[] step(float[] weights, float[] gradient, double rate) {
            t++;
            float[] out = new float[weights.length];
            // StrictMath: Math.pow may differ in the last bit between CPUs; the seed must fix every bit.
            double c1 = 1 - StrictMath.pow(BETA1, t);
            double c2 = 1 - StrictMath.pow(BETA2, t);
            for (int i = 0; i < weights.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * gradient[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * gradient[i] * gradient[i];
                out[i] = (float) (weights[i] - rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON));
            }
            return out;
        }
    }
}
