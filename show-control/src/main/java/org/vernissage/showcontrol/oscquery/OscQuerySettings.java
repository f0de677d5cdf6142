package org.vernissage.showcontrol.oscquery;

import java.util.Objects;

/**
 * Where the OSCQuery server listens and how it announces itself.
 *
 * <p>Immutable; made by the wiring thread.
 *
 * @param host the HTTP/WebSocket server's bind address ("0.0.0.0" for every interface)
 * @param port the HTTP/WebSocket port (0: any free one, for tests)
 * @param mdnsPort the mDNS responder's UDP port: {@link #MDNS_PORT} on a network, 0 (any) in tests,
 *     -1 for no announcement
 * @param serviceName the instance name announced as {@code <serviceName>._oscjson._tcp.local}
 */
public record OscQuerySettings(String host, int port, int mdnsPort, String serviceName) {

    /** The port {@code --oscquery} takes without a value. */
    public static final int DEFAULT_PORT = 5678;
    /** mDNS's own port (RFC 6762). */
    public static final int MDNS_PORT = 5353;
    /** No mDNS announcement. */
    public static final int NO_MDNS = -1;

    public OscQuerySettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(serviceName, "serviceName");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("OSCQuery port " + port + ": expected 0..65535");
        }
        if (mdnsPort < NO_MDNS || mdnsPort > 65535) {
            throw new IllegalArgumentException("mDNS port " + mdnsPort + ": expected 0..65535, or -1 for none");
        }
        if (serviceName.contains(".")) {
            throw new IllegalArgumentException("OSCQuery service name '" + serviceName + "': no '.' (it is one DNS label)");
        }
        if (serviceName.isEmpty() || serviceName.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
            throw new IllegalArgumentException("OSCQuery service name '" + serviceName
                    + "': expected 1 to 63 bytes (one DNS label)");
        }
    }
}
