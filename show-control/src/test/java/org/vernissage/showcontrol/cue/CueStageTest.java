package org.vernissage.showcontrol.cue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.showcontrol.cue.CueFixtures.ENERGY;
import static org.vernissage.showcontrol.cue.CueFixtures.FOCUS_X;
import static org.vernissage.showcontrol.cue.CueFixtures.HUE;
import static org.vernissage.showcontrol.cue.CueFixtures.LAYOUT;
import static org.vernissage.showcontrol.cue.CueFixtures.SECOND;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cue stage in a real conductor: fades on the frame horizon along their curve, the playhead,
 * pre-waits, continues and loops, groups, overlaps, pause, resume, stop, parameter commands,
 * replies, determinism and no allocation per frame.
 */
class CueStageTest {

    private static final long FRAME = SECOND / 60;

    @TempDir
    Path folder;

    private StageDriver driver(String json) throws Exception {
        return new StageDriver(LAYOUT, CueFixtures.cues(folder, json), true);
    }

    @ParameterizedTest
    @EnumSource(CueCurve.class)
    void aFadeFollowsItsCurveFrameByFrameWithNoStepLargerThanItsSlopeAllows(CueCurve curve) throws Exception {
        StageDriver d = driver("{ 'cues': [ { 'number': '1', 'targets': { 'energy': 1 }, 'fade': 2, 'curve': '"
                + curve.fileName() + "' } ] }");
        long go = 5 * SECOND + 123_457; // not on a frame: the fade is timed from the GO itself
        d.frame(go - 1000);
        d.command(go, ControlCommands.GO);
        float previous = d.value(ENERGY);
        assertEquals(0f, previous);
        for (long t = go - 1000 + FRAME; t < go + 3 * SECOND; t += FRAME) {
            d.frame(t);
            float v = d.value(ENERGY);
            float expected = curve.at((double) (t - go) / (2 * SECOND));
            assertEquals(expected, v, 1e-6f, "the frame at " + t + " shows the fade at its own time");
            float allowed = curve.maxSlope() * FRAME / (2f * SECOND);
            assertTrue(v - previous >= 0 && v - previous <= allowed + 1e-6f,
                    curve + ": step " + (v - previous) + " at " + t + " exceeds " + allowed);
            previous = v;
        }
        assertEquals(1f, d.value(ENERGY), "ends exactly on the target");
        assertEquals(CueState.IDLE, d.stage.state(0));
    }

    @Test
    void goRunsTheCueAtThePlayheadMovesItOnAndAnswersInOrder() throws Exception {
        StageDriver d = driver("{ 'cues': [ { 'number': '1', 'targets': { 'energy': 0.5 } },"
                + " { 'number': '2', 'targets': { 'hue': 0.75, 'focus': [0.1, 0.9] } } ] }");
        long a = d.command(10, ControlCommands.GO);
        assertEquals(0.5f, d.value(ENERGY), "a cue without fade snaps in the same batch, before any frame");
        long b = d.command(20, ControlCommands.GO);
        assertEquals(0.75f, d.value(HUE));
        assertEquals(0.1f, d.value(FOCUS_X));
        long c = d.command(30, ControlCommands.GO);
        List<StageDriver.Reply> replies = d.replies();
        assertEquals(List.of(a, b, c), replies.stream().map(StageDriver.Reply::request).toList());
        assertEquals(ControlCommands.OK, replies.get(0).status());
        assertEquals(0, replies.get(0).subject(), "the first GO started cue 1");
        assertEquals(1, replies.get(0).playhead(), "and left the playhead on cue 2");
        assertEquals(1, replies.get(1).subject());
        assertEquals(-1, replies.get(1).playhead(), "past the end");
        assertEquals(ControlCommands.ERROR, replies.get(2).status());
        assertEquals(ControlCommands.NOTHING_AT_PLAYHEAD, replies.get(2).reason());
    }

