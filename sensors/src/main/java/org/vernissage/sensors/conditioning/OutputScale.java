package org.vernissage.sensors.conditioning;

/**
 * Step 8 (and its inverse): maps the normalised output onto {@code outputMin..outputMax}, the
 * parameter's units. The inverse turns an idle value or a parameter's standing value into the
 * normalised scale the idle ease works in. A reversed output range inverts; an empty one
 * ({@code outputMin == outputMax}) maps everything onto that one value and back onto 0.
 *
 * <p>Immutable; called on the conductor thread.
 */
final class OutputScale {

    private final double outputMin;
    private final double span;

    OutputScale(float outputMin, float outputMax) {
        this.outputMin = outputMin;
        this.span = (double) outputMax - outputMin;
    }

    /** The parameter value for normalised output {@code v}. */
    double toOutput(double v) {
        return outputMin + v * span;
    }

    /** The normalised output that {@link #toOutput} maps onto {@code value}. */
    double toNormalised(double value) {
        return span == 0 ? 0 : (value - outputMin) / span;
    }
}
