package org.vernissage.sensors.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Step 8 and its inverse: normalised output onto outputMin..outputMax and back. */
class OutputScaleTest {

    @Test
    void mapsZeroToOneOntoTheOutputRange() {
        OutputScale scale = new OutputScale(-1, 1);
        assertEquals(-1.0, scale.toOutput(0));
        assertEquals(-0.5, scale.toOutput(0.25));
        assertEquals(0.0, scale.toOutput(0.5));
        assertEquals(1.0, scale.toOutput(1));
        assertEquals(3.0, scale.toOutput(2), "beyond 1 when the binding does not clamp");
    }

    @Test
    void aReversedOutputRangeInverts() {
        OutputScale scale = new OutputScale(10, 0);
        assertEquals(10.0, scale.toOutput(0));
        assertEquals(7.5, scale.toOutput(0.25));
        assertEquals(0.0, scale.toOutput(1));
        assertEquals(0.25, scale.toNormalised(7.5));
    }

    @Test
    void toNormalisedIsTheInverse() {
        OutputScale scale = new OutputScale(200, 2000);
        assertEquals(0.5, scale.toNormalised(1100));
        assertEquals(0.0, scale.toNormalised(200));
        assertEquals(-0.5, scale.toNormalised(-700));
        for (int i = 0; i <= 10; i++) {
            assertEquals(i / 10.0, scale.toNormalised(scale.toOutput(i / 10.0)), 1e-15);
        }
    }

    @Test
    void anEmptyOutputRangeMapsEverythingOntoItsOneValue() {
        OutputScale scale = new OutputScale(3, 3);
        assertEquals(3.0, scale.toOutput(0));
        assertEquals(3.0, scale.toOutput(0.7));
        assertEquals(0.0, scale.toNormalised(3), "no division by zero");
        assertEquals(0.0, scale.toNormalised(99));
    }
}
