package org.vernissage.engine.energy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * {@code --energy-log DIR}: one CSV file a day ({@code energy-YYYY-MM-DD.csv}, local dates), one
 * row an hour: {@code date,hour,joules,kind,source}. A row is written when the hour is over, and
 * for the part of the hour run so far when the run ends (a restart in the same hour adds a second
 * row for it: sum the rows of a day for its total). Rows are appended, so a day's file survives
 * restarts.
 *
 * <p>Called by the meter's sampler thread only (and by the closing thread once it has stopped);
 * owned by the run's energy part.
 */
public final class EnergyLog {

    static final String HEADER = "date,hour,joules,kind,source";

    private final Path folder;
    private final ZoneId zone;
    private LocalDateTime hour;
    private double joulesAtHourStart;
    private double lastJoules;
    private EnergyKind lastKind = EnergyKind.NOT_MEASURED;
    private String lastSource = "";

    /**
     * @throws IOException when the folder cannot be made (the message names it)
     */
    public EnergyLog(Path folder, ZoneId zone) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.zone = zone;
    }

    /** The day's file. */
    public Path fileFor(LocalDateTime time) {
        return folder.resolve("energy-" + time.toLocalDate() + ".csv");
    }

    /** Sampler thread: the meter read {@code reading} at {@code now}; a new hour writes the last one's row. */
    public void record(Instant now, EnergyMeter.Reading reading) throws IOException {
        LocalDateTime thisHour = LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.HOURS);
        if (hour == null) {
            hour = thisHour;
            joulesAtHourStart = reading.joules();
        } else if (!thisHour.equals(hour)) {
            writeRow(); // the hour's joules go up to the last sample in it
            hour = thisHour;
            joulesAtHourStart = lastJoules;
        }
        lastJoules = reading.joules();
        lastKind = reading.kind();
        lastSource = reading.source();
    }

    /** The run ends: the hour so far gets its row. */
    public void finish() throws IOException {
        if (hour != null) {
            writeRow();
            hour = null;
        }
    }

    private void writeRow() throws IOException {
        Path file = fileFor(hour);
        StringBuilder text = new StringBuilder();
        if (!Files.exists(file)) {
            text.append(HEADER).append('\n');
        }
        text.append(hour.toLocalDate()).append(',').append(String.format(Locale.ROOT, "%02d", hour.getHour()))
                .append(',').append(String.format(Locale.ROOT, "%.3f", lastJoules - joulesAtHourStart))
                .append(',').append(lastKind.label()).append(',').append('"').append(lastSource.replace("\"", "'"))
                .append('"').append('\n');
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
