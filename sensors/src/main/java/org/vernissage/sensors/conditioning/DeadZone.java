package org.vernissage.sensors.conditioning;

/**
 * Step 2: a dead zone. Every normalised value within {@code width} of {@code center} (inclusive)
 * becomes the centre, so a joystick at rest or a fader near its detent reads exactly the centre.
 * Outside the zone each side is stretched linearly so that its far end keeps its value (0 stays 0,
 * 1 stays 1) and the zone's edge meets the centre: the output is continuous everywhere.
 *
 * <p>A side that the zone covers entirely (centre 0, or the zone reaching past 0 or 1) has nothing
 * left to stretch; values beyond it (only possible when the binding does not clamp) are shifted
 * towards the centre by the width instead, keeping continuity. Width 0 is no dead zone.
 *
 * <p>Immutable; called on the conductor thread.
 */
final class DeadZone {

    private final double center;
    private final double width;
    private final double lowerScale;
    private final double upperScale;

    DeadZone(float center, float width) {
        this.center = center;
        this.width = width;
        this.lowerScale = stretch(center, width);
        this.upperScale = stretch(1.0 - center, width);
    }

    /** How much a side of length {@code side} must stretch once {@code width} of it is dead. */
    private static double stretch(double side, double width) {
        return side > width ? side / (side - width) : 1.0;
    }

    double apply(double u) {
        if (width == 0) {
            return u;
        }
        double low = center - width;
        double high = center + width;
        if (u > high) {
            return center + (u - high) * upperScale;
        }
        if (u < low) {
            return center - (low - u) * lowerScale;
        }
        return center;
    }
}
