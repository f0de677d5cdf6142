package org.vernissage.engine.artwork;

import java.util.Objects;

/**
 * One OSC binding as the manifest declares it: messages to {@code address} set component
 * {@code component} of parameter {@code parameter}, their first numeric argument mapped linearly
 * from {@code inputMin..inputMax} onto the parameter's own range (then clamped to it).
 *
 * <p>Immutable; made by the manifest loader, resolved into slots by the OSC adapter at start-up.
 */
public record OscBindingSpec(String address, String parameter, int component,
                             float inputMin, float inputMax) {

    public OscBindingSpec {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(parameter, "parameter");
        if (component < 0) {
            throw new IllegalArgumentException("component must not be negative: " + component);
        }
        if (inputMin == inputMax) {
            throw new IllegalArgumentException(address + ": empty input range " + inputMin);
        }
    }
}
