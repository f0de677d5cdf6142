package org.vernissage.bench.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** CPU time of this JVM's threads over phases, grouped by what the thread does. Main thread. */
final class ThreadCpu {
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private final java.util.Map<Long, Long> start = new java.util.HashMap<>();
    private final java.util.Map<Long, Long> startKernel = new java.util.HashMap<>();
    private final java.util.Map<String, Long> nanos = new java.util.TreeMap<>();
    private int phases;
    private long callsAtBegin;
    private long calls;
    private long bytesAtBegin;
    private long bytes;
    private java.util.Map<String, Long> hiddenAtBegin = java.util.Map.of();

    void begin() {
        long[] io = ConsoleIo.read();
        callsAtBegin = io[0];
        bytesAtBegin = io[1];
        start.clear();
        startKernel.clear();
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            start.put(id, cpu);
            startKernel.put(id, cpu - threads.getThreadUserTime(id));
        }
        hiddenAtBegin = HiddenThreads.read();
    }

    void end() {
        long[] io = ConsoleIo.read();
        calls += io[0] - callsAtBegin;
        bytes += io[1] - bytesAtBegin;
        phases++;
        HiddenThreads.read().forEach((group, n) -> nanos.merge(group, n - hiddenAtBegin.getOrDefault(group, 0L), Long::sum));
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            String group = group(info.getThreadName());
            nanos.merge(group, cpu - start.getOrDefault(info.getThreadId(), 0L), Long::sum);
            if (group.equals("console server")) { // its time in the kernel: the loopback's sends and receives
                long user = threads.getThreadUserTime(info.getThreadId());
                nanos.merge("console server (kernel)", (cpu - user)
                        - startKernel.getOrDefault(info.getThreadId(), 0L), Long::sum);
            }
        }
    }

    private static String group(String name) {
        if (name.equals("bench-render")) {
            return "render";
        }
        if (name.startsWith("vernissage-console")) {
            return "console server";
        }
        if (name.startsWith("vernissage-preview")) {
            return "preview JPEG";
        }
        return "other";
    }

    String describe(int seconds) {
        StringBuilder line = new StringBuilder();
        nanos.forEach((group, n) -> line.append(String.format(Locale.ROOT, "%s %.1f, ", group, n / 1e6 / seconds)));
        line.append(String.format(Locale.ROOT, "console threads' read+write calls %.1f/s, %.0f kB/s written, ",
                calls / (double) seconds, bytes / 1e3 / seconds));
        return line.substring(0, line.length() - 2);
    }

    /** CPU ms of the console's server and preview threads over the phases. */
    double consoleMillis() {
        return (nanos.getOrDefault("console server", 0L) + nanos.getOrDefault("preview JPEG", 0L)) / 1e6;
    }

    /** Read and write system calls of the console's threads over the phases. */
    long consoleCalls() {
        return calls;
    }

    /**
     * CPU time of the threads {@code ThreadMXBean} does not list: the JIT's compilers (compiling
     * the consoles' code takes a core in bursts of milliseconds), llvmpipe's rasterisers, the GC's
     * workers; from the kernel's per-thread schedstat. Main thread.
     */
    private static final class HiddenThreads {
        static java.util.Map<String, Long> read() {
            java.util.Map<String, Long> byGroup = new java.util.TreeMap<>();
            org.vernissage.bench.ThreadTimes.byName().forEach((name, times) -> {
                String group = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "JIT compilers"
                        : name.startsWith("llvmpipe") ? "llvmpipe"
                        : name.startsWith("GC Thread") || name.startsWith("G1 ") ? "GC" : null;
                if (group != null) {
                    byGroup.merge(group, times.runNanos(), Long::sum);
                }
            });
            return byGroup;
        }
    }

    /**
     * The system calls of the console's server thread ("vernissage-console", which does all its
     * socket reads and writes), from the kernel's per-thread counters in /proc/self/task/TID/io:
     * read-type plus write-type calls, and bytes written. Main thread.
     */
    private static final class ConsoleIo {
        static long[] read() {
            long[] total = new long[2];
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        if (!Files.readString(task.resolve("comm")).startsWith("vernissage-cons")) {
                            continue;
                        }
                        for (String line : Files.readAllLines(task.resolve("io"))) {
                            if (line.startsWith("syscr:") || line.startsWith("syscw:")) {
                                total[0] += Long.parseLong(line.substring(6).strip());
                            } else if (line.startsWith("wchar:")) {
                                total[1] += Long.parseLong(line.substring(6).strip());
                            }
                        }
                    } catch (IOException gone) {
                        // a thread that ended between the listing and the read
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("reading /proc/self/task", e);
            }
            return total;
        }
    }
}
