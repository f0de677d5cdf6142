package org.vernissage.showcontrol.cue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.showcontrol.cue.CueFixtures.LAYOUT;
import static org.vernissage.showcontrol.cue.CueFixtures.SECOND;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading cues.json: every field resolved; every broken rule named by file, cue and field. */
class CueListLoaderTest {

    @TempDir
    Path folder;

    @Test
    void readsEveryFieldAndResolvesTargetsToSlots() throws Exception {
        CueList list = CueFixtures.cues(folder, """
                { 'cues': [
                  { 'number': '1', 'name': 'Dawn', 'targets': { 'energy': 0.2, 'focus': [0.25, 0.75] },
                    'fade': 2.5, 'curve': 'smoothstep', 'preWait': 0.5, 'continue': 'auto-follow', 'postWait': 1 },
                  { 'number': 2, 'group': [
                      { 'number': '2a', 'targets': { 'hue': 1 }, 'fade': 3 },
                      { 'number': '2b', 'targets': { 'energy': 1 }, 'preWait': 1, 'fade': 4 } ] },
                  { 'number': '3', 'targets': { 'hue': 0 }, 'next': '1', 'continue': 'auto-continue', 'postWait': 2 } ] }
                """);
        assertEquals(5, list.size());
        Cue dawn = list.cue(0);
        assertEquals("Dawn", dawn.name());
        assertArrayEquals(new int[] {CueFixtures.ENERGY, CueFixtures.FOCUS_X, CueFixtures.FOCUS_Y}, dawn.slots());
        assertArrayEquals(new float[] {0.2f, 0.25f, 0.75f}, dawn.values());
        assertEquals(2_500_000_000L, dawn.fadeNanos());
        assertEquals(500_000_000L, dawn.preWaitNanos());
        assertEquals(SECOND, dawn.postWaitNanos());
        assertEquals(CueCurve.SMOOTHSTEP, dawn.curve());
        assertEquals(ContinueMode.AUTO_FOLLOW, dawn.continueMode());
        assertEquals(1, dawn.next(), "the next cue of the main list, skipping nothing");
        Cue group = list.cue(1);
        assertEquals("2", group.number(), "a number written as a JSON number is the same cue");
        assertArrayEquals(new int[] {2, 3}, group.children());
        assertEquals(5 * SECOND, group.fadeNanos(), "a group lasts as long as its longest child (1 s + 4 s)");
        assertEquals(4, group.next(), "after a group comes the next cue of the main list, not its child");
        assertEquals(1, list.cue(2).parent());
        assertEquals(0, list.cue(4).next(), "cue 3 loops back to cue 1");
        assertEquals(0, list.first());
        assertEquals(Optional.of(3), list.indexOf("2b"));
    }

    @Test
    void noFileIsNoCueList() throws Exception {
        assertTrue(CueListLoader.loadIfPresent(folder, LAYOUT).isEmpty());
    }

    @Test
    void eachBrokenRuleNamesTheFileTheCueAndTheField() throws Exception {
        assertRefused("{ 'cues': [ { 'number': '1', 'targets': { 'energy': 2 } } ] }",
                "cue \"1\" (cues[0]).targets.energy: expected a number from 0.0 to 1.0, found 2");
        assertRefused("{ 'cues': [ { 'number': '1' }, { 'number': '2', 'targets': { 'glow': 1 } } ] }",
                "cue \"2\" (cues[1]).targets.glow: expected a parameter of the artwork (energy, hue, focus, flash)");
        assertRefused("{ 'cues': [ { 'number': '1', 'fade': -1 } ] }",
                "cue \"1\" (cues[0]).fade: expected a number of seconds from 0 to 86400, found -1");
        assertRefused("{ 'cues': [ { 'number': '1', 'curve': 'bouncy' } ] }",
                "cue \"1\" (cues[0]).curve: expected linear, ease-in, ease-out or smoothstep, found \"bouncy\"");
        assertRefused("{ 'cues': [ { 'number': '1', 'continue': 'maybe' } ] }",
                "cue \"1\" (cues[0]).continue: expected none, auto-continue or auto-follow, found \"maybe\"");
        assertRefused("{ 'cues': [ { 'number': '1' }, { 'number': '1' } ] }",
                "cue \"1\" (cues[1]).number: expected a number no other cue has, found \"1\" a second time");
        assertRefused("{ 'cues': [ { 'number': '1', 'next': '9' } ] }",
                "cue \"1\" (cues[0]).next: expected the number of a cue in the list, found \"9\"");
        assertRefused("{ 'cues': [ { 'number': '1', 'fadeTime': 2 } ] }",
                "cue \"1\" (cues[0]).fadeTime: unknown field");
        assertRefused("{ 'cues': [ { 'name': 'x' } ] }",
                "cues[0].number: expected the cue's number");
        assertRefused("{ 'cues': [ { 'number': 'a/b' } ] }", "cues[0].number: expected printable ASCII");
        assertRefused("{ 'cues': [ { 'number': '1', 'targets': { 'focus': 0.5 } } ] }",
                "targets.focus: expected an array of 2 numbers from 0.0 to 1.0, found 0.5");
        assertRefused("{ 'cues': [ { 'number': '1', 'targets': { 'flash': 1 } } ] }",
                "targets.flash: expected a parameter that holds a value: flash is an event");
        assertRefused("{ 'cues': [ { 'number': '1', 'continue': 'auto-follow', 'next': '1' } ] }",
                "cue \"1\" (cues[0]).continue: expected a loop that takes some time");
        assertRefused("{ 'cues': [ { 'number': '1', 'group': [ { 'number': '1a', 'next': '1' } ] } ] }",
                "cue \"1a\" (cues[0].group[0]).next: expected nothing: a cue in a group starts with its group");
        assertRefused("{ 'cues': [ { 'number': '1', 'fade': 1, 'group': [ { 'number': '1a' } ] } ] }",
                "cue \"1\" (cues[0]).fade: expected nothing: a group's cues hold the targets");
        assertRefused("{ 'cue': [] }", "cue: unknown field; a cue file has only \"cues\"");
        assertRefused("{ 'cues': [ }", "not valid JSON at line 1");
    }

    private void assertRefused(String json, String message) throws Exception {
        Path file = CueFixtures.write(folder, json);
        CueListException e = assertThrows(CueListException.class, () -> CueListLoader.load(file, LAYOUT));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), "expected <" + message + "> in <" + e.getMessage() + ">");
        assertEquals(file, e.file());
    }
}
