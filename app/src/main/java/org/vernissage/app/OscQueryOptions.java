package org.vernissage.app;

import java.util.Objects;
import java.util.Optional;
import org.vernissage.showcontrol.oscquery.OscQuerySettings;

/**
 * {@code --oscquery[=PORT]}: whether a live run serves its OSCQuery namespace, where, and on which
 * port its mDNS announcement answers ({@link OscQuerySettings#MDNS_PORT} on a network; 0, any free
 * port, in tests; -1 for none).
 *
 * <p>Immutable; made by the command line (or a test).
 */
public record OscQueryOptions(Optional<Integer> port, String host, int mdnsPort) {

    /** No OSCQuery server. */
    public static final OscQueryOptions NONE = new OscQueryOptions(Optional.empty(), "0.0.0.0",
            OscQuerySettings.MDNS_PORT);

    public OscQueryOptions {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(host, "host");
        port.ifPresent(p -> {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("--oscquery port must be 0..65535, got " + p);
            }
        });
    }

    /** The server on {@code port} of every interface, announced on the mDNS port. */
    public static OscQueryOptions on(int port) {
        return new OscQueryOptions(Optional.of(port), "0.0.0.0", OscQuerySettings.MDNS_PORT);
    }

    public boolean enabled() {
        return port.isPresent();
    }
}
