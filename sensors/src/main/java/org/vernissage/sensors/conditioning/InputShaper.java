package org.vernissage.sensors.conditioning;

import org.vernissage.engine.binding.ConditioningSpec;

/**
 * Steps 1 to 4 of a binding, the stateless ones: {@link Normaliser normalise}, {@link DeadZone
 * dead zone}, clamp to 0..1 (when the binding clamps), {@link CurveShaper curve}. The result feeds
 * the stateful steps (filter, rate limit, idle).
 *
 * <p>Immutable; called on the conductor thread.
 */
final class InputShaper {

    private final Normaliser normaliser;
    private final DeadZone deadZone;
    private final boolean clamp;
    private final CurveShaper curve;

    InputShaper(ConditioningSpec spec) {
        this.normaliser = new Normaliser(spec.inputMin(), spec.inputMax());
        this.deadZone = new DeadZone(spec.deadZoneCenter(), spec.deadZoneWidth());
        this.clamp = spec.clamp();
        this.curve = new CurveShaper(spec.curve(), spec.exponent());
    }

    /** The shaped, normalised value of {@code raw}, which must not be NaN. */
    double shape(float raw) {
        double u = deadZone.apply(normaliser.normalise(raw));
        if (clamp) {
            u = clampToUnit(u);
        }
        return curve.apply(u);
    }

    /** Step 3: bounds {@code u} to 0..1. */
    static double clampToUnit(double u) {
        return Math.max(0.0, Math.min(1.0, u));
    }
}
