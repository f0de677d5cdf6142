package org.vernissage.models.interact;

/**
 * One preallocated item of the conductor-to-trainer queue: an example or a command. Filled on the
 * conductor thread, read on the trainer thread, then returned to the pool; the queues' ordering
 * publishes its fields.
 */
final class TrainerWork {

    /** A command, or null for an example. */
    ModelCommand command;
    int model;
    int a;
    int b;
    float value;
    final float[] inputs;
    int inputCount;
    final float[] outputs;
    int outputCount;

    TrainerWork(int maxInputs, int maxOutputs) {
        inputs = new float[maxInputs];
        outputs = new float[maxOutputs];
    }
}
