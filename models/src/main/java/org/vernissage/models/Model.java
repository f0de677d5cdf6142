package org.vernissage.models;

/**
 * One runnable model: a fixed number of float inputs to a fixed number of float outputs. Every
 * runtime implements it: a network the engine trained itself (plain Java), nearest neighbours, an
 * ONNX file (ONNX Runtime), a TorchScript file (DJL PyTorch).
 *
 * <p>Owned by one model worker and called only on its thread ({@link #run} is not thread-safe:
 * implementations keep their scratch buffers). {@link #run} must not allocate on the heap per call
 * (native runtimes reuse their tensors), so a model can answer every input at sensor rates for
 * weeks without feeding the garbage collector.
 */
public interface Model extends AutoCloseable {

    /** The model's name, as the manifest gives it: for messages and statistics. */
    String name();

    /** How many floats {@link #run} reads. */
    int inputCount();

    /** How many floats {@link #run} writes. */
    int outputCount();

    /**
     * Runs the model once: reads {@code inputs[0 .. inputCount())}, writes
     * {@code outputs[0 .. outputCount())}. The caller checks the outputs (a NaN is the caller's to
     * count and refuse).
     *
     * @throws ModelException when the runtime failed; the worker counts it and keeps its last good
     *         outputs
     */
    void run(float[] inputs, float[] outputs) throws ModelException;

    /** Frees what the runtime holds outside the heap. Called once, on the owner's thread. */
    @Override
    void close();
}
