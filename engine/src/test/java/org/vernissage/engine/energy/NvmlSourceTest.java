package org.vernissage.engine.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NVML reader through Java's foreign function API against a fake {@code libnvidia-ml.so.1}
 * compiled here with gcc ({@link FakeNvml}): the same functions and signatures as NVIDIA's,
 * answering from a state file this test writes (energy counters, error codes), so loading, calling,
 * errors and shutting down are all real; only the GPU behind it is not.
 */
class NvmlSourceTest {

    @TempDir
    Path dir;

    private FakeNvml fake;
    private Path library;

    @BeforeEach
    void compileTheFakeLibrary() throws Exception {
        fake = FakeNvml.compile(dir);
        library = fake.library();
    }

    private void answers(String... lines) throws IOException {
        fake.answers(lines);
    }

    private List<String> callsMade() throws IOException {
        return fake.calls();
    }

    private Path raplTree(long microjoules) throws IOException {
        Path zone = Files.createDirectories(dir.resolve("powercap/intel-rapl:0"));
        Files.writeString(zone.resolve("name"), "package-0\n");
        Files.writeString(zone.resolve("max_energy_range_uj"), "262143328850\n");
        Files.writeString(zone.resolve("energy_uj"), microjoules + "\n");
        return zone.getParent();
    }

    @Test
    void twoGpusAreSummedFromWhereTheyWereAtOpening() throws Exception {
        answers("init 0", "gpu 1000000 0 NVIDIA Fake A100", "gpu 5000 0 NVIDIA Fake H100");
        List<String> messages = new ArrayList<>();
        NvmlSource nvml = NvmlSource.open(library, messages::add).orElseThrow();
        assertEquals(List.of("NVIDIA Fake A100", "NVIDIA Fake H100"), nvml.gpuNames());
        assertEquals("NVML: 2 GPUs (NVIDIA Fake A100, NVIDIA Fake H100)", nvml.describe());
        assertEquals(EnergyKind.MEASURED, nvml.kind());
        assertEquals(0.0, nvml.joules(), 1e-9);
        answers("init 0", "gpu 1002500 0 NVIDIA Fake A100", "gpu 5500 0 NVIDIA Fake H100"); // +2.5 J, +0.5 J
        assertEquals(3.0, nvml.joules(), 1e-9);
        answers("init 0", "gpu 1003500 0 NVIDIA Fake A100", "gpu 5500 0 NVIDIA Fake H100"); // +1 J
        assertEquals(4.0, nvml.joules(), 1e-9);
        assertTrue(messages.isEmpty(), messages.toString());
        nvml.close();
        assertEquals(List.of("nvmlInit_v2", "nvmlShutdown"), callsMade());
    }

