package org.vernissage.engine.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily CSV: a row per hour, a file per day, the kind on every row. */
class EnergyLogTest {

    @TempDir
    Path folder;

    private static EnergyMeter.Reading at(double joules) {
        return new EnergyMeter.Reading(joules, 0, 0, EnergyKind.ESTIMATED, "CPU time x 15 W per busy core");
    }

    @Test
    void writesARowPerHourAndAFilePerDay() throws Exception {
        EnergyLog log = new EnergyLog(folder.resolve("energy"), ZoneOffset.UTC);
        log.record(Instant.parse("2026-12-05T22:10:00Z"), at(100));
        log.record(Instant.parse("2026-12-05T22:59:59Z"), at(160));
        log.record(Instant.parse("2026-12-05T23:00:01Z"), at(161));
        log.record(Instant.parse("2026-12-05T23:59:00Z"), at(200));
        log.record(Instant.parse("2026-12-06T00:00:30Z"), at(201));
        log.finish();
        assertEquals(List.of(EnergyLog.HEADER,
                        "2026-12-05,22,60.000,estimated,\"CPU time x 15 W per busy core\"",
                        "2026-12-05,23,40.000,estimated,\"CPU time x 15 W per busy core\""),
                Files.readAllLines(folder.resolve("energy/energy-2026-12-05.csv")));
        assertEquals(List.of(EnergyLog.HEADER, "2026-12-06,00,1.000,estimated,\"CPU time x 15 W per busy core\""),
                Files.readAllLines(folder.resolve("energy/energy-2026-12-06.csv")));
    }

    @Test
    void aRestartAppendsToTheDaysFile() throws Exception {
        for (int run = 0; run < 2; run++) {
            EnergyLog log = new EnergyLog(folder, ZoneOffset.UTC);
            log.record(Instant.parse("2026-12-05T10:00:00Z"), at(0));
            log.record(Instant.parse("2026-12-05T10:30:00Z"), at(5));
            log.finish();
        }
        assertEquals(3, Files.readAllLines(folder.resolve("energy-2026-12-05.csv")).size());
    }
}
