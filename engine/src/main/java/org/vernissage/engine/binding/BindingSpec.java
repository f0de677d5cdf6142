package org.vernissage.engine.binding;

import java.util.Objects;

/**
 * One binding as the manifest declares it: the raw signal {@code from} sets component
 * {@code component} of parameter {@code parameter}, conditioned by {@code conditioning}. A
 * binding's index in {@code ArtworkManifest.bindings()} is its channel number on the input ring.
 *
 * <p>Immutable; made by the manifest loader, resolved by the adapters and the conditioner at
 * start-up.
 */
public record BindingSpec(InputSelector from, String parameter, int component, ConditioningSpec conditioning) {

    public BindingSpec {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(conditioning, "conditioning");
        if (component < 0) {
            throw new IllegalArgumentException("component must not be negative: " + component);
        }
    }

    /** For messages: {@code "OSC /x -> energy"}. */
    public String describe() {
        return from.describe() + " -> " + parameter + (component == 0 ? "" : "[" + component + "]");
    }
}