    @Test
    void aGpuThatCannotReportItsEnergyIsLeftOutAndSaidOnce() throws Exception {
        answers("init 0", "gpu 0 3 Tesla Fake K80", "gpu 100000 0 NVIDIA Fake H100");
        List<String> messages = new ArrayList<>();
        AtomicLong cpu = new AtomicLong();
        AtomicLong clock = new AtomicLong();
        try (EnergyMeter meter = EnergyMeter.open(dir.resolve("no-powercap"), new CpuTimeEstimate(cpu::get, 10),
                Optional.of(library), clock::get, messages::add)) {
            for (int second = 1; second <= 3; second++) {
                answers("init 0", "gpu " + second * 1000 + " 3 Tesla Fake K80",
                        "gpu " + (100000 + second * 2000) + " 0 NVIDIA Fake H100");
                clock.set(second * 1_000_000_000L);
                meter.sample();
            }
            assertEquals(6.0, meter.reading().joules(), 1e-9); // 2 J a second from the H100 alone
            assertTrue(meter.reading().source().contains("NVML: 1 GPU (NVIDIA Fake H100), measured"),
                    meter.reading().source());
        }
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("GPU 0 (Tesla Fake K80) cannot report its energy"), messages.get(0));
        assertTrue(messages.get(0).contains("nvmlDeviceGetTotalEnergyConsumption: Not Supported (3)"), messages.get(0));
        assertEquals("energy: NVML: 1 GPU (NVIDIA Fake H100), measured", messages.get(1));
    }

    @Test
    void nvmlThatDoesNotStartIsSaidOnceAndNotUsed() throws Exception {
        answers("init 9", "gpu 100000 0 NVIDIA Fake H100");
        List<String> messages = new ArrayList<>();
        AtomicLong cpu = new AtomicLong();
        AtomicLong clock = new AtomicLong();
        try (EnergyMeter meter = EnergyMeter.open(dir.resolve("no-powercap"), new CpuTimeEstimate(cpu::get, 10),
                Optional.of(library), clock::get, messages::add)) {
            cpu.set(1_000_000_000L);
            clock.set(1_000_000_000L);
            answers("init 0", "gpu 900000 0 NVIDIA Fake H100");
            EnergyMeter.Reading reading = meter.sample();
            assertEquals(10.0, reading.joules(), 1e-9); // the CPU estimate alone
            assertEquals(EnergyKind.ESTIMATED, reading.kind());
            assertEquals("CPU time x 10 W per busy core", reading.source());
        }
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.getFirst().contains("nvmlInit_v2"), messages.getFirst());
        assertTrue(messages.getFirst().contains("Driver Not Loaded (9)"), messages.getFirst());
        assertTrue(messages.getFirst().contains("leave the GPU out"), messages.getFirst());
        assertEquals(List.of("nvmlInit_v2"), callsMade()); // never initialised, so nothing to shut down
    }

    @Test
    void aGpuLostMidRunIsSaidOnceAndTheTotalsNeverGoBack() throws Exception {
        answers("init 0", "gpu 50000 0 NVIDIA Fake H100");
        List<String> messages = new ArrayList<>();
        AtomicLong cpu = new AtomicLong();
        AtomicLong clock = new AtomicLong();
        EnergyMeter meter = EnergyMeter.open(dir.resolve("no-powercap"), new CpuTimeEstimate(cpu::get, 10),
                Optional.of(library), clock::get, messages::add);
        assertEquals(List.of("energy: NVML: 1 GPU (NVIDIA Fake H100), measured"), messages);
        cpu.set(1_000_000_000L);
        clock.set(1_000_000_000L);
        answers("init 0", "gpu 55000 0 NVIDIA Fake H100");
        EnergyMeter.Reading both = meter.sample();
        assertEquals(15.0, both.joules(), 1e-9); // 10 J estimated + 5 J measured
        assertEquals(EnergyKind.ESTIMATED, both.kind());

        answers("init 0", "gpu 0 15 NVIDIA Fake H100");
        cpu.set(2_000_000_000L);
        clock.set(2_000_000_000L);
        EnergyMeter.Reading lost = meter.sample();
        assertEquals(25.0, lost.joules(), 1e-9); // one more CPU second; the GPU's 5 J are kept
        assertEquals(EnergyKind.ESTIMATED, lost.kind());
        assertTrue(lost.source().contains("until it failed"), lost.source());
        assertEquals(2, messages.size(), messages.toString());
        String said = messages.get(1);
        assertTrue(said.contains("nvmlDeviceGetTotalEnergyConsumption for GPU 0 (NVIDIA Fake H100) failed: GPU is lost (15)"),
                said);
        assertTrue(said.contains("left out from now on"), said);
        assertEquals(List.of("nvmlInit_v2", "nvmlShutdown"), callsMade()); // let go at once

        double last = lost.joules();
        for (int second = 3; second <= 5; second++) {
            answers("init 0", "gpu " + second + " 0 NVIDIA Fake H100"); // back, but lower: not read again
            cpu.set(second * 1_000_000_000L);
            clock.set(second * 1_000_000_000L);
            EnergyMeter.Reading reading = meter.sample();
            assertTrue(reading.joules() >= last, reading.joules() + " after " + last);
            last = reading.joules();
        }
        assertEquals(55.0, last, 1e-9);
        assertEquals(2, messages.size(), messages.toString());
        meter.close();
        assertEquals(List.of("nvmlInit_v2", "nvmlShutdown"), callsMade());
    }

    @Test
    void theSumIsMeasuredOnlyWhenBothSidesAre() throws Exception {
        answers("init 0", "gpu 7000 0 NVIDIA Fake H100");
        Path powercap = raplTree(1_000_000);
        AtomicLong cpu = new AtomicLong();
        AtomicLong clock = new AtomicLong();
        try (EnergyMeter measured = EnergyMeter.open(powercap, new CpuTimeEstimate(cpu::get, 10), Optional.of(library),
                clock::get, m -> { })) {
            Files.writeString(powercap.resolve("intel-rapl:0/energy_uj"), "4000000\n"); // +3 J
            answers("init 0", "gpu 9000 0 NVIDIA Fake H100"); // +2 J
            clock.set(1_000_000_000L);
            EnergyMeter.Reading reading = measured.sample();
            assertEquals(5.0, reading.joules(), 1e-9);
            assertEquals(EnergyKind.MEASURED, reading.kind());
            assertEquals("RAPL package-0, measured + NVML: 1 GPU (NVIDIA Fake H100), measured", reading.source());
            assertEquals(3.0, measured.cpuPart().joules(), 1e-9);
        }
        try (EnergyMeter mixed = EnergyMeter.open(dir.resolve("no-powercap"), new CpuTimeEstimate(cpu::get, 10),
                Optional.of(library), clock::get, m -> { })) {
            cpu.addAndGet(500_000_000L); // 5 J estimated
            answers("init 0", "gpu 10000 0 NVIDIA Fake H100"); // +1 J measured
            EnergyMeter.Reading reading = mixed.sample();
            assertEquals(6.0, reading.joules(), 1e-9);
            assertEquals(EnergyKind.ESTIMATED, reading.kind());
            assertEquals("estimated", reading.kind().label());
            assertEquals("CPU time x 10 W per busy core, estimated + NVML: 1 GPU (NVIDIA Fake H100), measured",
                    reading.source());
        }
    }

    @Test
    void theEstimatesGpuTimeIsLeftOutWhereNvmlMeasuresTheGpu() throws Exception {
        answers("init 0", "gpu 10000 0 NVIDIA Fake H100");
        AtomicLong cpu = new AtomicLong();
        AtomicLong gpuTime = new AtomicLong();
        AtomicLong clock = new AtomicLong();
        GpuTimeTerm timed = GpuTimeTerm.of("NVIDIA H100 PCIe/PCIe/SSE2", true, gpuTime::get, 100);
        assertTrue(timed.counted(), "a hardware GPU's time is counted by the estimate alone");
        try (EnergyMeter meter = EnergyMeter.open(dir.resolve("no-powercap"), new CpuTimeEstimate(cpu::get, 10, timed),
                Optional.of(library), clock::get, m -> { })) {
            cpu.addAndGet(500_000_000L); // 5 J estimated
            gpuTime.addAndGet(1_000_000_000L); // 100 J if the estimate counted it: it must not
            answers("init 0", "gpu 12000 0 NVIDIA Fake H100"); // +2 J measured
            EnergyMeter.Reading reading = meter.sample();
            assertEquals(7.0, reading.joules(), 1e-9, "the GPU counted once, by NVML");
            assertEquals("CPU time x 10 W per busy core; GPU time left out: NVML measures the GPU, estimated"
                    + " + NVML: 1 GPU (NVIDIA Fake H100), measured", reading.source());
        }
    }

    @Test
    void aLibraryThatIsNotNvmlIsNamed() throws Exception {
        Path other = Files.writeString(dir.resolve("other.c"), "int somethingElse(void) { return 0; }\n");
        Path notNvml = FakeNvml.gcc(other, dir.resolve("other"));
        EnergyUnreadableException refused = assertThrows(EnergyUnreadableException.class,
                () -> NvmlSource.open(notNvml, m -> { }));
        assertEquals(notNvml + " could not be loaded as NVIDIA's management library: it has no function nvmlInit_v2",
                refused.getMessage());
        assertThrows(EnergyUnreadableException.class, () -> NvmlSource.open(dir.resolve("missing.so"), m -> { }));
    }
}
