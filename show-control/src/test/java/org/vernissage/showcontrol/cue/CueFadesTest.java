package org.vernissage.showcontrol.cue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fades on their own, without the state machine: which fade writes a slot (the last to take
 * it), what it writes for a time, and that letting go leaves the value where it is.
 */
class CueFadesTest {

    private static final long SECOND = 1_000_000_000L;

    private static Cue cue(int index, int[] slots, float[] values, long fadeNanos) {
        return new Cue(index, String.valueOf(index + 1), "", slots, values, fadeNanos, CueCurve.LINEAR, 0, 0,
                ContinueMode.DO_NOT_CONTINUE, -1, new int[0], -1);
    }

    private final Cue up = cue(0, new int[] {0, 1}, new float[] {1f, 1f}, 2 * SECOND);
    private final Cue down = cue(1, new int[] {1}, new float[] {0f}, 2 * SECOND);
    private final CueFades fades = new CueFades(3);
    private final float[] values = {0f, 0f, 0.5f};

    CueFadesTest() {
        fades.allocate(new CueList(List.of(up, down), 0));
    }

    @Test
    void aCueFadesFromWhatItsSlotsHeldAlongItsCurve() {
        values[0] = 0.2f;
        fades.take(0, up.slots(), values);
        assertFalse(fades.apply(up, SECOND, up.fadeNanos(), values));
        assertEquals(0.6f, values[0], 1e-6f, "half way from 0.2 to 1");
        assertEquals(0.5f, values[1], 1e-6f);
        assertTrue(fades.apply(up, 2 * SECOND, up.fadeNanos(), values), "the fade is over at its length");
        assertEquals(1f, values[0]);
    }

    @Test
    void theLastCueToTakeASlotWritesItAndTheOtherKeepsItsOwn() {
        fades.take(0, up.slots(), values);
        fades.apply(up, SECOND, up.fadeNanos(), values);
        fades.take(1, down.slots(), values);
        fades.apply(up, 2 * SECOND, up.fadeNanos(), values);
        fades.apply(down, SECOND, down.fadeNanos(), values);
        assertEquals(1f, values[0], "slot 0 is still the first cue's");
        assertEquals(0.25f, values[1], 1e-6f, "slot 1 fades down from 0.5, where the first cue had it");
    }

    @Test
    void aReleasedSlotKeepsItsValueAndNoFadeWritesItAgain() {
        fades.take(0, up.slots(), values);
        fades.apply(up, SECOND, up.fadeNanos(), values);
        fades.release(0, up.slots());
        fades.apply(up, 2 * SECOND, up.fadeNanos(), values);
        assertEquals(0.5f, values[0], 1e-6f);
    }

    @Test
    void aParameterFadeMovesEachSettleEndsAtItsTargetAndLetsGo() {
        fades.fade(2, 0.5f, 1f, 10 * SECOND, 4 * SECOND, CueCurve.LINEAR, 10 * SECOND, values);
        assertEquals(0.5f, values[2], "nothing moves at its start");
        fades.settleParameterFades(11 * SECOND, values);
        assertEquals(0.625f, values[2], 1e-6f);
        fades.settleParameterFades(20 * SECOND, values);
        assertEquals(1f, values[2]);
        values[2] = 0.3f; // by hand, after the fade let go
        fades.settleParameterFades(21 * SECOND, values);
        assertEquals(0.3f, values[2], "a finished fade writes nothing more");
    }

    @Test
    void stoppingParameterFadesFreezesThemWhereTheyAre() {
        fades.fade(2, 0.5f, 1f, 0, 4 * SECOND, CueCurve.LINEAR, 2 * SECOND, values);
        assertEquals(0.75f, values[2], 1e-6f);
        fades.stopParameterFades();
        fades.settleParameterFades(3 * SECOND, values);
        assertEquals(0.75f, values[2], 1e-6f);
    }
}
