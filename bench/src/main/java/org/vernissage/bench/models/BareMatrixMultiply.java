package org.vernissage.bench.models;

import org.vernissage.models.DenseNetwork;
import org.vernissage.models.Model;

/**
 * The baseline for the MLP path: the same network as a bare matrix multiply, nothing else
 * (the input normalisation folded into the first layer's weights by {@link DenseNetwork#of}, then
 * {@link DenseNetwork#evaluate}'s three loops per layer). What the engine's own MLP path
 * ({@code MlpNetwork}) adds to it is the cost being measured.
 *
 * <p>Called on the bench's main thread only; owns its two scratch rows.
 */
final class BareMatrixMultiply implements Model {

    private final DenseNetwork network;
    private final float[] scratchA;
    private final float[] scratchB;

    BareMatrixMultiply(DenseNetwork network) {
        this.network = network;
        this.scratchA = new float[network.widest()];
        this.scratchB = new float[network.widest()];
    }

    @Override
    public String name() {
        return "bare matrix multiply";
    }

    @Override
    public int inputCount() {
        return network.inputCount();
    }

    @Override
    public int outputCount() {
        return network.outputCount();
    }

    @Override
    public void run(float[] inputs, float[] outputs) {
        network.evaluate(inputs, outputs, scratchA, scratchB);
    }

    @Override
    public void close() {
        // Nothing outside the heap.
    }
}
