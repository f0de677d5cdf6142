package org.vernissage.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The kernel's scheduling times of every thread of this process, by thread name, from
 * {@code /proc/self/task/TID/schedstat}: time on a core, time runnable but waiting for one, and
 * times scheduled. Unlike {@code ThreadMXBean} it sees the threads the JVM hides (the JIT's
 * compilers, the GC's workers) and native ones (llvmpipe's rasterisers). Threads of the same name
 * are summed. Linux only: elsewhere the map is empty.
 *
 * <p>Any thread; stateless.
 */
public record ThreadTimes(long runNanos, long waitNanos, long slices) {

    public static final ThreadTimes ZERO = new ThreadTimes(0, 0, 0);

    public ThreadTimes plus(ThreadTimes other) {
        return new ThreadTimes(runNanos + other.runNanos, waitNanos + other.waitNanos, slices + other.slices);
    }

    public ThreadTimes minus(ThreadTimes other) {
        return new ThreadTimes(runNanos - other.runNanos, waitNanos - other.waitNanos, slices - other.slices);
    }

    /** Every thread's times now, by name. */
    public static Map<String, ThreadTimes> byName() {
        Map<String, ThreadTimes> byName = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String[] fields = Files.readString(task.resolve("schedstat")).strip().split(" ");
                    byName.merge(name, new ThreadTimes(Long.parseLong(fields[0]), Long.parseLong(fields[1]),
                            Long.parseLong(fields[2])), ThreadTimes::plus);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException unreadable) {
            return Map.of();
        }
        return byName;
    }
}
