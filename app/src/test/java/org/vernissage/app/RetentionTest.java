package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.showcontrol.cue.RecordedCueLists;

/** {@code --retention-days}: recordings and training examples older than the period are deleted, nothing else. */
class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");

    @TempDir
    Path temp;

    @Test
    void filesOlderThanThePeriodAreDeletedAndYoungerOrForeignOnesKept() throws Exception {
        Path recordings = Files.createDirectories(temp.resolve("recordings"));
        Path models = Files.createDirectories(temp.resolve("models"));
        Path oldJournal = journal(recordings.resolve("monday.vnsj"), NOW.minus(Duration.ofDays(8)));
        Path oldCueLists = RecordedCueLists.beside(oldJournal).folder();
        file(Files.createDirectories(oldCueLists).resolve("0.json"), "{ \"cues\": [] }", NOW);
        Path oldJournalOddName = journal(recordings.resolve("backup.bin"), NOW.minus(Duration.ofDays(30)));
        Path youngJournal = journal(recordings.resolve("today.vnsj"), NOW.minus(Duration.ofDays(6).plusHours(12)));
        Path oldNotes = file(recordings.resolve("notes.vnsj"), "not a journal", NOW.minus(Duration.ofDays(40)));
        Path oldExamples = file(models.resolve("pose.examples.json"), "{}", NOW.minus(Duration.ofDays(7).plusMinutes(1)));
        Path youngExamples = file(models.resolve("wave.examples.json"), "{}", NOW.minus(Duration.ofDays(7).minusMinutes(1)));
        Path oldModel = file(models.resolve("pose.model.json"), "{}", NOW.minus(Duration.ofDays(90)));
        Path oldSheet = file(models.resolve("pose.datasheet.json"), "{}", NOW.minus(Duration.ofDays(90)));

        RetentionSweep sweep = new RetentionSweep(7, List.of(recordings), List.of(models), InstantSource.fixed(NOW));
        List<Path> gone = sweep.sweep();

        assertEquals(List.of(oldExamples, oldJournal, oldJournalOddName).stream().map(Path::toString).sorted().toList(),
                gone.stream().map(Path::toString).sorted().toList());
        for (Path deleted : List.of(oldJournal, oldJournalOddName, oldExamples)) {
            assertFalse(Files.exists(deleted), deleted + " is older than 7 days");
        }
        for (Path kept : List.of(youngJournal, oldNotes, youngExamples, oldModel, oldSheet)) {
            assertTrue(Files.exists(kept), kept + " must be kept");
        }
        assertEquals(3, sweep.deleted());
        assertFalse(Files.exists(oldCueLists), "the cue lists kept beside a deleted journal go with it");

        // The next day's sweep: what was young is now due.
        RetentionSweep nextDay = new RetentionSweep(7, List.of(recordings), List.of(models),
                InstantSource.fixed(NOW.plus(Duration.ofDays(1))));
        assertEquals(2, nextDay.sweep().size());
        assertFalse(Files.exists(youngJournal));
        assertFalse(Files.exists(youngExamples));
    }

    @Test
    void aMissingFolderIsNoError() {
        RetentionSweep sweep = new RetentionSweep(1, List.of(temp.resolve("none")), List.of(temp.resolve("nor")),
                InstantSource.fixed(NOW));
        assertEquals(List.of(), sweep.sweep());
        assertEquals(0, sweep.failures());
    }

    @Test
    void zeroOrNegativeDaysAreRefusedNamingTheOption() {
        for (int days : new int[] {0, -3}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new PrivacyOptions(Optional.of(days), false, Optional.empty(), Optional.empty()));
            assertTrue(e.getMessage().contains("--retention-days must be 1 or more") && e.getMessage().contains("got " + days),
                    e.getMessage());
        }
    }

    @Test
    void theCommandLineRefusesZeroDaysAsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--frames", "1",
            "--osc-host", "127.0.0.1", "--osc-port", "0", "--retention-days", "0"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Main.EXIT_USAGE, code, err.toString());
        assertTrue(err.toString().contains("--retention-days must be 1 or more"), err.toString());
    }

    @Test
    void featuresOnlyWithoutARecordingIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--frames", "1",
            "--osc-host", "127.0.0.1", "--osc-port", "0", "--record-features-only"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Main.EXIT_USAGE, code, err.toString());
        assertTrue(err.toString().contains("--record-features-only says what --record keeps; add --record FILE"),
                err.toString());
    }

    @Test
    void aLiveRunDeletesOldJournalsBesideItsRecordingBeforeRecording() throws Exception {
        Path old = journal(temp.resolve("last-month.vnsj"), Instant.now().minus(Duration.ofDays(31)));
        Path recent = journal(temp.resolve("yesterday.vnsj"), Instant.now().minus(Duration.ofDays(1)));
        Path fresh = temp.resolve("tonight.vnsj");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--size", "64x36",
            "--frames", "3", "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0",
            "--record", fresh.toString(), "--retention-days", "30", "--no-reload"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString() + out);
        assertFalse(Files.exists(old), "a journal 31 days old is deleted");
        assertTrue(Files.exists(recent));
        assertTrue(Files.exists(fresh), "the run's own recording is made after the sweep");
        assertTrue(out.toString().contains("retention: recordings and training examples kept 30 days (1 older files"
                + " deleted at start)"), out.toString());
    }

    private static Path journal(Path file, Instant modified) throws Exception {
        Files.write(file, new byte[] {'V', 'N', 'S', 'J', 2, 0, 0});
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private static Path file(Path file, String text, Instant modified) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
