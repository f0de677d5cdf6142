package org.vernissage.showcontrol.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.showcontrol.cue.CueList;

/**
 * The show state's file: a round trip, an atomic replace that leaves no temporary file, a broken
 * file named, and a restore that leaves out what the artwork no longer has.
 */
class ShowStateFileTest {

    @TempDir
    Path temp;

    private final ParameterLayout layout = new ParameterLayout(List.of(
            new ParameterSpec("energy", ParameterType.FLOAT, 0f, 1f, new float[] {0.35f}, "", ""),
            new ParameterSpec("focus", ParameterType.VEC2, 0f, 1f, new float[] {0.5f, 0.5f}, "", "")));

    @Test
    void aSavedShowReadsBackAndTheFileIsReplacedWhole() throws Exception {
        SavedShow show = new SavedShow("tidewater", "", Map.of("energy", new float[] {0.25f},
                "focus", new float[] {0.1f, 0.9f}), List.of(new SavedShow.Fade("energy", 0, 0.15f, 1.5f)));
        ShowStateFile.write(temp, show);
        ShowStateFile.write(temp, show);
        SavedShow read = ShowStateFile.read(temp).orElseThrow();
        assertArrayEquals(new float[] {0.1f, 0.9f}, read.values().get("focus"));
        assertEquals(show.fades(), read.fades());
        try (var files = Files.list(temp)) {
            assertEquals(List.of(temp.resolve(ShowStateFile.NAME)), files.toList(), "no temporary file left");
        }
        assertTrue(ShowStateFile.read(temp.resolve("elsewhere")).isEmpty(), "nothing saved: nothing to resume");
    }

    @Test
    void aBrokenFileIsNamed() throws Exception {
        Files.writeString(temp.resolve(ShowStateFile.NAME), "{\"values\": [1, 2");
        IOException e = assertThrows(IOException.class, () -> ShowStateFile.read(temp));
        assertTrue(e.getMessage().startsWith(temp.resolve(ShowStateFile.NAME) + ": not a show state file"),
                e.getMessage());
    }

    @Test
    void theRestoreIsOneBatchOfValuesAndFadesAndLeavesOutWhatIsGone() {
        SavedShow show = new SavedShow("tidewater", "9", Map.of("energy", new float[] {0.25f},
                "hue", new float[] {0.5f}), List.of(new SavedShow.Fade("energy", 0, 0.15f, 1.5f)));
        List<String> skipped = new ArrayList<>();
        InputBatch batch = ShowRestore.batch(show, layout, CueList.EMPTY, 0, skipped);
        assertEquals(2, batch.size(), "one value, one fade");
        assertEquals(EventKinds.PARAMETER_SET, batch.kind(0));
        assertEquals(0.25f, batch.parameterValue(0));
        assertEquals(EventKinds.CONSOLE_COMMAND, batch.kind(1));
        assertEquals(List.of("parameter hue", "playhead at cue 9"), skipped);
        assertFalse(ShowRestore.describe(show, skipped).isEmpty());
    }
}
