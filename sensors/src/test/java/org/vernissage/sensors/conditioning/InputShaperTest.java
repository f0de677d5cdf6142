package org.vernissage.sensors.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vernissage.sensors.conditioning.Specs.spec;

import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.Curve;

/** Steps 1 to 4 together: normalise, dead zone, clamp (on and off), curve, in that order. */
class InputShaperTest {

    @Test
    void clampOnBoundsToZeroToOne() {
        InputShaper shaper = new InputShaper(spec().input(0, 127).build());
        assertEquals(1.0, shaper.shape(254));
        assertEquals(0.0, shaper.shape(-127));
        assertEquals(0.5, shaper.shape(63.5f));
    }

    @Test
    void clampOffLetsValuesThrough() {
        InputShaper shaper = new InputShaper(spec().input(0, 127).clamp(false).build());
        assertEquals(2.0, shaper.shape(254));
        assertEquals(-1.0, shaper.shape(-127));
    }

    @Test
    void infinitiesAreClampedEvenWithClampOff() {
        InputShaper shaper = new InputShaper(spec().input(0, 127).clamp(false).build());
        assertEquals(1.0, shaper.shape(Float.POSITIVE_INFINITY));
        assertEquals(0.0, shaper.shape(Float.NEGATIVE_INFINITY));
    }

    @Test
    void deadZoneComesBeforeTheCurve() {
        // 79.375 / 127 = 0.625 -> dead zone (0, 0.25) -> 0.5 -> ease-in -> 0.25
        InputShaper shaper = new InputShaper(spec().input(0, 127).deadZone(0, 0.25f).curve(Curve.EASE_IN).build());
        assertEquals(0.25, shaper.shape(79.375f), 1e-15);
        assertEquals(0.0, shaper.shape(20), "inside the dead zone");
    }

    @Test
    void clampComesBeforeTheCurve() {
        // 1.5 clamps to 1, and ease-out of 1 is 1 (ease-out of 1.5 unclamped would pass as 1.5)
        InputShaper clamped = new InputShaper(spec().curve(Curve.EASE_OUT).build());
        assertEquals(1.0, clamped.shape(1.5f));
        InputShaper unclamped = new InputShaper(spec().curve(Curve.EASE_OUT).clamp(false).build());
        assertEquals(1.5, unclamped.shape(1.5f));
    }

    @Test
    void aReversedInputRangeInvertsBeforeTheCurve() {
        InputShaper shaper = new InputShaper(spec().input(127, 0).curve(Curve.EASE_IN).build());
        assertEquals(0.5625, shaper.shape(31.75f), 1e-15, "u = 0.75, squared");
        assertEquals(1.0, shaper.shape(0));
        assertEquals(0.0, shaper.shape(127));
        assertEquals(1.0, shaper.shape(-50), "below the reversed range: past its 1 end, clamped");
    }

    @Test
    void aPowerCurveUsesTheExponent() {
        InputShaper shaper = new InputShaper(spec().input(0, 10).power(3).build());
        assertEquals(0.125, shaper.shape(5), 1e-15);
    }
}
