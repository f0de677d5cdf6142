package org.vernissage.engine.pipeline;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Threads for rings under test, and waiting on what their consumers do. Stateless. */
final class RingTestThreads {

    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private RingTestThreads() {
    }

    /** Daemon threads named {@code name}: a failed test must not keep the JVM alive. */
    static ThreadFactory daemons(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Waits until {@code condition} holds, or fails after 5 s naming {@code what}. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what);
            }
            Thread.yield();
        }
    }
}