    @Test
    void updatesFollowThePlayheadAndEachCuesState() throws Exception {
        StageDriver d = driver("{ 'cues': [ { 'number': '1', 'targets': { 'energy': 0.5 }, 'fade': 1 },"
                + " { 'number': '2' } ] }");
        d.command(0, ControlCommands.GO);
        d.frame(2 * SECOND);
        List<String> updates = d.drain().stream().filter(r -> r.request() == ControlCommands.UPDATE_REQUEST)
                .map(r -> (r.command() == ControlCommands.UPDATE_PLAYHEAD ? "playhead " : "cue ")
                        + Math.round(r.args()[0]) + (r.command() == ControlCommands.UPDATE_CUE
                        ? " " + CueState.ofCode(Math.round(r.args()[1])).word() : ""))
                .toList();
        assertEquals(List.of("playhead 1", "cue 0 waiting", "cue 0 running", "cue 0 stopped"), updates);
    }

    @Test
    void preWaitHoldsTheValueThenTheFadeBegins() throws Exception {
        StageDriver d = driver("{ 'cues': [ { 'number': '1', 'targets': { 'energy': 1 }, 'fade': 1, 'preWait': 2 } ] }");
        d.command(0, ControlCommands.GO);
        d.frame(SECOND);
        assertEquals(0f, d.value(ENERGY));
        assertEquals(CueState.WAITING, d.stage.state(0));
        d.frame(2 * SECOND + SECOND / 4);
        assertEquals(0.25f, d.value(ENERGY), 1e-6f);
        d.frame(3 * SECOND);
        assertEquals(1f, d.value(ENERGY));
    }

    @Test
    void overlappingCuesTheLaterTakesOnlyTheSlotsItFades() throws Exception {
        StageDriver d = driver("{ 'cues': [ { 'number': '1', 'targets': { 'energy': 1, 'hue': 1 }, 'fade': 2 },"
                + " { 'number': '2', 'targets': { 'energy': 0 }, 'fade': 1 } ] }");
        d.command(0, ControlCommands.GO);
        d.frame(SECOND);
        assertEquals(0.5f, d.value(ENERGY), 1e-6f);
        d.command(SECOND, ControlCommands.GO);
        d.frame(SECOND + SECOND / 2);
        assertEquals(0.25f, d.value(ENERGY), 1e-6f, "cue 2 fades energy from where cue 1 had it");
        assertEquals(0.75f, d.value(HUE), 1e-6f, "cue 1 still fades hue");
        d.frame(2 * SECOND);
        assertEquals(0f, d.value(ENERGY));
        assertEquals(1f, d.value(HUE));
    }

    @Test
    void pauseFreezesAFadeAndResumeKeepsItsRemainingTime() throws Exception {
        StageDriver d = driver("{ 'cues': [ { 'number': '1', 'targets': { 'energy': 1 }, 'fade': 2 } ] }");
        d.command(0, ControlCommands.GO);
        d.frame(SECOND / 2);
        d.drain();
        long pause = d.command(SECOND, ControlCommands.CUE_PAUSE, 0);
        assertEquals(0.5f, d.value(ENERGY), 1e-6f, "paused where it was at the pause's own time");
        for (long t = SECOND; t <= 3 * SECOND; t += FRAME) {
            d.frame(t);
            assertEquals(0.5f, d.value(ENERGY), 1e-6f);
        }
        long resume = d.command(3 * SECOND, ControlCommands.CUE_RESUME, 0);
        d.frame(3 * SECOND + SECOND / 2);
        assertEquals(0.75f, d.value(ENERGY), 1e-6f);
        d.frame(4 * SECOND - SECOND / 100);
        assertTrue(d.value(ENERGY) < 1f, "one second was left at the pause");
        d.frame(4 * SECOND);
        assertEquals(1f, d.value(ENERGY));
        long again = d.command(5 * SECOND, ControlCommands.CUE_RESUME, 0);
        List<StageDriver.Reply> replies = d.replies();
        assertEquals(List.of(pause, resume, again), replies.stream().map(StageDriver.Reply::request).toList());
        assertEquals(ControlCommands.NOT_PAUSED, replies.get(2).reason(), "resuming a cue that is not paused");
    }

