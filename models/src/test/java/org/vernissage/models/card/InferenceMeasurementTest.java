package org.vernissage.models.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.energy.PowercapSource;
import org.vernissage.models.Model;

/** A card's energy: measured from the counters read around the timed runs, estimated without them. */
class InferenceMeasurementTest {

    @TempDir
    Path root;

    /** Adds its input's two numbers. */
    private static final class Sum implements Model {
        @Override
        public String name() {
            return "sum";
        }

        @Override
        public int inputCount() {
            return 2;
        }

        @Override
        public int outputCount() {
            return 1;
        }

        @Override
        public void run(float[] inputs, float[] outputs) {
            outputs[0] = inputs[0] + inputs[1];
        }

        @Override
        public void close() {
        }
    }

    @Test
    void countersReadAroundTheRunsMakeAMeasuredFigure() throws Exception {
        Path pkg = Files.createDirectories(root.resolve("intel-rapl:0"));
        Files.writeString(pkg.resolve("name"), "package-0\n");
        Files.writeString(pkg.resolve("max_energy_range_uj"), "262143328850\n");
        Files.writeString(pkg.resolve("energy_uj"), "0\n");
        // Each read of the counter finds 2 J more: opening, before the runs, after them.
        AtomicLong reads = new AtomicLong();
        PowercapSource counters = PowercapSource.open(root, file -> file.endsWith("energy_uj")
                ? Long.toString(reads.getAndIncrement() * 2_000_000) : Files.readString(file)).orElseThrow();
        InferenceMeasurement measured = InferenceMeasurement.measure(new Sum(), new float[] {1, 2}, 10, 500,
                Optional.of(counters));
        assertEquals(4.0, measured.measuredJoulesPerThousand(), 1e-9); // 2 J over 500 runs
        assertEquals("measured", measured.energy().kind());
        assertTrue(measured.energy().basis().contains("RAPL package-0"), measured.energy().basis());
    }

    @Test
    void withoutCountersTheFigureIsEstimatedAndSaysSo() throws IOException, Exception {
        InferenceMeasurement estimated = InferenceMeasurement.measure(new Sum(), new float[] {1, 2}, 10, 500,
                InferenceMeasurement.countersAt(root.resolve("none")));
        assertEquals(null, estimated.measuredJoulesPerThousand());
        assertEquals("estimated", estimated.energy().kind());
        assertTrue(estimated.energy().basis().contains("assumed 15 W per busy core"), estimated.energy().basis());
    }
}
