package org.vernissage.showcontrol.cue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved cues.json is reloaded; a broken save is reported once and the last good list stays. */
class CueFileWatcherTest {

    @TempDir
    Path folder;

    @Test
    void goodSavesAreHandedOnBrokenOnesReportedOnceAndTheLastGoodListStays() throws Exception {
        Path file = CueFixtures.write(folder, "{ 'cues': [ { 'number': '1' } ] }");
        List<CueList> handed = new ArrayList<>();
        boolean[] accept = {true};
        CollectingLog log = new CollectingLog();
        CueFileWatcher watcher = new CueFileWatcher(file, CueFixtures.LAYOUT, (list, text) -> accept[0] && handed.add(list),
                Duration.ZERO, log);
        watcher.onStart();
        watcher.doWork();
        assertTrue(handed.isEmpty(), "the file the run started with is not a reload");

        save(file, "{ 'cues': [ { 'number': '1' }, { 'number': '2', 'targets': { 'energy': 9 } } ] }", 1);
        watcher.doWork();
        watcher.doWork();
        assertTrue(handed.isEmpty(), "a broken save is not handed on");
        assertEquals(1, watcher.refused(), "and is counted once, not at every look");
        assertTrue(watcher.failing().contains("cue \"2\" (cues[1]).targets.energy: expected a number from 0.0 to 1.0"),
                watcher.failing());
        assertEquals(1, log.visible().size(), log.visible().toString());
        assertTrue(log.visible().get(0).contains("the last good cue list keeps running"), log.visible().toString());

        accept[0] = false; // the ring is full: the good save is tried again at the next look
        save(file, "{ 'cues': [ { 'number': '1' }, { 'number': '2' }, { 'number': '3' } ] }", 2);
        watcher.doWork();
        assertTrue(handed.isEmpty());
        accept[0] = true;
        watcher.doWork();
        assertEquals(1, handed.size());
        assertEquals(3, handed.get(0).size());
        assertEquals(1, watcher.reloads());
        assertEquals("", watcher.failing());
    }

    /** Writes the file with a modification time {@code step} seconds later, as a later save has. */
    private static void save(Path file, String json, int step) throws Exception {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, json.replace('\'', '"'));
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + step * 1000L));
    }
}
