package org.vernissage.showcontrol.oscquery;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code ?HOST_INFO} tells a client: the server's name and the OSC endpoint that takes values
 * (the engine's existing UDP OSC endpoint; a message there moves the work like any OSC input).
 * Without a UDP endpoint the namespace is still browsable but names no OSC port.
 *
 * <p>Immutable; made by the wiring thread.
 *
 * @param oscHost the endpoint's address when it is bound to one address; empty when bound to all
 *     (a client then uses the host it reached the HTTP server at, as the proposal says)
 */
public record OscQueryHostInfo(String name, Optional<String> oscHost, Optional<Integer> oscPort) {

    public OscQueryHostInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(oscHost, "oscHost");
        Objects.requireNonNull(oscPort, "oscPort");
    }
}
