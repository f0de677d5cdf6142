package org.vernissage.models.learn;

import java.lang.management.ManagementFactory;

/** Bytes the current thread allocates over calls of an action: the least of a few windows after a warm-up. */
final class Allocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    static long leastPerWindow(Runnable action, int warmUp, int window, int windows) {
        for (int i = 0; i < warmUp; i++) {
            action.run();
        }
        long least = Long.MAX_VALUE;
        for (int w = 0; w < windows; w++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < window; i++) {
                action.run();
            }
            least = Math.min(least, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }
}
