package org.vernissage.sensors;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * What every receiver does with its thread when it closes: wait a bounded time for it to end, and
 * say so when it does not (a close must never hang a show's shutdown).
 *
 * <p>Stateless; called on the thread closing a receiver.
 */
public final class SensorThreads {

    private SensorThreads() {
    }

    /**
     * Waits up to {@code millis} for {@code thread} to end; nothing to wait for when it is null or
     * the calling thread itself. Logs a warning if it is still alive after that.
     */
    public static void joinWithin(Thread thread, long millis, Logger logger) {
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            logger.log(Level.WARNING, thread.getName() + " did not stop within " + millis + " ms");
        }
    }
}
