package org.vernissage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.vernissage.engine.energy.CpuTimeEstimate;
import org.vernissage.engine.energy.EnergyMeter;
import org.vernissage.engine.energy.PowerBudget;
import org.vernissage.engine.energy.PowercapSource;
import org.vernissage.engine.render.FramePacer;
import org.vernissage.engine.render.RealTimePacer;

/**
 * What the energy meter adds to a frame, against the same pacer without it, in the same run: the
 * render thread's only contact with the meter is the power budget's pacer (one volatile read per
 * frame while the rate is not lowered); the counters are read by the sampler thread once a second,
 * whose cost per sample is measured too (on the CPU-time estimate, and on a powercap tree of two
 * zones in a temporary folder: the same file reads as /sys, minus the kernel's RAPL MSR read).
 *
 * <p>Run from the repository root: {@code java -jar bench/target/benchmarks.jar EnergyMeterBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class EnergyMeterBenchmark {

    /** The pacers (unpaced: the frame's own cost, no waiting) and the meters; one thread. */
    @State(Scope.Thread)
    public static class Meters {
        FramePacer bare;
        FramePacer budgeted;
        EnergyMeter estimating;
        EnergyMeter measuring;
        Path tree;
        long frame;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            bare = new RealTimePacer(System::nanoTime, 0);
            budgeted = new PowerBudget(1_000, 0).pace(new RealTimePacer(System::nanoTime, 0), System::nanoTime);
            CpuTimeEstimate cpu = new CpuTimeEstimate(CpuTimeEstimate.processCpuNanos(), 15);
            estimating = EnergyMeter.of(cpu, cpu, System::nanoTime, message -> { });
            tree = Files.createTempDirectory("powercap");
            zone("intel-rapl:0", "package-0");
            zone("intel-rapl:0:1", "dram");
            measuring = EnergyMeter.of(PowercapSource.open(tree).orElseThrow(), cpu, System::nanoTime, message -> { });
        }

        private void zone(String dir, String name) throws IOException {
            Path zone = Files.createDirectories(tree.resolve(dir));
            Files.writeString(zone.resolve("name"), name + "\n");
            Files.writeString(zone.resolve("max_energy_range_uj"), "262143328850\n");
            Files.writeString(zone.resolve("energy_uj"), "123456789\n");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            try (var files = Files.walk(tree)) {
                for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Benchmark
    public long frameWithoutMeter(Meters meters) {
        return meters.bare.awaitFrame(meters.frame++);
    }

    @Benchmark
    public long frameWithMeterAndBudget(Meters meters) {
        return meters.budgeted.awaitFrame(meters.frame++);
    }

    @Benchmark
    public EnergyMeter.Reading sampleEstimate(Meters meters) {
        return meters.estimating.sample();
    }

    @Benchmark
    public EnergyMeter.Reading samplePowercapTree(Meters meters) {
        return meters.measuring.sample();
    }
}
