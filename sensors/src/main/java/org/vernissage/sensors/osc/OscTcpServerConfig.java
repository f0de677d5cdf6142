package org.vernissage.sensors.osc;

import java.time.Duration;
import java.util.Objects;
import org.vernissage.osc.OscStreamFraming;

/**
 * Where and how an {@link OscTcpServer} listens: the address, the framing, and the limits that
 * bound what one peer can cost (memory per connection, number of connections).
 *
 * <p>Immutable; built by the app's wiring (from the artwork's OSC endpoint) and handed to the
 * server's constructor.
 *
 * @param host the local address to listen on; {@code "0.0.0.0"} for every interface
 * @param port the TCP port; 0 lets the system choose (see {@link OscTcpServer#port()})
 * @param framing how packets are delimited; {@link OscStreamFraming#AUTO} decides per connection
 * @param maxPacketBytes the largest packet accepted; also the size of each connection's packet
 *     buffer. Below 16 MiB, so that a length prefix always starts with a zero byte (what
 *     {@link OscStreamFraming#AUTO} relies on)
 * @param maxConnections how many connections may be open at once; when all are taken, the one
 *     idle the longest is closed for a new one (a console connecting always gets in)
 * @param idleTimeout a connection that sends nothing for this long is closed (its slot freed)
 * @param packetTimeout a connection that starts a packet and does not complete it within this
 *     long is closed: a peer trickling a byte now and then cannot hold a slot
 */
public record OscTcpServerConfig(String host, int port, OscStreamFraming framing, int maxPacketBytes,
                                 int maxConnections, Duration idleTimeout, Duration packetTimeout) {

    /** Bind to every interface unless told otherwise: controllers are on the show network. */
    public static final String ANY_HOST = "0.0.0.0";
    /** Enough for any OSC packet a controller sends, and the most a UDP datagram could carry. */
    public static final int DEFAULT_MAX_PACKET_BYTES = 64 * 1024;
    /** Far more than the consoles and controllers of one show; each costs two buffers. */
    public static final int DEFAULT_MAX_CONNECTIONS = 32;
    /** Exclusive: a length prefix must start with 0x00 for {@link OscStreamFraming#AUTO}. */
    public static final int MAX_PACKET_BYTES_LIMIT = 16 * 1024 * 1024;
    /** Longer than any console's keep-alive or pause between cues; short enough to free a dead slot. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** A packet is sent in one go; 5 s covers a congested Wi-Fi, not a trickle. */
    public static final Duration DEFAULT_PACKET_TIMEOUT = Duration.ofSeconds(5);

    public OscTcpServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(framing, "framing");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("OSC TCP port must be 0..65535, got " + port);
        }
        if (maxPacketBytes < 16 || maxPacketBytes >= MAX_PACKET_BYTES_LIMIT) {
            throw new IllegalArgumentException("OSC TCP max packet size must be 16 bytes .. 16 MiB"
                    + " (exclusive), got " + maxPacketBytes);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("OSC TCP needs at least one connection, got "
                    + maxConnections);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(packetTimeout, "packetTimeout");
        if (idleTimeout.toMillis() < 1 || packetTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("OSC TCP timeouts must be at least 1 ms, got idle "
                    + idleTimeout + " and packet " + packetTimeout);
        }
    }

    /** Automatic framing and the default limits. */
    public static OscTcpServerConfig of(String host, int port) {
        return new OscTcpServerConfig(host, port, OscStreamFraming.AUTO, DEFAULT_MAX_PACKET_BYTES,
                DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT, DEFAULT_PACKET_TIMEOUT);
    }

    public OscTcpServerConfig withFraming(OscStreamFraming newFraming) {
        return new OscTcpServerConfig(host, port, newFraming, maxPacketBytes, maxConnections, idleTimeout,
                packetTimeout);
    }

    public OscTcpServerConfig withMaxPacketBytes(int newMaxPacketBytes) {
        return new OscTcpServerConfig(host, port, framing, newMaxPacketBytes, maxConnections, idleTimeout,
                packetTimeout);
    }

    public OscTcpServerConfig withMaxConnections(int newMaxConnections) {
        return new OscTcpServerConfig(host, port, framing, maxPacketBytes, newMaxConnections, idleTimeout,
                packetTimeout);
    }

    public OscTcpServerConfig withIdleTimeout(Duration newIdleTimeout) {
        return new OscTcpServerConfig(host, port, framing, maxPacketBytes, maxConnections, newIdleTimeout,
                packetTimeout);
    }

    public OscTcpServerConfig withPacketTimeout(Duration newPacketTimeout) {
        return new OscTcpServerConfig(host, port, framing, maxPacketBytes, maxConnections, idleTimeout,
                newPacketTimeout);
    }
}
