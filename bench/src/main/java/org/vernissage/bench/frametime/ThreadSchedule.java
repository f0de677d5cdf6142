package org.vernissage.bench.frametime;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vernissage.bench.ThreadTimes;

/**
 * Where the time of a block of frames went, per thread of this process: the kernel's scheduling
 * times of each thread ({@link ThreadTimes}: time on a core, time runnable but waiting for one,
 * times scheduled), read at the start and the end of each block and summed per side (engine,
 * bare). It tells which threads run more, or wait longer for a core, while one loop plays than
 * while the other does.
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

    private final Map<String, ThreadTimes> totals = new TreeMap<>();
    private Map<String, ThreadTimes> atStart = Map.of();
    private long frames;

    /** At the first frame of a block. */
    void begin() {
        atStart = ThreadTimes.byName();
    }

    /** At the end of a block of {@code blockFrames} frames. */
    void end(int blockFrames) {
        ThreadTimes.byName().forEach((name, now) ->
                totals.merge(name, now.minus(atStart.getOrDefault(name, ThreadTimes.ZERO)), ThreadTimes::plus));
        frames += blockFrames;
    }

    /** One line per thread with more than a trace of time, per frame, beside the other side's. */
    static void report(String size, ThreadSchedule engine, ThreadSchedule bare, PrintStream out) {
        if (engine.frames == 0 || bare.frames == 0) {
            return;
        }
        out.printf(Locale.ROOT, "%-10s per frame, engine | bare: run us, waiting for a core us, slices%n", size);
        TreeMap<String, ThreadTimes> names = new TreeMap<>(engine.totals);
        bare.totals.forEach(names::putIfAbsent);
        for (String name : names.keySet()) {
            ThreadTimes e = engine.totals.getOrDefault(name, ThreadTimes.ZERO);
            ThreadTimes b = bare.totals.getOrDefault(name, ThreadTimes.ZERO);
            if (e.runNanos() + b.runNanos() < 10 * (engine.frames + bare.frames)) {
                continue; // under 10 ns a frame on both sides
            }
            out.printf(Locale.ROOT, "  %-24s %8.1f %7.1f %6.2f | %8.1f %7.1f %6.2f%n", name,
                    e.runNanos() / 1e3 / engine.frames, e.waitNanos() / 1e3 / engine.frames,
                    e.slices() / (double) engine.frames, b.runNanos() / 1e3 / bare.frames,
                    b.waitNanos() / 1e3 / bare.frames, b.slices() / (double) bare.frames);
        }
    }
}
