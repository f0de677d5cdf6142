package org.vernissage.showcontrol.oscquery;

import java.util.Objects;

/**
 * An OSC address other than a parameter that the namespace lists (a control command such as
 * {@code /go}), with its OSC type tags (without the comma; empty for no arguments) and what it
 * does. Listed write-only ({@code ACCESS} 2): it takes messages and has no value to read.
 *
 * <p>Immutable; made by the wiring thread from what the control endpoint declares.
 */
public record OscQueryMethod(String path, String typeTags, String description) {

    public OscQueryMethod {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(typeTags, "typeTags");
        Objects.requireNonNull(description, "description");
        if (!path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            throw new IllegalArgumentException("OSCQuery method path '" + path
                    + "': expected an OSC address like /go or /cue/start (leading '/', no empty part)");
        }
    }
}