    @Test
    void pauseAllAndResumeAllThenStopFreezesForGood() throws Exception {
        StageDriver d = driver("{ 'cues': [ { 'number': '1', 'targets': { 'energy': 1 }, 'fade': 1 },"
                + " { 'number': '2', 'targets': { 'hue': 1 }, 'fade': 1 } ] }");
        d.command(0, ControlCommands.GO);
        d.command(0, ControlCommands.GO);
        d.command(SECOND / 4, ControlCommands.PAUSE_ALL);
        d.frame(SECOND);
        assertEquals(0.25f, d.value(ENERGY), 1e-6f);
        assertEquals(0.25f, d.value(HUE), 1e-6f);
        d.command(SECOND, ControlCommands.RESUME_ALL);
        d.frame(SECOND + SECOND / 4);
        assertEquals(0.5f, d.value(ENERGY), 1e-6f);
        d.command(SECOND + SECOND / 4, ControlCommands.CUE_STOP, 1);
        d.frame(3 * SECOND);
        assertEquals(1f, d.value(ENERGY));
        assertEquals(0.5f, d.value(HUE), 1e-6f, "a stopped cue leaves its slots where they were");
        assertEquals(CueState.IDLE, d.stage.state(1));
    }

    @Test
    void autoFollowStartsTheNextCueWhenTheFadeEndsTimedFromTheCueNotTheFrame() throws Exception {
        StageDriver d = driver("{ 'cues': ["
                + " { 'number': '1', 'targets': { 'energy': 1 }, 'fade': 1, 'continue': 'auto-follow', 'postWait': 0.5 },"
                + " { 'number': '2', 'targets': { 'energy': 0 }, 'fade': 1, 'continue': 'auto-continue' },"
                + " { 'number': '3', 'targets': { 'hue': 1 }, 'fade': 2 },"
                + " { 'number': '4' } ] }");
        d.command(0, ControlCommands.GO);
        d.frame(SECOND + SECOND / 3); // cue 1 done, its post-wait not
        assertEquals(1f, d.value(ENERGY));
        assertEquals(CueState.IDLE, d.stage.state(1));
        d.frame(2 * SECOND); // cue 2 began at 1.5 s exactly, cue 3 with it (auto-continue)
        assertEquals(0.5f, d.value(ENERGY), 1e-6f);
        assertEquals(0.25f, d.value(HUE), 1e-6f);
        assertEquals(3, d.stage.playhead(), "the playhead went past the cues that continued");
    }

    @Test
    void aLoopRunsAgainAndAgain() throws Exception {
        StageDriver d = driver("{ 'cues': ["
                + " { 'number': '1', 'targets': { 'energy': 1 }, 'fade': 1, 'continue': 'auto-follow' },"
                + " { 'number': '2', 'targets': { 'energy': 0 }, 'fade': 1, 'continue': 'auto-follow', 'next': '1' } ] }");
        d.command(0, ControlCommands.GO);
        for (int lap = 0; lap < 5; lap++) {
            long t0 = lap * 2 * SECOND;
            d.frame(t0 + SECOND / 2);
            assertEquals(0.5f, d.value(ENERGY), 1e-6f, "lap " + lap + ", rising");
            d.frame(t0 + SECOND + SECOND / 4);
            assertEquals(0.75f, d.value(ENERGY), 1e-6f, "lap " + lap + ", falling");
        }
        assertEquals(0, d.stage.endlessChains());
    }

