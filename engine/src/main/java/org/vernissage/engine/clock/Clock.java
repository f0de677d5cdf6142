package org.vernissage.engine.clock;

/**
 * The engine's source of time, injected everywhere time is read so that tests and replays can
 * step it deterministically.
 *
 * <p>Called from any thread; implementations must be safe for concurrent readers. Owned by
 * whoever assembles the engine (the app), which hands the same instance to every component.
 */
public interface Clock {

    /** Monotonic time in nanoseconds; only differences between two readings are meaningful. */
    long nanos();
}
