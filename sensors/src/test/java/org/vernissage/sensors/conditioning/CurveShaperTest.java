package org.vernissage.sensors.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.vernissage.engine.binding.Curve;

/** Step 4: each curve at hand-computed points, and what happens outside 0..1. */
class CurveShaperTest {

    @ParameterizedTest(name = "{0} at 0, 0.25, 0.5, 1")
    @CsvSource({
            "LINEAR,     1,   0.25,    0.5",
            "EASE_IN,    1,   0.0625,  0.25",
            "EASE_OUT,   1,   0.4375,  0.75",
            "SMOOTHSTEP, 1,   0.15625, 0.5",
            "POWER,      2,   0.0625,  0.25",
            "POWER,      3,   0.015625, 0.125",
            "POWER,      0.5, 0.5,     0.7071067811865476",
    })
    void hasTheHandComputedValues(Curve curve, float exponent, double atQuarter, double atHalf) {
        CurveShaper shaper = new CurveShaper(curve, exponent);
        assertEquals(0.0, shaper.apply(0));
        assertEquals(atQuarter, shaper.apply(0.25), 1e-15);
        assertEquals(atHalf, shaper.apply(0.5), 1e-15);
        assertEquals(1.0, shaper.apply(1));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void passesValuesOutsideZeroToOneUnchanged(Curve curve) {
        CurveShaper shaper = new CurveShaper(curve, curve == Curve.POWER ? 0.5f : 1);
        assertEquals(-0.5, shaper.apply(-0.5), "a fractional power of -0.5 would be NaN");
        assertEquals(-2.0, shaper.apply(-2), "squaring -2 would fold it back to 4");
        assertEquals(1.5, shaper.apply(1.5));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void isMonotonicAndStaysWithinZeroToOne(Curve curve) {
        CurveShaper shaper = new CurveShaper(curve, curve == Curve.POWER ? 2.5f : 1);
        double previous = 0;
        for (int i = 0; i <= 1000; i++) {
            double v = shaper.apply(i / 1000.0);
            assertTrue(v >= previous && v <= 1, curve + " at " + i / 1000.0 + ": " + v);
            previous = v;
        }
    }

    @Test
    void thePowerCurveIsWithinARelativeTenToTheMinus13OfTheExactPower() {
        for (float exponent : new float[] {0.1f, 0.5f, 1.7f, 2, 3, 10}) {
            CurveShaper shaper = new CurveShaper(Curve.POWER, exponent);
            for (int i = 1; i < 1000; i++) {
                double u = i / 1000.0;
                double exact = Math.pow(u, exponent);
                assertEquals(exact, shaper.apply(u), exact * 1e-13, "u^" + exponent + " at " + u);
            }
        }
    }

    @Test
    void smoothstepIsFlatAtBothEndsAndHalfwayInTheMiddle() {
        assertEquals(0.5, CurveShaper.smoothstep(0.5));
        assertEquals(0.0, CurveShaper.smoothstep(0));
        assertEquals(1.0, CurveShaper.smoothstep(1));
        double h = 1e-4;
        assertTrue(CurveShaper.smoothstep(h) / h < 1e-3, "slope near 0 is ~0");
        assertTrue((1 - CurveShaper.smoothstep(1 - h)) / h < 1e-3, "slope near 1 is ~0");
    }
}