    @Test
    void aGroupStartsItsCuesTogetherAndFollowsWhenTheLongestIsDone() throws Exception {
        StageDriver d = driver("{ 'cues': ["
                + " { 'number': '1', 'continue': 'auto-follow', 'group': ["
                + "   { 'number': '1a', 'targets': { 'energy': 1 }, 'fade': 1 },"
                + "   { 'number': '1b', 'targets': { 'hue': 1 }, 'fade': 1, 'preWait': 1 } ] },"
                + " { 'number': '2', 'targets': { 'energy': 0 }, 'fade': 1 } ] }");
        d.command(0, ControlCommands.GO);
        d.frame(SECOND / 2);
        assertEquals(0.5f, d.value(ENERGY), 1e-6f);
        assertEquals(0f, d.value(HUE));
        d.frame(SECOND + SECOND / 2);
        assertEquals(1f, d.value(ENERGY));
        assertEquals(0.5f, d.value(HUE), 1e-6f);
        assertEquals(CueState.RUNNING, d.stage.state(0), "the group runs while a child does");
        d.frame(2 * SECOND + SECOND / 2);
        assertEquals(0.5f, d.value(ENERGY), 1e-6f, "cue 2 followed the group at 2 s");
        assertEquals(CueState.IDLE, d.stage.state(0));
    }

    @Test
    void aGroupsPreWaitDelaysEveryCueInIt() throws Exception {
        StageDriver d = driver("{ 'cues': [ { 'number': '1', 'preWait': 1, 'continue': 'auto-follow', 'group': ["
                + " { 'number': '1a', 'targets': { 'energy': 1 }, 'fade': 1 } ] },"
                + " { 'number': '2', 'targets': { 'hue': 1 } } ] }");
        d.command(0, ControlCommands.GO);
        d.frame(SECOND / 2);
        assertEquals(0f, d.value(ENERGY));
        d.frame(SECOND + SECOND / 2);
        assertEquals(0.5f, d.value(ENERGY), 1e-6f);
        assertEquals(0f, d.value(HUE), "the group is not over before its cue");
        d.frame(2 * SECOND);
        assertEquals(1f, d.value(HUE), "then it follows on");
    }

    @Test
    void aReloadSwapsTheListKeepsTheValuesAndRefusesCommandsReadAgainstTheOldOne() throws Exception {
        StageDriver d = driver("{ 'cues': [ { 'number': '1', 'targets': { 'energy': 1 }, 'fade': 2 },"
                + " { 'number': '2', 'targets': { 'hue': 1 } } ] }");
        d.command(0, ControlCommands.GO);
        d.frame(SECOND);
        assertEquals(0.5f, d.value(ENERGY), 1e-6f);
        d.command(SECOND, ControlCommands.RELOAD);
        assertEquals(ControlCommands.NOTHING_TO_LOAD, d.replies().get(1).reason(), "nothing offered: nothing changes");
        d.stage.offer(CueFixtures.cues(folder, "{ 'cues': [ { 'number': '0', 'targets': { 'hue': 0.3 } },"
                + " { 'number': '2', 'targets': { 'hue': 0.9 } }, { 'number': '3', 'targets': { 'energy': 0.1 } } ] }"));
        d.command(SECOND, ControlCommands.RELOAD);
        assertEquals(1, d.stage.generation());
        assertEquals(1, d.stage.playhead(), "the playhead stays on cue 2, now the second cue of the new list");
        d.frame(2 * SECOND);
        assertEquals(0.5f, d.value(ENERGY), 1e-6f, "the old list's fade stopped where it was: nothing jumps");
        d.command(2 * SECOND, ControlCommands.CUE_START, 2, 0); // read against generation 0
        d.command(2 * SECOND, ControlCommands.CUE_START, 2, 1);
        List<StageDriver.Reply> replies = d.replies();
        assertEquals(ControlCommands.OK, replies.get(0).status());
        assertEquals(ControlCommands.LIST_CHANGED, replies.get(1).reason());
        assertEquals(ControlCommands.OK, replies.get(2).status());
        assertEquals(0.1f, d.value(ENERGY), "cue 3 of the new list ran");
        d.command(2 * SECOND, ControlCommands.GO);
        assertEquals(0.9f, d.value(HUE), "GO runs the new cue 2");
    }

