package org.vernissage.engine.render.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher on real files and the real watch service, its duty cycle driven by the test thread
 * with a clock the test moves: the debounce and the grace for a file missing during a save.
 */
class SourceWatcherTest {

    private static final Duration QUIET = Duration.ofMillis(100);
    private static final Duration GRACE = Duration.ofSeconds(1);

    @TempDir
    Path temp;

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private int changes;
    private SourceWatcher watcher;

    @AfterEach
    void close() {
        if (watcher != null) {
            watcher.onClose();
        }
    }

    private SourceWatcher watch(Path... files) {
        watcher = new SourceWatcher(List.of(files), () -> changes++, QUIET, GRACE, now::get);
        watcher.onStart();
        return watcher;
    }

    /** Runs duty cycles until the watch service has delivered what the file system did (inotify is asynchronous). */
    private void cycleUntil(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            watcher.doWork();
            Thread.sleep(5);
        }
    }

    /**
     * Cycles until no new event has come for 200 ms of real time: every event the file system
     * raises for what the test just did (a write is CREATE then MODIFY, a move two events) is in
     * before the test's clock moves on, however loaded the machine (5 s at most).
     */
    private void settle() throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long seen = watcher.events();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < 200_000_000L && System.nanoTime() < deadline) {
            watcher.doWork();
            Thread.sleep(5);
            if (watcher.events() != seen) {
                seen = watcher.events();
                quietSince = System.nanoTime();
            }
        }
    }

    private void advance(Duration by) throws Exception {
        now.addAndGet(by.toNanos());
        watcher.doWork();
    }

    /**
     * The first half of a backup-style save: a watched shader moved away (its new text not yet
     * written), the move's events in and quiet over; nothing reported yet.
     */
    private Path watchedThenMovedAway() throws Exception {
        Path shader = Files.writeString(temp.resolve("main.frag"), "a");
        watch(shader);
        Files.move(shader, temp.resolve("main.frag~"));
        cycleUntil(() -> watcher.events() >= 1, "the move seen");
        settle();
        advance(QUIET.multipliedBy(2));
        assertEquals(0, changes, "a missing file is waited for, not reported");
        return shader;
    }

    @Test
    void aBurstOfWritesIsOneChangeOnceQuiet() throws Exception {
        Path shader = Files.writeString(temp.resolve("main.frag"), "a");
        Path other = Files.writeString(temp.resolve("notes.txt"), "x");
        watch(shader);

        Files.writeString(other, "y"); // not watched: ignored
        Files.writeString(shader, "b");
        Files.writeString(shader, "bc");
        cycleUntil(() -> watcher.events() >= 1, "the shader's write seen");
        advance(QUIET.dividedBy(2));
        assertEquals(0, changes, "not before the files are quiet");
        advance(QUIET);
        assertEquals(1, changes);
        advance(QUIET.multipliedBy(5));
        assertEquals(1, changes, "one save, one change");
    }

    @Test
    void aFileMissingDuringASaveWaitsForItAndOneGoneLongerIsReported() throws Exception {
        Path shader = watchedThenMovedAway();
        long seen = watcher.events();
        Files.writeString(shader, "b");
        cycleUntil(() -> watcher.events() > seen, "the new file seen");
        settle();
        advance(QUIET.multipliedBy(2));
        assertEquals(1, changes, "the save is one change once the file is back");

        long beforeDelete = watcher.events();
        Files.delete(shader);
        cycleUntil(() -> watcher.events() > beforeDelete, "the delete seen");
        advance(QUIET.multipliedBy(2));
        assertEquals(1, changes, "still within the grace");
        advance(GRACE);
        assertEquals(2, changes, "gone for longer than the grace: reported, so the reload names the missing file");
        assertTrue(watcher.files().contains(shader.toAbsolutePath().normalize()));
    }

    @Test
    void aMissingFileBackBeforeItsOwnEventsIsStillOneChange() throws Exception {
        Path shader = watchedThenMovedAway();
        Files.writeString(shader, "b");
        watcher.doWork(); // at once: the file is back, the events of its write are (almost always) not yet in
        settle();
        advance(QUIET.multipliedBy(2));
        advance(QUIET.multipliedBy(2)); // and nothing more once quiet again
        assertEquals(1, changes, "the file's return and its write's events are one change, not two");
    }
}
