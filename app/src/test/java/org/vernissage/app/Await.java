package org.vernissage.app;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Test support: waits (up to 10 s, polling every millisecond) until what another thread does
 * shows, and fails naming what was awaited.
 *
 * <p>Stateless; called from a test method's thread.
 */
final class Await {

    private static final long LIMIT_SECONDS = 10;

    private Await() {
    }

    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + LIMIT_SECONDS + " s waiting for: " + what);
            }
            Thread.sleep(1);
        }
    }
}
