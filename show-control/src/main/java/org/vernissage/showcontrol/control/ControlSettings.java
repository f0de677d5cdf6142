package org.vernissage.showcontrol.control;

import java.util.Objects;
import java.util.Optional;
import org.vernissage.showcontrol.access.AddressAllowlist;

/**
 * How the control endpoint listens ({@code --control[=PORT]}).
 *
 * <p>Immutable; checked once.
 *
 * @param host the address to bind (0.0.0.0 for every interface, 127.0.0.1 for this machine only)
 * @param port UDP and TCP port (QLab's is 53000); 0 picks a free one (tests)
 * @param replyPort where UDP replies go on the sender's host unless it sent /udpReplyPort (QLab: 53001)
 * @param passcode when present, a console must /workspace/{id}/connect with it before any command
 * @param maxConnections TCP consoles at once; the next is refused (closed at once)
 * @param allow who may send commands ({@code --control-allow}); others' datagrams are dropped with
 *     no reply and their connections closed at accept
 */
public record ControlSettings(String host, int port, int replyPort, Optional<String> passcode, int maxConnections,
                              AddressAllowlist allow) {

    public static final int DEFAULT_PORT = 53000;
    public static final int DEFAULT_REPLY_PORT = 53001;

    public ControlSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(passcode, "passcode");
        Objects.requireNonNull(allow, "allow");
        if (port < 0 || port > 65535 || replyPort < 1 || replyPort > 65535) {
            throw new IllegalArgumentException("--control port must be 0 to 65535 and the reply port 1 to 65535, got "
                    + port + " and " + replyPort);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
    }

    /** Open to every address. */
    public ControlSettings(String host, int port, int replyPort, Optional<String> passcode, int maxConnections) {
        this(host, port, replyPort, passcode, maxConnections, AddressAllowlist.everyone());
    }

    /** These settings, taking commands only from {@code newAllow}. */
    public ControlSettings withAllow(AddressAllowlist newAllow) {
        return new ControlSettings(host, port, replyPort, passcode, maxConnections, newAllow);
    }

    /** QLab's ports on every interface, no passcode, 16 TCP consoles. */
    public static ControlSettings defaults() {
        return new ControlSettings("0.0.0.0", DEFAULT_PORT, DEFAULT_REPLY_PORT, Optional.empty(), 16);
    }
}
