package org.vernissage.showcontrol.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.showcontrol.cue.CueFixtures.ENERGY;
import static org.vernissage.showcontrol.cue.CueFixtures.FOCUS_X;
import static org.vernissage.showcontrol.cue.CueFixtures.HUE;
import static org.vernissage.showcontrol.cue.CueFixtures.LAYOUT;
import static org.vernissage.showcontrol.cue.CueFixtures.SECOND;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.showcontrol.cue.ControlCommands;
import org.vernissage.showcontrol.cue.CueCurve;
import org.vernissage.showcontrol.cue.CueFixtures;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueState;
import org.vernissage.showcontrol.cue.StageDriver;

/**
 * A show saved at some moment, written to its file, read back and restored into a fresh stage
 * (as after a power cut) goes on exactly as the uninterrupted show: every frame after the restore
 * shows, bit for bit, what the uninterrupted show showed at the same distance from the save, for
 * every curve and for a save in a fade, a post-wait, a pre-wait or a later cue of an auto-follow
 * chain, and for a paused cue resumed later.
 */
class ShowResumeTest {

    private static final long FRAME = SECOND / 60;
    private static final long RESTART = 7_000 * SECOND + 4_321; // another run's clock: anything
    private static final long GO = SECOND / 3 + 123;

    @TempDir
    Path temp;

    /** Cue 1 fades energy on the curve and auto-follows (post-wait 0.5 s) into cue 2 (pre-wait 0.25 s). */
    private CueList cues(CueCurve curve) throws Exception {
        return CueFixtures.cues(temp, "{ 'cues': ["
                + " { 'number': '1', 'targets': { 'energy': 1 }, 'fade': 2, 'curve': '" + curve.fileName() + "',"
                + "   'continue': 'auto-follow', 'postWait': 0.5 },"
                + " { 'number': '2', 'targets': { 'energy': 0.2, 'hue': 1 }, 'fade': 1.5, 'preWait': 0.25,"
                + "   'curve': '" + curve.fileName() + "' },"
                + " { 'number': '3', 'targets': { 'hue': 0 } } ] }");
    }

    /** A stage with the persistence stage after it, publishing every frame, and its writer. */
    private record Saving(StageDriver driver, ShowStateWriter writer) {
    }

    private Saving saving(CueList list, Path folder) {
        SnapshotExchange exchange = new SnapshotExchange(new float[PersistenceStage.packedLength(LAYOUT, list)]);
        StageDriver driver = new StageDriver(LAYOUT, list, true,
                stage -> new PersistenceStage(stage, LAYOUT, list, 1, exchange));
        return new Saving(driver, new ShowStateWriter(exchange, LAYOUT, list, driver.stage().inForce(), "test", folder,
                System.getLogger("test")));
    }

    /** A fresh stage given the show saved in {@code folder}, restored at {@link #RESTART}. */
    private StageDriver restored(CueList list, Path folder) throws Exception {
        SavedShow saved = ShowStateFile.read(folder).orElseThrow();
        List<String> skipped = new ArrayList<>();
        StageDriver b = new StageDriver(LAYOUT, list, true, stage -> null);
        b.offer(ShowRestore.batch(saved, LAYOUT, list, RESTART, skipped));
        assertEquals(List.of(), skipped);
        return b;
    }

