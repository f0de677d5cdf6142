package org.vernissage.engine.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The powercap reader on a synthetic tree shaped like Linux's: zones, wrap-around, permissions. */
class PowercapSourceTest {

    private static final long MAX = 262_143_328_850L;

    @TempDir
    Path root;

    /**
     * Reads like the kernel checks: a file whose owner may not read it is refused even to root
     * (root ignores file modes, and CI runs as root). The file modes themselves are real.
     */
    private static String readAsUser(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_READ)) {
            throw new AccessDeniedException(file.toString());
        }
        return Files.readString(file);
    }

    private Path zone(String dir, String name, long energy) throws IOException {
        Path zone = Files.createDirectories(root.resolve(dir));
        Files.writeString(zone.resolve("name"), name + "\n");
        Files.writeString(zone.resolve("max_energy_range_uj"), MAX + "\n");
        Files.writeString(zone.resolve("energy_uj"), energy + "\n");
        return zone;
    }

    private static void set(Path zone, long energy) throws IOException {
        Files.writeString(zone.resolve("energy_uj"), energy + "\n");
    }

    @Test
    void sumsPackagesAndDramButNotTheirCoresNorThePlatform() throws Exception {
        Path pkg = zone("intel-rapl:0", "package-0", 1_000_000);
        Path core = zone("intel-rapl:0:0", "core", 5_000_000);
        Path dram = zone("intel-rapl:0:1", "dram", 2_000_000);
        Path psys = zone("intel-rapl:1", "psys", 9_000_000);
        PowercapSource source = PowercapSource.open(root, PowercapSourceTest::readAsUser).orElseThrow();
        assertEquals(List.of("package-0", "dram"), source.zoneNames());
        assertEquals(0.0, source.joules(), 1e-9);
        set(pkg, 4_000_000);   // +3 J
        set(dram, 2_500_000);  // +0.5 J
        set(core, 8_000_000);  // inside the package's count: not added
        set(psys, 99_000_000); // the whole platform: not added beside packages
        assertEquals(3.5, source.joules(), 1e-9);
        assertEquals(EnergyKind.MEASURED, source.kind());
        assertEquals("RAPL package-0 + dram", source.describe());
    }

    @Test
    void aCounterThatWrapsKeepsCounting() throws Exception {
        Path pkg = zone("intel-rapl:0", "package-0", MAX - 1_000_000);
        PowercapSource source = PowercapSource.open(root, PowercapSourceTest::readAsUser).orElseThrow();
        set(pkg, 500_000); // wrapped: 1 J to the top, then 0.5 J
        assertEquals(1.5, source.joules(), 1e-9);
        set(pkg, 2_500_000);
        assertEquals(3.5, source.joules(), 1e-9);
        set(pkg, 0); // lower than the last sample: one more lap, counted to the top and on from 0
        assertEquals(3.5 + (MAX - 2_500_000) / 1e6, source.joules(), 1e-6);
    }

    @Test
    void thePlatformZoneCountsWhereThereIsNoPackage() throws Exception {
        Path psys = zone("intel-rapl:1", "psys", 0);
        PowercapSource source = PowercapSource.open(root, PowercapSourceTest::readAsUser).orElseThrow();
        set(psys, 7_000_000);
        assertEquals(7.0, source.joules(), 1e-9);
    }

    @Test
    void noTreeOrNoZoneIsNoSource() throws Exception {
        assertTrue(PowercapSource.open(root.resolve("absent")).isEmpty());
        zone("intel-rapl:0:0", "core", 1); // a sub-zone alone is not counted
        Files.createDirectories(root.resolve("dtpm"));
        assertTrue(PowercapSource.open(root).isEmpty());
    }

    @Test
    void anUnreadableCounterSaysHowToAllowIt() throws Exception {
        Path pkg = zone("intel-rapl:0", "package-0", 1);
        Files.setPosixFilePermissions(pkg.resolve("energy_uj"), PosixFilePermissions.fromString("-w-------"));
        EnergyUnreadableException refused = assertThrows(EnergyUnreadableException.class,
                () -> PowercapSource.open(root, PowercapSourceTest::readAsUser));
        String message = refused.getMessage();
        assertTrue(message.contains(pkg.resolve("energy_uj").toString()), message);
        assertTrue(message.contains("chmod o+r"), message);
        assertTrue(message.contains("udev"), message);
    }

    @Test
    void aGarbledCounterIsNamed() throws Exception {
        Path pkg = zone("intel-rapl:0", "package-0", 1);
        PowercapSource source = PowercapSource.open(root).orElseThrow();
        Files.writeString(pkg.resolve("energy_uj"), "lots\n");
        EnergyUnreadableException refused = assertThrows(EnergyUnreadableException.class, source::joules);
        assertTrue(refused.getMessage().contains("\"lots\", expected a whole number of microjoules"), refused.getMessage());
    }

    @Test
    void theMeterSaysOnceWhenCountersStopAndEstimatesOnFromWhereTheyWere() throws Exception {
        Path pkg = zone("intel-rapl:0", "package-0", 0);
        AtomicLong cpu = new AtomicLong();
        AtomicLong clock = new AtomicLong();
        List<String> messages = new ArrayList<>();
        PowercapSource rapl = PowercapSource.open(root, PowercapSourceTest::readAsUser).orElseThrow();
        EnergyMeter meter = EnergyMeter.of(rapl, new CpuTimeEstimate(cpu::get, 10), clock::get, messages::add);
        set(pkg, 20_000_000);
        clock.set(2_000_000_000L);
        EnergyMeter.Reading measured = meter.sample();
        assertEquals(20.0, measured.joules(), 1e-9);
        assertEquals(10.0, measured.watts(), 1e-9);
        assertEquals(36_000.0, measured.joulesPerHour(), 1e-6);
        assertEquals(EnergyKind.MEASURED, measured.kind());

        Files.setPosixFilePermissions(pkg.resolve("energy_uj"), PosixFilePermissions.fromString("-w-------"));
        cpu.set(500_000_000L); // 0.5 CPU s so far
        clock.set(3_000_000_000L);
        EnergyMeter.Reading switched = meter.sample();
        assertEquals(EnergyKind.ESTIMATED, switched.kind());
        assertEquals(20.0, switched.joules(), 1e-9); // carries on from the counters' total
        cpu.set(1_500_000_000L); // one more CPU second at 10 W
        clock.set(4_000_000_000L);
        EnergyMeter.Reading estimated = meter.sample();
        assertEquals(30.0, estimated.joules(), 1e-9);
        assertEquals(10.0, estimated.watts(), 1e-9);
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.getFirst().contains("chmod o+r"), messages.getFirst());
        assertTrue(estimated.source().contains("10 W per busy core"), estimated.source());
    }

    @Test
    void openingWithoutATreeEstimatesAndSaysNothing() {
        List<String> messages = new ArrayList<>();
        AtomicLong cpu = new AtomicLong(1_000);
        EnergyMeter meter = EnergyMeter.open(root.resolve("none"), new CpuTimeEstimate(cpu::get, 15), Optional.empty(),
                System::nanoTime, messages::add);
        cpu.addAndGet(2_000_000_000L);
        assertEquals(30.0, meter.sample().joules(), 1e-9);
        assertEquals(EnergyKind.ESTIMATED, meter.reading().kind());
        assertTrue(messages.isEmpty(), messages.toString());
    }

    @Test
    void anNvmlLibraryIsFoundByItsFile() throws Exception {
        Path lib = Files.writeString(root.resolve("libnvidia-ml.so.1"), "");
        assertEquals(Optional.of(lib), NvmlLibrary.find(List.of(root.resolve("missing.so"), lib)));
        assertTrue(NvmlLibrary.find(List.of(root.resolve("missing.so"))).isEmpty());
    }
}
