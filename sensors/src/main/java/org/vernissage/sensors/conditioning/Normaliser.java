package org.vernissage.sensors.conditioning;

/**
 * Step 1: maps a raw value onto the binding's normalised scale, {@code inputMin -> 0} and
 * {@code inputMax -> 1}. A reversed range ({@code inputMin > inputMax}) inverts the signal, which
 * is how a manifest says "more pressure, less light".
 *
 * <p>An infinite raw value lands on the matching end of the range (0 or 1) whether or not the
 * binding clamps: no finite value beyond the range would be the right one, and an infinity inside
 * the filters would turn into NaN at the next sample and stay there. A finite raw value, however
 * far out, stays finite here: the arithmetic is in double, which holds the ratio of any two floats.
 *
 * <p>Immutable; called on the conductor thread.
 */
final class Normaliser {

    private final double inputMin;
    private final double span;

    Normaliser(float inputMin, float inputMax) {
        this.inputMin = inputMin;
        this.span = (double) inputMax - inputMin;
    }

    /** The normalised value of {@code raw}, which must not be NaN. */
    double normalise(float raw) {
        double u = (raw - inputMin) / span;
        if (Double.isInfinite(u)) {
            return u > 0 ? 1 : 0;
        }
        return u + 0.0; // -0.0 (the low end of a reversed range) becomes 0.0
    }
}
