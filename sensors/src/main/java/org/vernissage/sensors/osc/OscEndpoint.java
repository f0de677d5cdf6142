package org.vernissage.sensors.osc;

import java.util.Locale;
import java.util.Objects;

/**
 * Where one OSC input listens: a transport ({@link Protocol#UDP} datagrams or {@link Protocol#TCP}
 * streams), the local host to bind and the port. The app opens one receiver per endpoint, each
 * with its own router and {@link OscStats} named by {@link #sourceName()}.
 *
 * <p>The command line writes an endpoint as {@code [PROTOCOL:][HOST:]PORT}, parsed by
 * {@link #parse(String)}:
 * <pre>
 *   9000                 udp on every interface (0.0.0.0), port 9000
 *   udp:9000             the same, said explicitly
 *   tcp:9001             tcp on every interface, port 9001
 *   tcp:0.0.0.0:9001     tcp, host given
 *   udp:127.0.0.1:9000   udp, loopback only
 *   udp:[::1]:9000       an IPv6 host goes in brackets
 * </pre>
 * A host needs the protocol in front ({@code 127.0.0.1:9000} is refused with a hint), so that a
 * mistyped protocol such as {@code tpc:9000} is reported, not taken for a host named "tpc".
 * Port 0 is accepted and means "any free port" (tests). The host is not resolved here: binding
 * reports a host that does not resolve.
 *
 * <p>Immutable; made on the thread that reads the configuration.
 */
public record OscEndpoint(Protocol protocol, String host, int port) {

    /** Every interface: controllers are on the show network. */
    public static final String ANY_HOST = "0.0.0.0";

    /** The OSC transport of an endpoint. */
    public enum Protocol {
        /** One OSC packet per datagram. */
        UDP,
        /** A byte stream of framed OSC packets (SLIP for OSC 1.1, length prefix for OSC 1.0). */
        TCP;

        /** The lower-case name used on the command line and in source names. */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OscEndpoint {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        if (host.isEmpty() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
            throw new IllegalArgumentException("OSC endpoint host '" + host
                    + "' is not a host name or IP address");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("OSC endpoint port must be 0..65535, got " + port);
        }
    }

    /** A UDP endpoint on every interface. */
    public static OscEndpoint udp(int port) {
        return new OscEndpoint(Protocol.UDP, ANY_HOST, port);
    }

    /** A TCP endpoint on every interface. */
    public static OscEndpoint tcp(int port) {
        return new OscEndpoint(Protocol.TCP, ANY_HOST, port);
    }

    /**
     * Parses the command-line form {@code [PROTOCOL:][HOST:]PORT} (see the class comment).
     *
     * @throws IllegalArgumentException with a one-line message quoting the text and naming the
     *     expected form, when the text is not an endpoint
     */
    public static OscEndpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw invalid(text, "it is empty");
        }
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return new OscEndpoint(Protocol.UDP, ANY_HOST, parsePort(text, trimmed));
        }
        Protocol protocol = parseProtocol(text, trimmed.substring(0, colon));
        return parseHostAndPort(text, protocol, trimmed.substring(colon + 1));
    }

    /** The command-line form that parses back to this endpoint, e.g. {@code udp:0.0.0.0:9000}. */
    public String toCli() {
        String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return protocol.cliName() + ":" + shownHost + ":" + port;
    }

    /** The name of this input for statistics and logs, e.g. {@code "OSC udp 0.0.0.0:9000"}. */
    public String sourceName() {
        String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "OSC " + protocol.cliName() + " " + shownHost + ":" + port;
    }

    /** The same endpoint on another port (the port a receiver actually bound, for port 0). */
    public OscEndpoint withPort(int boundPort) {
        return new OscEndpoint(protocol, host, boundPort);
    }

    @Override
    public String toString() {
        return toCli();
    }

    // ---- parsing ----------------------------------------------------------------------------

    private static Protocol parseProtocol(String text, String name) {
        for (Protocol protocol : Protocol.values()) {
            if (protocol.cliName().equalsIgnoreCase(name)) {
                return protocol;
            }
        }
        if (!name.isEmpty() && name.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            throw invalid(text, "a host needs the protocol in front, e.g. udp:" + text.strip());
        }
        throw invalid(text, "unknown protocol '" + name + "', use udp or tcp");
    }

    private static OscEndpoint parseHostAndPort(String text, Protocol protocol, String rest) {
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw invalid(text, "the IPv6 host has no closing ']'");
            }
            if (close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                throw invalid(text, "a port must follow the host, as in [::1]:9000");
            }
            String host = rest.substring(1, close);
            return endpoint(text, protocol, host, parsePort(text, rest.substring(close + 2)));
        }
        int colon = rest.lastIndexOf(':');
        if (colon < 0) {
            return new OscEndpoint(protocol, ANY_HOST, parsePort(text, rest));
        }
        String host = rest.substring(0, colon);
        if (host.indexOf(':') >= 0) {
            throw invalid(text, "put an IPv6 host in brackets, as in " + protocol.cliName() + ":[::1]:9000");
        }
        return endpoint(text, protocol, host, parsePort(text, rest.substring(colon + 1)));
    }

    private static OscEndpoint endpoint(String text, Protocol protocol, String host, int port) {
        if (host.isEmpty()) {
            throw invalid(text, "the host is empty");
        }
        try {
            return new OscEndpoint(protocol, host, port);
        } catch (IllegalArgumentException e) {
            throw invalid(text, e.getMessage());
        }
    }

    private static int parsePort(String text, String port) {
        if (port.isEmpty()) {
            throw invalid(text, "the port is missing");
        }
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(text, "port '" + port + "' is not a number from 0 to 65535");
        }
        int value = Integer.parseInt(port);
        if (value > 65_535) {
            throw invalid(text, "port " + value + " is above 65535");
        }
        return value;
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("OSC endpoint '" + text + "': " + why
                + " (expected PORT, udp:PORT, tcp:PORT or PROTOCOL:HOST:PORT, e.g. tcp:0.0.0.0:9001)");
    }
}
