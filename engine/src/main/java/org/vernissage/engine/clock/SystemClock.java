package org.vernissage.engine.clock;

/**
 * The wall-independent monotonic clock of the running JVM ({@link System#nanoTime()}).
 *
 * <p>Stateless and thread-safe; one instance serves the whole engine.
 */
public final class SystemClock implements Clock {

    @Override
    public long nanos() {
        return System.nanoTime();
    }
}
