package org.vernissage.sensors.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Step 2: values near the centre snap to it; the rest of each side is stretched, continuously. */
class DeadZoneTest {

    private static final double EPS = 1e-9;

    @Test
    void widthZeroChangesNothing() {
        DeadZone off = new DeadZone(0.5f, 0);
        for (double u : new double[] {-3, 0, 0.1, 0.5, 0.9, 1, 7}) {
            assertEquals(u, off.apply(u));
        }
    }

    @Test
    void centredAtZero() {
        DeadZone zone = new DeadZone(0, 0.25f);
        assertEquals(0.0, zone.apply(0));
        assertEquals(0.0, zone.apply(0.1));
        assertEquals(0.0, zone.apply(0.25), "the edge belongs to the zone");
        assertEquals(0.5, zone.apply(0.625), 1e-15, "(0.625 - 0.25) / 0.75");
        assertEquals(1.0, zone.apply(1), 1e-15, "the far end keeps its value");
        assertEquals(4.0 / 3.0, zone.apply(1.25), 1e-15, "the stretch goes on past 1 (clamp off)");
        // Below 0 there is nothing left to stretch: a shift by the width keeps it continuous.
        assertEquals(0.0, zone.apply(-0.25));
        assertEquals(-0.25, zone.apply(-0.5));
    }

    @Test
    void centredAtZeroIsContinuousAtItsEdge() {
        DeadZone zone = new DeadZone(0, 0.25f);
        assertContinuousAt(zone, 0.25);
        assertContinuousAt(zone, -0.25);
    }

    @Test
    void centredAtOneHalf() {
        DeadZone zone = new DeadZone(0.5f, 0.25f);
        assertEquals(0.5, zone.apply(0.25));
        assertEquals(0.5, zone.apply(0.4));
        assertEquals(0.5, zone.apply(0.5));
        assertEquals(0.5, zone.apply(0.75));
        assertEquals(0.75, zone.apply(0.875), 1e-15, "0.5 + 0.125 * 0.5 / 0.25");
        assertEquals(0.25, zone.apply(0.125), 1e-15, "0.5 - 0.125 * 0.5 / 0.25");
        assertEquals(0.0, zone.apply(0), 1e-15);
        assertEquals(1.0, zone.apply(1), 1e-15);
    }

    @Test
    void centredAtOneHalfIsContinuousAtBothEdges() {
        DeadZone zone = new DeadZone(0.5f, 0.25f);
        assertContinuousAt(zone, 0.25);
        assertContinuousAt(zone, 0.75);
    }

    @Test
    void centredAtOneStretchesOnlyTheLowerSide() {
        DeadZone zone = new DeadZone(1, 0.25f);
        assertEquals(1.0, zone.apply(0.8));
        assertEquals(1.0 - 0.25 / 0.75, zone.apply(0.5), 1e-15);
        assertEquals(0.0, zone.apply(0), 1e-15);
        assertEquals(1.0, zone.apply(1.25), "covered by the zone");
        assertEquals(1.25, zone.apply(1.5), "beyond: shifted by the width");
    }

    @Test
    void isMonotonicAcrossTheWholeRange() {
        for (float center : new float[] {0, 0.3f, 0.5f, 0.9f, 1}) {
            DeadZone zone = new DeadZone(center, 0.2f);
            double previous = Double.NEGATIVE_INFINITY;
            for (int i = -200; i <= 1200; i++) {
                double v = zone.apply(i / 1000.0);
                assertTrue(v >= previous, "centre " + center + " at " + i / 1000.0);
                previous = v;
            }
        }
    }

    /** Either side of {@code edge} the output is within the stretch (at most 2 here) times the step. */
    private static void assertContinuousAt(DeadZone zone, double edge) {
        double atEdge = zone.apply(edge);
        assertEquals(atEdge, zone.apply(edge + EPS), 3 * EPS);
        assertEquals(atEdge, zone.apply(edge - EPS), 3 * EPS);
    }
}
