package org.vernissage.engine.energy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * RAPL energy counters read through Linux's powercap tree ({@code /sys/class/powercap}): the
 * packages ({@code intel-rapl:N}, name {@code package-N}) and their {@code dram} sub-zones
 * ({@code intel-rapl:N:M}). Cores and uncore sub-zones are inside their package's count and are not
 * added again; a {@code psys} zone (the whole platform) is used only where there is no package.
 * Each counter ({@code energy_uj}) wraps to 0 after {@code max_energy_range_uj}: a reading lower
 * than the previous one is a wrap, counted as {@code max - previous + now}, so the source must be
 * read at least once per wrap period (minutes at full power; the meter reads it every second).
 *
 * <p>Read by one thread at a time (the meter's sampler); owned by its {@link EnergyMeter}. The root
 * is a parameter so that tests read a synthetic tree in a temporary folder.
 */
public final class PowercapSource implements EnergySource {

    /** Where Linux puts the tree. */
    public static final Path SYSTEM_ROOT = Path.of("/sys/class/powercap");

    private static final Pattern ZONE = Pattern.compile("[a-z-]+:\\d+");
    private static final Pattern SUB_ZONE = Pattern.compile("[a-z-]+:\\d+:\\d+");

    /** How a counter file is read; the system's file reading, or in tests one that checks file modes as root does not. */
    @FunctionalInterface
    public interface CounterFiles {
        String read(Path file) throws IOException;
    }

    /** One counter: its file, its wrap range, its last raw value and the microjoules summed so far. */
    private static final class Zone {
        final Path energyFile;
        final String name;
        final long maxRangeMicros;
        long lastRaw;
        long totalMicros;

        Zone(Path energyFile, String name, long maxRangeMicros, long firstRaw) {
            this.energyFile = energyFile;
            this.name = name;
            this.maxRangeMicros = maxRangeMicros;
            this.lastRaw = firstRaw;
        }

        void advance(long raw) {
            // A lower value is a wrap past max_energy_range_uj; a counter never goes back otherwise.
            long delta = raw >= lastRaw ? raw - lastRaw : maxRangeMicros - lastRaw + raw;
            totalMicros += delta;
            lastRaw = raw;
        }
    }

    private final List<Zone> zones;
    private final CounterFiles files;
    private final String description;

    private PowercapSource(List<Zone> zones, CounterFiles files) {
        this.zones = zones;
        this.files = files;
        this.description = "RAPL " + String.join(" + ", zones.stream().map(z -> z.name).toList());
    }

    /**
     * Opens the counters under {@code root} with the system's file reading.
     *
     * @return empty when the tree has no RAPL zone (no such folder, another CPU maker, a VM)
     * @throws EnergyUnreadableException when zones exist but a counter cannot be read (the message
     *     says how to allow it)
     */
    public static Optional<PowercapSource> open(Path root) throws EnergyUnreadableException {
        return open(root, Files::readString);
    }

    /** The same, reading the counter files with {@code files}. */
    public static Optional<PowercapSource> open(Path root, CounterFiles files) throws EnergyUnreadableException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        List<Path> packages = new ArrayList<>();
        List<Path> platform = new ArrayList<>();
        List<Path> drams = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path zone : entries.sorted(Comparator.comparing(Path::toString)).toList()) {
                String dir = zone.getFileName().toString();
                boolean top = ZONE.matcher(dir).matches();
                if (!top && !SUB_ZONE.matcher(dir).matches()) {
                    continue;
                }
                String name = nameOf(zone);
                if (top && name.startsWith("package")) {
                    packages.add(zone);
                } else if (top && name.equals("psys")) {
                    platform.add(zone);
                } else if (!top && name.equals("dram")) {
                    drams.add(zone);
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // an unlistable tree is no tree: the meter estimates instead
        }
        List<Path> counted = new ArrayList<>(packages.isEmpty() ? platform : packages);
        if (!packages.isEmpty()) {
            counted.addAll(drams);
        }
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        List<Zone> zones = new ArrayList<>();
        for (Path zone : counted) {
            long max = readLong(files, zone.resolve("max_energy_range_uj"));
            zones.add(new Zone(zone.resolve("energy_uj"), nameOf(zone), max, readLong(files, zone.resolve("energy_uj"))));
        }
        return Optional.of(new PowercapSource(List.copyOf(zones), files));
    }

    @Override
    public double joules() throws EnergyUnreadableException {
        long micros = 0;
        for (Zone zone : zones) {
            zone.advance(readLong(files, zone.energyFile));
            micros += zone.totalMicros;
        }
        return micros / 1e6;
    }

    @Override
    public EnergyKind kind() {
        return EnergyKind.MEASURED;
    }

    @Override
    public String describe() {
        return description;
    }

    /** The zones' names, in the order they are summed. */
    public List<String> zoneNames() {
        return zones.stream().map(z -> z.name).toList();
    }

    private static String nameOf(Path zone) {
        try {
            return Files.readString(zone.resolve("name")).trim();
        } catch (IOException e) {
            return ""; // a zone without a readable name is not one we count
        }
    }

    private static long readLong(CounterFiles files, Path file) throws EnergyUnreadableException {
        String text;
        try {
            text = files.read(file).trim();
        } catch (AccessDeniedException e) {
            throw new EnergyUnreadableException(file + " is not readable by this user (Linux keeps RAPL counters"
                    + " root-only since 5.10): allow it with `sudo chmod o+r " + file + "` (until the next boot) or a"
                    + " udev rule such as ACTION==\"add\", SUBSYSTEM==\"powercap\", RUN+=\"/bin/chmod o+r"
                    + " /sys%p/energy_uj\" in /etc/udev/rules.d/90-vernissage-rapl.rules", e);
        } catch (IOException e) {
            throw new EnergyUnreadableException(file + " could not be read: " + e.getMessage(), e);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new EnergyUnreadableException(file + " holds \"" + text + "\", expected a whole number of microjoules", e);
        }
    }
}
