package org.vernissage.engine.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The budget's control: down in proportion when over, back up slowly when well under. */
class PowerBudgetTest {

    private double joules;
    private double seconds;

    /** One more second drawing {@code watts}. */
    private EnergyMeter.Reading drawing(double watts) {
        joules += watts;
        seconds += 1;
        return new EnergyMeter.Reading(joules, seconds, watts, EnergyKind.ESTIMATED, "test");
    }

    private PowerBudget started(double watts, double framesPerSecond) {
        PowerBudget budget = new PowerBudget(watts, framesPerSecond);
        budget.adjust(new EnergyMeter.Reading(0, 0, 0, EnergyKind.ESTIMATED, "test")); // opens the first window
        return budget;
    }

    @Test
    void theDrawIsJudgedOverAWholeWindowNotOneSample() {
        PowerBudget budget = started(10, 60);
        budget.adjust(new EnergyMeter.Reading(100, 0.5, 200, EnergyKind.ESTIMATED, "test")); // half a window: waits
        assertEquals(60, budget.framesPerSecond(), 1e-9);
        budget.adjust(new EnergyMeter.Reading(100, 1.0, 0, EnergyKind.ESTIMATED, "test")); // 100 J over 1 s
        assertEquals(6, budget.framesPerSecond(), 1e-9);
    }

    @Test
    void overTheBudgetLowersTheRateInProportionAndNeverUnderOneFrameASecond() {
        PowerBudget budget = started(10, 60);
        budget.adjust(drawing(20));
        assertEquals(30, budget.framesPerSecond(), 1e-9);
        assertTrue(budget.lowered());
        assertTrue(budget.describe().contains("frame rate lowered to 30.0 fps (of 60)"), budget.describe());
        assertTrue(budget.describe().contains("power budget 10.0 W (estimated 20.0 W)"), budget.describe());
        budget.adjust(drawing(10_000));
        assertEquals(PowerBudget.MIN_FRAMES_PER_SECOND, budget.framesPerSecond(), 1e-9);
    }

    @Test
    void wellUnderTheBudgetRaisesItBackToTheRunsOwnRate() {
        PowerBudget budget = started(10, 60);
        budget.adjust(drawing(40));
        assertEquals(15, budget.framesPerSecond(), 1e-9);
        budget.adjust(drawing(9)); // under, but not well under: stays
        assertEquals(15, budget.framesPerSecond(), 1e-9);
        for (int i = 0; i < 100; i++) {
            budget.adjust(drawing(2));
        }
        assertEquals(60, budget.framesPerSecond(), 1e-9);
        assertFalse(budget.lowered());
    }

    @Test
    void aBudgetMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new PowerBudget(0, 60));
        assertThrows(IllegalArgumentException.class, () -> new PowerBudget(Double.NaN, 60));
    }
}
