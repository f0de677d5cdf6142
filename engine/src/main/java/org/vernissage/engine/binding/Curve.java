package org.vernissage.engine.binding;

/** The shape a normalised value (0..1) is bent through on its way to the parameter. */
public enum Curve {
    LINEAR("linear"),
    /** Slow start: u squared. */
    EASE_IN("ease-in"),
    /** Slow end: 1 - (1 - u) squared. */
    EASE_OUT("ease-out"),
    /** Slow at both ends: 3u^2 - 2u^3. */
    SMOOTHSTEP("smoothstep"),
    /** u to the power of {@link ConditioningSpec#exponent()}: the manifest gives a number. */
    POWER("a number > 0 (an exponent)");

    private final String manifestName;

    Curve(String manifestName) {
        this.manifestName = manifestName;
    }

    public String manifestName() {
        return manifestName;
    }
}