    static Stream<Arguments> curvesAndMoments() {
        List<Arguments> all = new ArrayList<>();
        for (CueCurve curve : CueCurve.values()) {
            // cue 1 fading | its post-wait | cue 2's pre-wait | cue 2 fading
            for (long saveAfter : new long[] {55 * FRAME, 132 * FRAME, 152 * FRAME, 190 * FRAME}) {
                all.add(Arguments.of(curve, saveAfter));
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("curvesAndMoments")
    void aRestoredShowGoesOnFrameForFrameAsTheUninterruptedOne(CueCurve curve, long saveAfter) throws Exception {
        CueList list = cues(curve);
        Path folder = temp.resolve("state");
        Saving a = saving(list, folder);
        long start = GO - 7 * FRAME / 3;
        a.driver().frame(start);
        a.driver().command(GO, ControlCommands.GO);
        // A console's parameter fade on the same curve, running across the save as well.
        a.driver().command(GO, ControlCommands.PARAMETER_FADE, FOCUS_X, 0.9f, 4.5f, curve.ordinal());
        long save = start + saveAfter;
        for (long t = start + FRAME; t <= save; t += FRAME) {
            a.driver().frame(t);
        }
        assertEquals(1, a.writer().doWork(), "the moment of the save is written");
        float[] atSave = {a.driver().value(ENERGY), a.driver().value(HUE), a.driver().value(FOCUS_X)};

        StageDriver b = restored(list, folder);
        b.frame(RESTART);
        assertEquals(atSave[0], b.value(ENERGY), "no jump at the restart");
        assertEquals(atSave[1], b.value(HUE), "no jump at the restart");
        assertEquals(atSave[2], b.value(FOCUS_X), "no jump at the restart");
        for (int c = 0; c < list.size(); c++) {
            assertEquals(a.driver().stage().state(c), b.stage().state(c), "cue " + c + "'s state is restored");
        }
        for (long x = FRAME; x < 6 * SECOND; x += FRAME) {
            a.driver().frame(save + x);
            b.frame(RESTART + x);
            for (int slot : new int[] {ENERGY, HUE, FOCUS_X}) {
                assertEquals(a.driver().value(slot), b.value(slot),
                        curve + ", saved " + saveAfter / FRAME + " frames in: slot " + slot + " at " + x + " ns after");
            }
        }
        assertEquals(0.2f, b.value(ENERGY), "cue 2 followed cue 1 after the restart");
        assertEquals(1f, b.value(HUE));
        assertEquals(0.9f, b.value(FOCUS_X));
        assertEquals(2, b.stage().playhead(), "the chain moved the playhead on to cue 3");
        assertEquals(CueState.IDLE, b.stage().state(1));
    }

    @Test
    void aCueOfAListReloadedDuringTheRunIsSavedWithItsProgressAndResumed() throws Exception {
        CueList started = cues(CueCurve.LINEAR);
        Path folder = temp.resolve("state");
        Saving a = saving(started, folder);
        a.driver().frame(GO - FRAME);
        // Saved during the run: other numbers, one more cue; the stage swaps it in at its RELOAD.
        CueList reloaded = CueFixtures.cues(temp, "{ 'cues': ["
                + " { 'number': '5', 'targets': { 'hue': 1 } },"
                + " { 'number': '6', 'targets': { 'energy': 1 }, 'fade': 3, 'curve': 'smoothstep' },"
                + " { 'number': '7', 'targets': { 'energy': 0.4 } },"
                + " { 'number': '8', 'targets': { 'hue': 0 } } ] }");
        a.driver().stage().offer(reloaded);
        a.driver().command(GO, ControlCommands.RELOAD, 1);
        a.driver().command(GO, ControlCommands.PLAYHEAD_SET, 1, 1); // cue 6, read against generation 1
        a.driver().command(GO, ControlCommands.GO);
        long save = GO + 40 * FRAME;
        for (long t = GO; t <= save; t += FRAME) {
            a.driver().frame(t);
        }
        assertEquals(1, a.writer().doWork());
        SavedShow saved = ShowStateFile.read(folder).orElseThrow();
        assertEquals("7", saved.playhead(), "named in the reloaded list");
        assertEquals(List.of("6"), saved.cues().stream().map(SavedShow.CueRun::cue).toList(), saved.cues().toString());
        assertEquals(CueState.RUNNING, saved.cues().get(0).state());
        assertEquals(List.of("6"), saved.fades().stream().map(SavedShow.Fade::cue).distinct().toList(),
                "the fade is cue 6's, not a parameter fade");

        // The next run starts with the saved file: the reloaded list.
        StageDriver b = restored(reloaded, folder);
        b.frame(RESTART);
        assertEquals(a.driver().value(ENERGY), b.value(ENERGY), "no jump at the restart");
        assertEquals(CueState.RUNNING, b.stage().state(1), "cue 6 runs on");
        for (long x = FRAME; x < 3 * SECOND; x += FRAME) {
            a.driver().frame(save + x);
            b.frame(RESTART + x);
            assertEquals(a.driver().value(ENERGY), b.value(ENERGY), "energy " + x + " ns after the save");
        }
        assertEquals(1f, b.value(ENERGY), "cue 6's fade ended where it would have");
    }

    @Test
    void aPausedCueStaysPausedAndResumesWithTheTimeItHadLeft() throws Exception {
        CueList list = cues(CueCurve.EASE_OUT);
        Path folder = temp.resolve("state");
        Saving a = saving(list, folder);
        a.driver().frame(0);
        a.driver().command(GO, ControlCommands.GO);
        long pause = GO + 7 * SECOND / 10;
        for (long t = FRAME; t < pause; t += FRAME) {
            a.driver().frame(t);
        }
        a.driver().command(pause, ControlCommands.CUE_PAUSE, 0, 0);
        long save = pause + SECOND;
        a.driver().frame(save);
        a.writer().doWork();
        float held = a.driver().value(ENERGY);
        assertTrue(held > 0 && held < 1, "paused mid-fade: " + held);

        StageDriver b = restored(list, folder);
        b.frame(RESTART + SECOND);
        assertEquals(CueState.PAUSED, b.stage().state(0));
        assertEquals(held, b.value(ENERGY), "a paused cue holds its value across the restart");
        long resume = 2 * SECOND;
        a.driver().command(save + resume, ControlCommands.CUE_RESUME, 0, 0);
        b.command(RESTART + resume, ControlCommands.CUE_RESUME, 0, 0);
        for (long x = resume; x < resume + 5 * SECOND; x += FRAME) {
            a.driver().frame(save + x);
            b.frame(RESTART + x);
            assertEquals(a.driver().value(ENERGY), b.value(ENERGY), "energy at " + x);
            assertEquals(a.driver().value(HUE), b.value(HUE), "hue at " + x);
        }
        assertEquals(0.2f, b.value(ENERGY), "after the resume, cue 1 finished and cue 2 followed");
    }

    @Test
    void aStopAfterTheRestartStopsTheRestoredCueAndItsChain() throws Exception {
        CueList list = cues(CueCurve.SMOOTHSTEP);
        Path folder = temp.resolve("state");
        Saving a = saving(list, folder);
        a.driver().frame(0);
        a.driver().command(GO, ControlCommands.GO);
        a.driver().frame(SECOND);
        a.writer().doWork();
        StageDriver b = restored(list, folder);
        b.frame(RESTART);
        float at = b.value(ENERGY);
        b.command(RESTART + 1, ControlCommands.CUE_STOP, 0, 0);
        b.frame(RESTART + 5 * SECOND);
        assertEquals(at, b.value(ENERGY), 1e-6f, "the restored fade belongs to its cue again: a stop freezes it");
        assertEquals(0f, b.value(HUE), "and its continue is gone with it");
    }
}
