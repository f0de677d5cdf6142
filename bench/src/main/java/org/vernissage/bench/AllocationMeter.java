package org.vernissage.bench;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by given threads, from {@code com.sun.management.ThreadMXBean} (HotSpot counts
 * every TLAB and outside-TLAB allocation per thread), and their CPU time. Read before and after a
 * measured window; the difference divided by the messages in the window is the cost per message.
 *
 * <p>Stateless; any thread.
 */
final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    /** Bytes allocated so far by all of {@code threads} together. */
    static long allocatedBytes(Thread... threads) {
        long sum = 0;
        for (Thread thread : threads) {
            long bytes = THREADS.getThreadAllocatedBytes(thread.threadId());
            if (bytes < 0) {
                throw new IllegalStateException("no allocation count for thread " + thread.getName()
                        + " (ended, or measurement disabled)");
            }
            sum += bytes;
        }
        return sum;
    }

    /** CPU time (user + system) used so far by all of {@code threads} together, in nanoseconds. */
    static long cpuNanos(Thread... threads) {
        long sum = 0;
        for (Thread thread : threads) {
            long nanos = THREADS.getThreadCpuTime(thread.threadId());
            if (nanos < 0) {
                throw new IllegalStateException("no CPU time for thread " + thread.getName());
            }
            sum += nanos;
        }
        return sum;
    }

    /** The live thread named exactly {@code name}. */
    static Thread thread(String name) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                return thread;
            }
        }
        throw new IllegalStateException("no thread named " + name);
    }
}