    @Test
    void theListInForceChangesWhenTheStageSwapsNotWhenAListIsOffered() throws Exception {
        StageDriver d = driver("{ 'cues': [ { 'number': '1', 'targets': { 'energy': 1 } } ] }");
        CueListInForce inForce = d.stage.inForce();
        assertEquals(0, inForce.current().number());
        assertEquals(0, inForce.current().indexOf("1"));
        d.stage.offer(CueFixtures.cues(folder, "{ 'cues': [ { 'number': '0' }, { 'number': '1' } ] }"));
        assertEquals(0, inForce.current().indexOf("1"), "offered, not yet swapped: consoles read the old list");
        d.command(0, ControlCommands.RELOAD);
        assertEquals(1, inForce.current().number());
        assertEquals(1, inForce.current().indexOf("1"), "swapped: cue 1 is the second cue now");
        assertEquals(-1, inForce.current().indexOf("7"));
    }

    @Test
    void timedGoFadesOverTheGivenTimeAndAnAutoFollowWaitsForThatFade() throws Exception {
        StageDriver d = driver("{ 'cues': ["
                + " { 'number': '1', 'targets': { 'energy': 1 }, 'fade': 8, 'continue': 'auto-follow' },"
                + " { 'number': '2', 'targets': { 'hue': 1 }, 'fade': 1 },"
                + " { 'number': '3', 'targets': { 'energy': 0 }, 'fade': 4 } ] }");
        long two = 2 * SECOND;
        d.command(0, ControlCommands.TIMED_GO, -1, 0, NanosAsFloats.high(two), NanosAsFloats.low(two));
        d.frame(SECOND);
        assertEquals(0.5f, d.value(ENERGY), 1e-6f, "half of the 2 s the TIMED_GO gave, not 1/8 of the cue's 8 s");
        CueProgress progress = new CueProgress(LAYOUT.slotCount(), 8);
        d.stage.progressAt(SECOND, progress);
        assertEquals(two, progress.totalNanos(ENERGY), "a saved show keeps the fade's length as it runs");
        d.frame(two);
        assertEquals(1f, d.value(ENERGY));
        d.frame(two + SECOND / 2);
        assertEquals(0.5f, d.value(HUE), 1e-6f, "cue 2 followed at the end of the 2 s fade, on its own 1 s");
        assertEquals(2, d.stage.playhead());
        d.command(3 * SECOND, ControlCommands.TIMED_GO, 2, 0, 0, 0); // cue 3 by index, a snap
        assertEquals(0f, d.value(ENERGY), "time 0: a snap");
        d.command(3 * SECOND, ControlCommands.TIMED_GO, 2, 5, 0, 0); // read against a generation that is not
        d.command(3 * SECOND, ControlCommands.TIMED_GO, -1, 0, NanosAsFloats.high(-1), 0);
        d.command(3 * SECOND, ControlCommands.TIMED_GO, -1, 0);
        List<StageDriver.Reply> replies = d.replies();
        assertEquals(ControlCommands.OK, replies.get(0).status());
        assertEquals(ControlCommands.OK, replies.get(1).status());
        assertEquals(ControlCommands.LIST_CHANGED, replies.get(2).reason());
        assertEquals(ControlCommands.BAD_VALUE, replies.get(3).reason(), "a negative time: refused");
        assertEquals(ControlCommands.BAD_VALUE, replies.get(4).reason(), "no time: refused");
        d.command(4 * SECOND, ControlCommands.PARAMETER_SET, ENERGY, 1);
        d.command(4 * SECOND, ControlCommands.GO); // cue 3, at the playhead
        d.frame(5 * SECOND);
        assertEquals(0.75f, d.value(ENERGY), 1e-6f, "a plain GO of cue 3 takes its own 4 s again");
    }

