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
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.showcontrol.cue.ControlCommands;
import org.vernissage.showcontrol.cue.CueCurve;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueState;

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

    @Test
    void fadesOnTheirCurveAndCuesInProgressReadBackExactly() throws Exception {
        SavedShow show = new SavedShow("tidewater", "2", Map.of("energy", new float[] {0.3f}),
                List.of(new SavedShow.Fade("energy", 0, 1f, 1.2f, 0.1f, CueCurve.EASE_IN, 800_000_123L,
                        2_000_000_000L, "1"), new SavedShow.Fade("focus", 1, 0.9f, 3f, 0.5f, CueCurve.SMOOTHSTEP,
                        1_500_000_001L, 4_500_000_000L, "")),
                List.of(new SavedShow.CueRun("1", CueState.RUNNING, CueState.IDLE, -800_000_123L, true,
                        1_700_000_000L), new SavedShow.CueRun("2", CueState.PAUSED, CueState.WAITING, 250_000_000L,
                        false, 0)));
        ShowStateFile.write(temp, show);
        SavedShow read = ShowStateFile.read(temp).orElseThrow();
        assertEquals(show.fades(), read.fades(), "origin, curve and times to the nanosecond");
        assertEquals(show.cues(), read.cues());
    }

    @Test
    void aFileFromBeforeCurvesWereSavedStillRestoresItsFadesLinearly() throws Exception {
        // As an engine before the curve and the cues were saved wrote it.
        Files.writeString(temp.resolve(ShowStateFile.NAME), """
                {"artwork": "tidewater", "savedAt": "2026-11-01T20:00:00Z", "playhead": "",
                 "values": {"energy": [0.25]},
                 "fades": [{"parameter": "energy", "component": 0, "to": 0.75, "secondsLeft": 1.5}]}
                """);
        SavedShow read = ShowStateFile.read(temp).orElseThrow();
        assertEquals(List.of(new SavedShow.Fade("energy", 0, 0.75f, 1.5f)), read.fades());
        assertFalse(read.fades().get(0).onCurve());
        assertEquals(List.of(), read.cues());
        InputBatch batch = ShowRestore.batch(read, layout, CueList.EMPTY, 0, new ArrayList<>());
        assertEquals(2, batch.size());
        ConsoleCommandFlyweight fade = new ConsoleCommandFlyweight().wrap(batch.event(1));
        assertEquals(ControlCommands.PARAMETER_FADE, fade.command(), "the old form: target and time left");
        assertEquals(0.75f, fade.argument(1));
        assertEquals(1.5f, fade.argument(2));
        assertEquals(CueCurve.LINEAR.ordinal(), Math.round(fade.argument(3)), "linear, as before");
    }

    @Test
    void anUnknownCurveOrStateIsNamedByFileAndField() throws Exception {
        Files.writeString(temp.resolve(ShowStateFile.NAME), """
                {"values": {}, "fades": [{"parameter": "energy", "to": 1, "secondsLeft": 1, "curve": "wobble",
                 "from": 0, "elapsedNanos": 1, "totalNanos": 2}]}
                """);
        IOException e = assertThrows(IOException.class, () -> ShowStateFile.read(temp));
        assertEquals(temp.resolve(ShowStateFile.NAME) + ": fades[0].curve: expected " + CueCurve.names()
                + ", found \"wobble\"", e.getMessage());
        Files.writeString(temp.resolve(ShowStateFile.NAME), """
                {"values": {}, "fades": [], "cues": [{"cue": "1", "state": "dancing"}]}
                """);
        e = assertThrows(IOException.class, () -> ShowStateFile.read(temp));
        assertTrue(e.getMessage().contains("cues[0].state: expected waiting, running, paused or stopped"),
                e.getMessage());
    }
}
