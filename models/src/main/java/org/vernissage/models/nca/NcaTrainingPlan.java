package org.vernissage.models.nca;

/**
 * How an NCA is trained: the grid and network sizes, the pool of states ("sample pool" training,
 * which teaches the pattern to persist), how many of each batch are damaged (which teaches it to
 * regrow), the rollout lengths, Adam's step size, the seed and the worker threads. The seed alone
 * fixes the result: the thread count changes only the speed.
 *
 * <p>Immutable; any thread.
 *
 * @param size grid side in cells
 * @param channels state channels per cell (a multiple of 4; the first 4 are RGBA)
 * @param hidden hidden units of the rule (a multiple of 4)
 * @param iterations optimiser steps
 * @param batch states rolled out per step
 * @param pool states kept between steps
 * @param damaged how many of each batch (the best ones) get a disc erased before the rollout
 * @param minSteps fewest NCA steps in a rollout
 * @param maxSteps most NCA steps in a rollout
 * @param learningRate Adam's step size (multiplied by 0.1 for the last fifth)
 * @param seed every random choice: initial weights, batches, damage, firing
 * @param threads workers rolling out the batch in parallel
 */
public record NcaTrainingPlan(int size, int channels, int hidden, int iterations, int batch, int pool, int damaged,
                              int minSteps, int maxSteps, double learningRate, long seed, int threads) {

    public NcaTrainingPlan {
        if (size < 8 || iterations < 1 || batch < 1 || pool < batch || damaged < 0 || damaged >= batch
                || minSteps < 1 || maxSteps < minSteps || !(learningRate > 0) || threads < 1) {
            throw new IllegalArgumentException("an NCA training plan needs size >= 8, iterations >= 1,"
                    + " 1 <= batch <= pool, 0 <= damaged < batch, 1 <= minSteps <= maxSteps, a positive"
                    + " learning rate and at least one thread, got " + this);
        }
    }

    /** The plan the bundled artwork's weights were trained with, for {@code seed}. */
    public static NcaTrainingPlan bundled(long seed) {
        return new NcaTrainingPlan(32, 12, 32, 8000, 8, 128, 2, 32, 48, 3e-3, seed,
                Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
    }

    public NcaTrainingPlan withIterations(int count) {
        return new NcaTrainingPlan(size, channels, hidden, count, batch, pool, damaged, minSteps, maxSteps,
                learningRate, seed, threads);
    }

    public NcaTrainingPlan withThreads(int count) {
        return new NcaTrainingPlan(size, channels, hidden, iterations, batch, pool, damaged, minSteps, maxSteps,
                learningRate, seed, count);
    }
}