    @Test
    void unknownCuesAndBadParameterCommandsAreRefusedWithAReason() throws Exception {
        StageDriver d = driver("{ 'cues': [ { 'number': '1', 'group': [ { 'number': '1a' } ] } ] }");
        d.command(0, ControlCommands.CUE_START, 7);
        d.command(0, ControlCommands.PLAYHEAD_SET, 1); // a child cannot hold the playhead
        d.command(0, ControlCommands.PARAMETER_SET, 99, 1);
        d.command(0, ControlCommands.PARAMETER_SET, ENERGY, Float.NaN);
        d.command(0, ControlCommands.PARAMETER_FADE, ENERGY, 1, -1, 0);
        d.command(0, 999);
        assertEquals(List.of(ControlCommands.UNKNOWN_CUE, ControlCommands.UNKNOWN_CUE, ControlCommands.BAD_SLOT,
                        ControlCommands.BAD_VALUE, ControlCommands.BAD_VALUE, ControlCommands.UNKNOWN_COMMAND),
                d.replies().stream().map(StageDriver.Reply::reason).toList());
        assertEquals(0f, d.value(ENERGY));
    }

    @Test
    void parametersAreSetAndFadedByCommandAndAHandSetEndsAFade() throws Exception {
        StageDriver d = driver("{ 'cues': [] }");
        d.command(0, ControlCommands.PARAMETER_SET, HUE, 0.4f);
        assertEquals(0.4f, d.value(HUE));
        d.command(0, ControlCommands.PARAMETER_FADE, ENERGY, 1, 2, CueCurve.EASE_IN.ordinal());
        d.frame(SECOND);
        assertEquals(0.25f, d.value(ENERGY), 1e-6f);
        d.command(SECOND, ControlCommands.PARAMETER_SET, ENERGY, 0.9f);
        d.frame(SECOND + SECOND / 2);
        assertEquals(0.9f, d.value(ENERGY));
    }

    @Test
    void theSameEventsGiveTheSameValuesBitForBit() throws Exception {
        String json = "{ 'cues': ["
                + " { 'number': '1', 'targets': { 'energy': 1, 'focus': [0.1, 0.2] }, 'fade': 1.7, 'curve': 'smoothstep',"
                + "   'continue': 'auto-follow' },"
                + " { 'number': '2', 'targets': { 'energy': 0.3, 'hue': 0.6 }, 'fade': 2.3, 'curve': 'ease-out', 'preWait': 0.3 } ] }";
        float[][] first = run(driver(json), 42);
        float[][] second = run(driver(json), 42);
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], second[i], "frame " + i);
        }
    }

    private float[][] run(StageDriver d, long seed) {
        Random random = new Random(seed);
        float[][] frames = new float[300][];
        long t = 0;
        for (int i = 0; i < frames.length; i++) {
            t += FRAME / 2 + random.nextInt((int) FRAME);
            if (i == 3 || i == 150) {
                d.command(t - random.nextInt(1000), ControlCommands.GO);
            }
            if (i == 40) {
                d.command(t, ControlCommands.PAUSE_ALL);
            }
            if (i == 70) {
                d.command(t, ControlCommands.RESUME_ALL);
            }
            d.frame(t);
            float[] values = new float[LAYOUT.slotCount()];
            d.snapshots.latch().copyValuesInto(values);
            frames[i] = values;
        }
        return frames;
    }

    @Test
    void framesDuringFadesAllocateNothing() throws Exception {
        StageDriver d = new StageDriver(LAYOUT, CueFixtures.cues(folder, "{ 'cues': ["
                + " { 'number': '1', 'targets': { 'energy': 1, 'focus': [0.1, 0.2] }, 'fade': 100 },"
                + " { 'number': '2', 'targets': { 'hue': 1 }, 'fade': 100, 'preWait': 1 } ] }"), false);
        d.command(0, ControlCommands.GO);
        d.command(0, ControlCommands.GO);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long t = 0;
        for (int i = 0; i < 2000; i++) {
            d.frame(t += FRAME); // warm up
        }
        d.drain();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 3000; i++) {
            d.frame(t += FRAME);
        }
        long bytes = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(bytes < 1024, "3000 frames of two fades allocated " + bytes + " bytes");
        assertTrue(d.value(ENERGY) > 0 && d.value(ENERGY) < 1);
    }
}
