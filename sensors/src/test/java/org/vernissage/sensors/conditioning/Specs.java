package org.vernissage.sensors.conditioning;

import java.util.Optional;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.Curve;
import org.vernissage.engine.binding.IdleSpec;
import org.vernissage.engine.binding.OneEuroSpec;

/** A test builder for {@link ConditioningSpec}: everything off, 0..1 onto 0..1, clamped, unless told. */
final class Specs {

    private float inputMin = 0;
    private float inputMax = 1;
    private float outputMin = 0;
    private float outputMax = 1;
    private boolean clamp = true;
    private Curve curve = Curve.LINEAR;
    private float exponent = 1;
    private float deadZoneCenter = 0;
    private float deadZoneWidth = 0;
    private Optional<OneEuroSpec> smoothing = Optional.empty();
    private float rateLimit = 0;
    private Optional<IdleSpec> idle = Optional.empty();

    static Specs spec() {
        return new Specs();
    }

    Specs input(float min, float max) {
        inputMin = min;
        inputMax = max;
        return this;
    }

    Specs output(float min, float max) {
        outputMin = min;
        outputMax = max;
        return this;
    }

    Specs clamp(boolean on) {
        clamp = on;
        return this;
    }

    Specs curve(Curve shape) {
        curve = shape;
        exponent = 1;
        return this;
    }

    Specs power(float power) {
        curve = Curve.POWER;
        exponent = power;
        return this;
    }

    Specs deadZone(float center, float width) {
        deadZoneCenter = center;
        deadZoneWidth = width;
        return this;
    }

    Specs oneEuro(double minCutoffHz, double beta, double derivativeCutoffHz) {
        smoothing = Optional.of(new OneEuroSpec(minCutoffHz, beta, derivativeCutoffHz));
        return this;
    }

    Specs rateLimit(float perSecond) {
        rateLimit = perSecond;
        return this;
    }

    Specs idle(double afterSeconds, float value, double easeSeconds) {
        idle = Optional.of(new IdleSpec(afterSeconds, value, easeSeconds));
        return this;
    }

    ConditioningSpec build() {
        return new ConditioningSpec(inputMin, inputMax, outputMin, outputMax, clamp, curve, exponent,
                deadZoneCenter, deadZoneWidth, smoothing, rateLimit, idle);
    }
}
