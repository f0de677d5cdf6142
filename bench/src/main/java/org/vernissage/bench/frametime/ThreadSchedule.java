package org.vernissage.bench.frametime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the time of a block of frames went, per thread of this process and for the whole machine:
 * the kernel's schedstat of each thread (time on a core, time runnable but waiting for one, times
 * scheduled), and the machine's CPU time outside this process, read at the start and the end of
 * each block and summed per side (engine, bare). It tells which threads run more, or wait longer
 * for a core, while one loop plays than while the other does. Linux only; when {@code /proc} cannot
 * be read it reports nothing.
 *
 * <p>Render thread only, at block boundaries (outside the recorded frames); owned by the pacer.
 */
class ThreadSchedule {

    /** Reads nothing and reports nothing: the default, so the reads' own JIT stays out of the blocks. */
    static final ThreadSchedule NONE = new ThreadSchedule() {
        @Override
        void begin() {
        }

        @Override
        void end(int blockFrames) {
        }
    };

    /** Per thread name (thread ids differ between runs; llvmpipe's threads share a prefix). */
    private record Times(long runNanos, long waitNanos, long slices) {
        Times plus(Times other) {
            return new Times(runNanos + other.runNanos, waitNanos + other.waitNanos, slices + other.slices);
        }

        Times minus(Times other) {
            return new Times(runNanos - other.runNanos, waitNanos - other.waitNanos, slices - other.slices);
        }
    }

    private final Map<String, Times> totals = new TreeMap<>();
    private Map<String, Times> atStart = Map.of();
    private long machineAtStart;
    private long processAtStart;
    private long machineOthers;
    private long frames;

    /** At the first frame of a block. */
    void begin() {
        atStart = read();
        machineAtStart = machineBusyTicks();
        processAtStart = processTicks();
    }

    /** At the end of a block of {@code blockFrames} frames. */
    void end(int blockFrames) {
        Map<String, Times> now = read();
        for (Map.Entry<String, Times> entry : now.entrySet()) {
            Times before = atStart.getOrDefault(entry.getKey(), new Times(0, 0, 0));
            totals.merge(entry.getKey(), entry.getValue().minus(before), Times::plus);
        }
        machineOthers += (machineBusyTicks() - machineAtStart) - (processTicks() - processAtStart);
        frames += blockFrames;
    }

    /** One line per thread with more than a trace of time, per frame, beside the other side's. */
    static void report(String size, ThreadSchedule engine, ThreadSchedule bare, PrintStream out) {
        if (engine.frames == 0 || bare.frames == 0) {
            return;
        }
        out.printf(Locale.ROOT, "%-10s per frame, engine | bare: run us, waiting for a core us, slices%n", size);
        TreeMap<String, Times> names = new TreeMap<>(engine.totals);
        bare.totals.forEach(names::putIfAbsent);
        for (String name : names.keySet()) {
            Times e = engine.totals.getOrDefault(name, new Times(0, 0, 0));
            Times b = bare.totals.getOrDefault(name, new Times(0, 0, 0));
            if (e.runNanos + b.runNanos < 1_000 * (engine.frames + bare.frames) / 100) {
                continue; // under 10 ns a frame on both sides
            }
            out.printf(Locale.ROOT, "  %-24s %8.1f %7.1f %6.2f | %8.1f %7.1f %6.2f%n", name,
                    e.runNanos / 1e3 / engine.frames, e.waitNanos / 1e3 / engine.frames, e.slices / (double) engine.frames,
                    b.runNanos / 1e3 / bare.frames, b.waitNanos / 1e3 / bare.frames, b.slices / (double) bare.frames);
        }
        double tickMicros = 1e6 / 100; // USER_HZ
        out.printf(Locale.ROOT, "  %-24s %8.1f %7s %6s | %8.1f%n", "(other processes, kernel)",
                engine.machineOthers * tickMicros / engine.frames, "", "",
                bare.machineOthers * tickMicros / bare.frames);
    }

    private static Map<String, Times> read() {
        Map<String, Times> byName = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String[] fields = Files.readString(task.resolve("schedstat")).strip().split(" ");
                    Times times = new Times(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]));
                    byName.merge(name, times, Times::plus);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException unreadable) {
            return Map.of();
        }
        return byName;
    }

    /** All CPUs' non-idle time, in clock ticks, from /proc/stat's first line. */
    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** This process's user and system time, in clock ticks. */
    private static long processTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
