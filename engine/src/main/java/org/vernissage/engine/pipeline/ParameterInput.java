package org.vernissage.engine.pipeline;

/**
 * What a sensor adapter sees of the engine: a place to offer new parameter values. Implemented by
 * {@link InputRing}; adapters never touch show state directly.
 *
 * <p>Called from the adapters' own threads (several at once); implementations must be safe for
 * concurrent producers and must not allocate.
 */
public interface ParameterInput {

    /**
     * Offers a new value for snapshot slot {@code slot}.
     *
     * @return {@code false} when the engine could not take it (ring full); the caller counts it
     *     as dropped and never blocks
     */
    boolean offerParameter(int slot, float value, long arrivalNanos);
}
