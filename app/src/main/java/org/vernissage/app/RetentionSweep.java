package org.vernissage.app;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.vernissage.models.card.ModelCards;
import org.vernissage.showcontrol.cue.RecordedCueLists;

/**
 * Deletes what a show recorded of its audience once it is older than the retention period
 * ({@code --retention-days}): journals in the recordings folder (files that start with the
 * journal's magic "VNSJ", whatever their name, so nothing else in the folder is touched) and
 * training example sets ({@code *.examples.json}) in the artwork's models folder. Age is the
 * file's last-modified time against {@code clock}. A file that cannot be deleted is reported and
 * counted, never fatal: the show goes on, the next sweep tries again.
 *
 * <p>Called on the thread starting the run, then on the retention part's daily thread; one call at
 * a time. Owned by the {@link RetentionPart}.
 */
final class RetentionSweep {

    private static final Logger LOG = System.getLogger(RetentionSweep.class.getName());
    private static final byte[] JOURNAL_MAGIC = {'V', 'N', 'S', 'J'};
    private static final Kind JOURNAL = RetentionSweep::isJournal;

    private final Duration keep;
    private final List<Path> recordingFolders;
    private final List<Path> exampleFolders;
    private final InstantSource clock;
    private long deleted;
    private long failures;

    /**
     * @param days the retention period, 1 or more
     * @param recordingFolders folders holding journals (absent folders are skipped)
     * @param exampleFolders folders holding example sets (an artwork's {@code models/})
     */
    RetentionSweep(int days, List<Path> recordingFolders, List<Path> exampleFolders, InstantSource clock) {
        if (days <= 0) {
            throw new IllegalArgumentException("the retention period must be 1 day or more, got " + days);
        }
        this.keep = Duration.ofDays(days);
        this.recordingFolders = List.copyOf(recordingFolders);
        this.exampleFolders = List.copyOf(exampleFolders);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Deletes every kept file older than the period; returns the files deleted by this sweep. */
    synchronized List<Path> sweep() {
        Instant cutoff = clock.instant().minus(keep);
        List<Path> gone = new ArrayList<>();
        for (Path folder : recordingFolders) {
            sweep(folder, cutoff, JOURNAL, gone);
        }
        for (Path folder : exampleFolders) {
            sweep(folder, cutoff, file -> file.getFileName().toString().endsWith(ModelCards.EXAMPLES_SUFFIX), gone);
        }
        deleted += gone.size();
        return gone;
    }

    /** Files deleted by every sweep so far. */
    synchronized long deleted() {
        return deleted;
    }

    /** Files that were due but could not be deleted. */
    synchronized long failures() {
        return failures;
    }

    Duration period() {
        return keep;
    }

    private interface Kind {
        boolean matches(Path file) throws IOException;
    }

    private void sweep(Path folder, Instant cutoff, Kind kind, List<Path> gone) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                deleteIfDue(file, cutoff, kind, gone);
            }
        } catch (IOException e) {
            failures++;
            LOG.log(Level.WARNING, "retention: cannot list " + folder + ": " + e.getMessage());
        }
    }

    private void deleteIfDue(Path file, Instant cutoff, Kind kind, List<Path> gone) {
        try {
            if (!Files.isRegularFile(file) || !Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
                    || !kind.matches(file)) {
                return;
            }
            Files.delete(file);
            gone.add(file);
            LOG.log(Level.INFO, "retention: deleted " + file + " (older than " + keep.toDays() + " days)");
            if (kind == JOURNAL) {
                deleteKeptCueLists(file);
            }
        } catch (NoSuchFileException e) {
            // deleted meanwhile by someone else: what the sweep wanted
        } catch (IOException e) {
            failures++;
            LOG.log(Level.WARNING, "retention: cannot delete " + file + " (older than " + keep.toDays()
                    + " days): " + e.getMessage() + "; tried again at the next sweep");
        }
    }

    /** The cue lists kept beside a deleted journal go with it: without it they replay nothing. */
    private void deleteKeptCueLists(Path journal) {
        Path kept = RecordedCueLists.beside(journal).folder();
        if (!Files.isDirectory(kept)) {
            return;
        }
        try (DirectoryStream<Path> lists = Files.newDirectoryStream(kept)) {
            for (Path list : lists) {
                Files.deleteIfExists(list);
            }
            Files.deleteIfExists(kept);
        } catch (IOException e) {
            failures++;
            LOG.log(Level.WARNING, "retention: cannot delete " + kept + ", the cue lists kept beside the deleted "
                    + journal + ": " + e.getMessage());
        }
    }

    private static boolean isJournal(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(JOURNAL_MAGIC.length), JOURNAL_MAGIC);
        }
    }
}
