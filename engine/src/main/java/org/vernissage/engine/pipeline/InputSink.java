package org.vernissage.engine.pipeline;

/**
 * What a sensor adapter sees of the engine: a place to offer raw channel values, and whole
 * {@link InputBatch}es that must arrive together (an OSC bundle, a TUIO frame). Implemented by
 * {@link InputRing}; adapters never touch show state directly.
 *
 * <p>Called from the adapters' own threads (several at once); implementations are safe for
 * concurrent producers, never block and never allocate.
 */
public interface InputSink extends ParameterInput {

    /**
     * Offers a raw value for binding channel {@code channel} (the binding's index in the
     * manifest), to apply as soon as it reaches the conductor.
     *
     * @return {@code false} when the engine could not take it (ring full); count it as dropped
     */
    boolean offerChannel(int channel, float value, long arrivalNanos);

    /**
     * Offers every event of {@code batch}, all or nothing: the conductor applies them in order
     * and no snapshot ever shows only part of them. The batch may be cleared and reused as soon as
     * this returns.
     *
     * @return {@code false} when the ring had no room for all of them (none was taken)
     */
    boolean offer(InputBatch batch);
}
