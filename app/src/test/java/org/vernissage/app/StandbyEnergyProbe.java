package org.vernissage.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The process {@link StandbyEnergyTest} starts: Tidewater played in open hours, then in closed
 * hours, in this one JVM as a gallery's day turns into its night, and this process's CPU time per
 * hour in each, printed as {@code standby: OPEN CPU s per hour open, CLOSED closed}. A process of
 * its own, so that nothing else counts: in the suite's JVM, other tests' leftovers (a collector
 * refining their heap, a compiler working through their methods) took as much of a closed window
 * as the engine did.
 *
 * <p>CPU time is read as the kernel keeps it for each thread ({@code /proc/self/task/TID/schedstat},
 * in nanoseconds): on this kind of machine the JVM's process CPU time counts 10 ms ticks. Every
 * thread counts, the JVM's compilers and collectors and llvmpipe's rasterisers too: a show pays
 * for them; not the main thread, which only starts the runs, sleeps and measures.
 */
final class StandbyEnergyProbe {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final String ALL_DAY = "[\"00:00-12:00\", \"12:00-00:00\"]";

    private StandbyEnergyProbe() {
    }

    /** @param args the folder to write the venue files in */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        StringBuilder week = new StringBuilder("{");
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            week.append(week.length() > 1 ? ", " : "").append('"').append(day).append("\": ").append(ALL_DAY);
        }
        week.append('}');
        double open = cpuSecondsPerHour(folder, "open", "{\"timeZone\": \"UTC\", \"week\": " + week + "}", 2_500);
        // A standby lasts the night: measured once the closed run's start has been compiled.
        double closed = cpuSecondsPerHour(folder, "closed", "{\"timeZone\": \"UTC\", \"week\": {}}", 4_000);
        System.out.printf(Locale.ROOT, "standby: %.1f CPU s per hour open, %.1f closed (ratio %.3f)%n",
                open, closed, closed / open);
        System.exit(0); // the runs' daemon threads are done with; end now
    }

    /** CPU seconds per hour of this process while a run plays under {@code hours}: 4 s after {@code settleMillis}. */
    private static double cpuSecondsPerHour(Path folder, String name, String hours, long settleMillis) throws Exception {
        Path venue = Files.writeString(folder.resolve(name + ".json"), "{\"hours\": " + hours + "}");
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(160, 90)).withFramesPerSecond(60)
                .withSensors(SensorOptions.defaults().withOsc(List.of())).withReload(false);
        options = options.withOutput(options.output().withVenue(venue));
        try (BackgroundRun playing = BackgroundRun.start(options, List.of())) {
            Thread.sleep(settleMillis);
            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            Thread.sleep(4_000);
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
            return cpuSeconds / wallSeconds * 3600;
        }
    }

    /**
     * This process's CPU nanoseconds, as the kernel counts them: every living thread's but the
     * calling one's, which only measures (reading /proc cost it 10-18 ms a window, cold).
     */
    private static long processCpuNanos() throws IOException {
        long total = 0;
        String self = Path.of("/proc/thread-self").toRealPath().getFileName().toString();
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            for (Path thread : threads.toList()) {
                if (thread.getFileName().toString().equals(self)) {
                    continue;
                }
                try {
                    String schedstat = Files.readString(thread.resolve("schedstat")).trim(); // "run-ns wait-ns slices"
                    total += Long.parseLong(schedstat.split(" ")[0]);
                } catch (NoSuchFileException ended) {
                    // the thread ended in between: its time is gone with it, on both sides alike
                }
            }
        }
        return total;
    }
}
