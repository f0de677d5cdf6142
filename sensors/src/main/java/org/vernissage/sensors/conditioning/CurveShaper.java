package org.vernissage.sensors.conditioning;

import org.vernissage.engine.binding.Curve;

/**
 * Step 4: bends a normalised value through the binding's {@link Curve}. Every curve keeps 0 at 0
 * and 1 at 1; beyond 0..1 (only when the binding does not clamp) the value passes unchanged, so an
 * unclamped value stays monotonic and finite instead of folding back (u squared of -2 is 4) or
 * becoming NaN (a fractional power of a negative number).
 *
 * <p>The power curve is {@code exp(exponent * log(u))} in {@link StrictMath}: the same bits on every
 * JVM and platform, so a journal replayed on another machine gives the same frames. Not
 * {@code StrictMath.pow}, which allocates (96 bytes a call on JDK 25, measured), and not
 * {@code Math.pow}, whose last bit may differ between platforms. The result is within a relative
 * 1e-13 of the exact power (the logarithm's rounding, times the exponent), far below the 6e-8 a
 * float parameter can show.
 *
 * <p>Immutable; called on the conductor thread.
 */
final class CurveShaper {

    private final Curve curve;
    private final double exponent;

    CurveShaper(Curve curve, float exponent) {
        this.curve = curve;
        this.exponent = exponent;
    }

    double apply(double u) {
        if (!(u > 0 && u < 1)) {
            return u;
        }
        return switch (curve) {
            case LINEAR -> u;
            case EASE_IN -> u * u;
            case EASE_OUT -> 1 - (1 - u) * (1 - u);
            case SMOOTHSTEP -> smoothstep(u);
            case POWER -> StrictMath.exp(exponent * StrictMath.log(u));
        };
    }

    /** 3u^2 - 2u^3: flat at both ends; shared with the idle ease. */
    static double smoothstep(double u) {
        return u * u * (3 - 2 * u);
    }
}
