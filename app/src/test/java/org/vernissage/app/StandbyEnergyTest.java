package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.energy.CpuTimeEstimate;

/**
 * Item 4 of issue 12 on this machine: a work standing by in closed hours uses at most a tenth of
 * the CPU time per hour that it uses in open hours (the same piece, size and rate, one after the
 * other in the same JVM). CPU time is what the energy estimate is made of, and what RAPL follows
 * most closely on a machine without a GPU.
 */
class StandbyEnergyTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final String ALL_DAY = "[\"00:00-12:00\", \"12:00-00:00\"]";

    @TempDir
    Path temp;

    /** CPU seconds per hour of this process while the run plays under {@code hours}, after a second to settle. */
    private double cpuSecondsPerHour(String name, String hours) throws Exception {
        Path venue = Files.writeString(temp.resolve(name + ".json"), "{\"hours\": " + hours + "}");
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(160, 90)).withFramesPerSecond(60)
                .withSensors(SensorOptions.defaults().withOsc(List.of())).withReload(false);
        options = options.withOutput(options.output().withVenue(venue));
        LongSupplier cpu = CpuTimeEstimate.processCpuNanos();
        try (BackgroundRun playing = BackgroundRun.start(options, List.of())) {
            Thread.sleep(1_000);
            long cpuBefore = cpu.getAsLong();
            long wallBefore = System.nanoTime();
            Thread.sleep(3_000);
            double cpuSeconds = (cpu.getAsLong() - cpuBefore) / 1e9;
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
