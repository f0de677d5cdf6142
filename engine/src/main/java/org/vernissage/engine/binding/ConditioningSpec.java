package org.vernissage.engine.binding;

import java.util.Objects;
import java.util.Optional;

/**
 * How one binding turns a raw sensor value into a parameter value, in this order:
 * <ol>
 *   <li>normalise: {@code u = (raw - inputMin) / (inputMax - inputMin)};</li>
 *   <li>dead zone: within {@code deadZoneWidth} of {@code deadZoneCenter}, {@code u} snaps to the
 *       centre; outside, the rest of each side is stretched so the output stays continuous;</li>
 *   <li>clamp {@code u} to 0..1 (unless {@code clamp} is false);</li>
 *   <li>curve;</li>
 *   <li>smoothing: a One Euro filter on the event times;</li>
 *   <li>rate limit: {@code u} moves at most {@code rateLimitPerSecond} per second, on events and
 *       on frames alike;</li>
 *   <li>idle: after a silence, ease to the idle value;</li>
 *   <li>scale onto {@code outputMin..outputMax} (parameter units), then the parameter's own clamp.</li>
 * </ol>
 * A step that is off costs nothing: width 0, no smoothing, rate limit 0, no idle.
 *
 * <p>Immutable; made by the manifest loader, run by the sensors' binding conditioner.
 */
public record ConditioningSpec(float inputMin, float inputMax, float outputMin, float outputMax,
                               boolean clamp, Curve curve, float exponent,
                               float deadZoneCenter, float deadZoneWidth,
                               Optional<OneEuroSpec> smoothing, float rateLimitPerSecond,
                               Optional<IdleSpec> idle) {

    public ConditioningSpec {
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(smoothing, "smoothing");
        Objects.requireNonNull(idle, "idle");
        if (inputMin == inputMax || !Float.isFinite(inputMin) || !Float.isFinite(inputMax)) {
            throw new IllegalArgumentException("input range must be two different finite numbers");
        }
        if (!Float.isFinite(outputMin) || !Float.isFinite(outputMax)) {
            throw new IllegalArgumentException("output range must be finite");
        }
        if (curve == Curve.POWER ? !(exponent > 0) || !Float.isFinite(exponent) : exponent != 1) {
            throw new IllegalArgumentException("exponent must be > 0 for a power curve, else 1");
        }
        if (!(deadZoneWidth >= 0 && deadZoneWidth < 1) || !(deadZoneCenter >= 0 && deadZoneCenter <= 1)) {
            throw new IllegalArgumentException("dead zone: width in [0, 1), centre in [0, 1]");
        }
        if (!(rateLimitPerSecond >= 0) || !Float.isFinite(rateLimitPerSecond)) {
            throw new IllegalArgumentException("rate limit must be >= 0");
        }
    }

    /** A plain linear map of {@code inputMin..inputMax} onto {@code outputMin..outputMax}, clamped. */
    public static ConditioningSpec linear(float inputMin, float inputMax, float outputMin, float outputMax) {
        return new ConditioningSpec(inputMin, inputMax, outputMin, outputMax, true, Curve.LINEAR, 1,
                0, 0, Optional.empty(), 0, Optional.empty());
    }
}
