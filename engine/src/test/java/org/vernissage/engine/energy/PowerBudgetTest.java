package org.vernissage.engine.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The budget's control: down in proportion when over, back up slowly when well under. */
class PowerBudgetTest {

    private static EnergyMeter.Reading drawing(double watts) {
        return new EnergyMeter.Reading(0, 1, watts, EnergyKind.ESTIMATED, "test");
    }

    @Test
    void overTheBudgetLowersTheRateInProportionAndNeverUnderOneFrameASecond() {
        PowerBudget budget = new PowerBudget(10, 60);
        budget.adjust(drawing(20));
        assertEquals(30, budget.framesPerSecond(), 1e-9);
        assertTrue(budget.lowered());
        assertTrue(budget.describe().contains("frame rate lowered to 30.0 fps (of 60)"), budget.describe());
        assertTrue(budget.describe().contains("estimated 20.00 W"), budget.describe());
        budget.adjust(drawing(10_000));
        assertEquals(PowerBudget.MIN_FRAMES_PER_SECOND, budget.framesPerSecond(), 1e-9);
    }

    @Test
    void wellUnderTheBudgetRaisesItBackToTheRunsOwnRate() {
        PowerBudget budget = new PowerBudget(10, 60);
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
