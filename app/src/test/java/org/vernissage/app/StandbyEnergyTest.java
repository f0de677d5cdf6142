package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 4 of issue 12 on this machine: a work standing by in closed hours uses at most a tenth of
 * the CPU time per hour that it uses in open hours (the same piece, size and rate, one after the
 * other in the same JVM). CPU time is what the energy estimate is made of, and what RAPL follows
 * most closely on a machine without a GPU.
 *
 * <p>Measured as the kernel accounts it per thread ({@code /proc/self/task/TID/schedstat}, in
 * nanoseconds), over every thread of this JVM but the test harness's: the threads alive when the
 * test began, less the JVM's own compilers and collectors and llvmpipe's rasterisers, which a show
 * pays for too. The whole
 * process's CPU time is no measure of the engine here: on this kind of machine
 * {@code getProcessCpuTime} counts 10 ms ticks (a standby's 3 s came to 7 to 10 of them), and
 * surefire's channel thread alone took more of a closed window than the engine's render thread and
 * conductor together (50 ms against 20 in 3 s).
 */
class StandbyEnergyTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final String ALL_DAY = "[\"00:00-12:00\", \"12:00-00:00\"]";

    @TempDir
    Path temp;

    /** The threads of the test harness: alive before any run, and neither the JVM's nor Mesa's. */
    private final Set<String> harness = new HashSet<>();

    @BeforeEach
    void noteTheHarness() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/task")), "per-thread CPU time is read from Linux's /proc");
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            for (Path thread : threads.toList()) {
                String name = read(thread.resolve("comm"));
                // The JVM's own threads and Mesa's rasterisers (made by whichever earlier test first
                // drew, and kept for the process) do the show's work; the rest is the harness.
                boolean shows = name.startsWith("C1 ") || name.startsWith("C2 ") || name.startsWith("GC ")
                        || name.startsWith("G1 ") || name.startsWith("VM ") || name.startsWith("llvmpipe");
                if (!shows) {
                    harness.add(thread.getFileName().toString());
                }
            }
        }
    }

    /** CPU nanoseconds of every thread but the harness's, as the kernel counts them. */
    private long engineCpuNanos() throws IOException {
        long total = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            for (Path thread : threads.toList()) {
                if (!harness.contains(thread.getFileName().toString())) {
                    String schedstat = read(thread.resolve("schedstat")); // "run-ns wait-ns slices"
                    total += schedstat.isEmpty() ? 0 : Long.parseLong(schedstat.split(" ")[0]);
                }
            }
        }
        return total;
    }

    /** The file's text, or "" when its thread ended in between. */
    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file).trim();
        } catch (NoSuchFileException ended) {
            return "";
        }
    }

    /**
     * CPU seconds per hour of the engine while the run plays under {@code hours}, over 4 s after
     * 2.5 s to settle (the JIT's compilers, which count, are still busy with the switch for a
     * second or two: half of a closed window's CPU when it began after one second).
     */
    private double cpuSecondsPerHour(String name, String hours) throws Exception {
        Path venue = Files.writeString(temp.resolve(name + ".json"), "{\"hours\": " + hours + "}");
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(160, 90)).withFramesPerSecond(60)
                .withSensors(SensorOptions.defaults().withOsc(List.of())).withReload(false);
        options = options.withOutput(options.output().withVenue(venue));
        try (BackgroundRun playing = BackgroundRun.start(options, List.of())) {
            Thread.sleep(2_500);
            long cpuBefore = engineCpuNanos();
            long wallBefore = System.nanoTime();
            Thread.sleep(4_000);
            double cpuSeconds = (engineCpuNanos() - cpuBefore) / 1e9;
            double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
            return cpuSeconds / wallSeconds * 3600;
        }
    }

    @Test
    void standingByInClosedHoursTakesAtMostATenthOfOpenHoursCpuTime() throws Exception {
        StringBuilder week = new StringBuilder("{");
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            week.append(week.length() > 1 ? ", " : "").append('"').append(day).append("\": ").append(ALL_DAY);
        }
        week.append('}');
        double open = cpuSecondsPerHour("open", "{\"timeZone\": \"UTC\", \"week\": " + week + "}");
        double closed = cpuSecondsPerHour("closed", "{\"timeZone\": \"UTC\", \"week\": {}}");
        System.out.printf("standby: %.0f CPU s per hour open, %.0f closed (ratio %.3f)%n", open, closed, closed / open);
        assertTrue(closed <= open / 10, String.format("closed hours used %.0f CPU s per hour, open hours %.0f:"
                + " standby must use at most a tenth", closed, open));
    }
}
