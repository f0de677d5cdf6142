package org.vernissage.engine.binding;

/**
 * What a binding does when its sensor goes quiet: after {@code afterSeconds} without a value it
 * eases, over {@code easeSeconds}, to {@code value} (in the parameter's units), so that an
 * installation with nobody in the room still looks alive. The next value from the sensor takes over
 * again.
 */
public record IdleSpec(double afterSeconds, float value, double easeSeconds) {

    public IdleSpec {
        if (!(afterSeconds > 0) || !(easeSeconds >= 0) || !Float.isFinite(value)
                || Double.isInfinite(afterSeconds + easeSeconds)) {
            throw new IllegalArgumentException("idle: after must be > 0, ease >= 0, value finite");
        }
    }
}
