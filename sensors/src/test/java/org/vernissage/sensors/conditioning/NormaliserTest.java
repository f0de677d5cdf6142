package org.vernissage.sensors.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Step 1: raw value onto 0..1 of the input range. */
class NormaliserTest {

    @Test
    void mapsTheInputRangeOntoZeroToOne() {
        Normaliser midi = new Normaliser(0, 127);
        assertEquals(0.0, midi.normalise(0));
        assertEquals(1.0, midi.normalise(127));
        assertEquals(0.5, midi.normalise(63.5f));
        assertEquals(64.0 / 127.0, midi.normalise(64), 1e-15);
    }

    @Test
    void valuesOutsideTheRangeMapOutsideZeroToOne() {
        Normaliser midi = new Normaliser(0, 127);
        assertEquals(2.0, midi.normalise(254));
        assertEquals(-1.0, midi.normalise(-127));
    }

    @Test
    void aRangeAcrossZeroIsNormalisedFromItsMinimum() {
        Normaliser bipolar = new Normaliser(-1, 1);
        assertEquals(0.0, bipolar.normalise(-1));
        assertEquals(0.5, bipolar.normalise(0));
        assertEquals(0.75, bipolar.normalise(0.5f));
    }

    @Test
    void aReversedRangeInverts() {
        Normaliser reversed = new Normaliser(10, 0);
        assertEquals(0.0, reversed.normalise(10));
        assertEquals(1.0, reversed.normalise(0));
        assertEquals(0.75, reversed.normalise(2.5f));
        assertEquals(-0.5, reversed.normalise(15));
    }

    @Test
    void infinitiesLandOnTheMatchingEndOfTheRange() {
        Normaliser up = new Normaliser(0, 1);
        assertEquals(1.0, up.normalise(Float.POSITIVE_INFINITY));
        assertEquals(0.0, up.normalise(Float.NEGATIVE_INFINITY));
        Normaliser reversed = new Normaliser(1, 0);
        assertEquals(0.0, reversed.normalise(Float.POSITIVE_INFINITY));
        assertEquals(1.0, reversed.normalise(Float.NEGATIVE_INFINITY));
    }

    @Test
    void theLargestFloatsOverTheNarrowestRangeStayFinite() {
        Normaliser narrow = new Normaliser(0, Float.MIN_VALUE);
        double u = narrow.normalise(Float.MAX_VALUE);
        assertEquals(Float.MAX_VALUE / (double) Float.MIN_VALUE, u);
        assertEquals(-u, narrow.normalise(-Float.MAX_VALUE));
    }
}
