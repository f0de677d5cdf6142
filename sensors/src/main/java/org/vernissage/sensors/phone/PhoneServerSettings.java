package org.vernissage.sensors.phone;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Where the audience phones' server listens and the limits that keep a crowd (or one hostile
 * phone) from hurting the show. Validated once, here.
 *
 * @param host the interface to bind ({@code 0.0.0.0}: every interface of the gallery LAN)
 * @param port the TCP port; 0 picks a free one (see {@link PhoneServer#port()})
 * @param touchSource the touch-source id this server's fingers carry in the engine (touch points
 *     are keyed by kind, source and session, so PHONE fingers never collide with TUIO points; two
 *     phone servers need two sources)
 * @param maxParticipants phones connected at once; the next one is told "full" and closed
 * @param maxConnections TCP connections at once (participants, page loads, refused sockets);
 *     beyond it a new connection is closed unanswered
 * @param maxMessageBytes the largest WebSocket frame payload accepted (Netty's frame decoder
 *     limit): at least {@link PhoneFrameDecoder#MAX_FRAME_BYTES}
 * @param maxMessagesPerSecond per phone, enforced by a token bucket that also allows a burst of
 *     that many; the page sends at most about 30
 * @param maxTouchesPerPhone fingers kept per phone (1..16); further fingers are ignored and counted
 * @param idleTimeout a phone that sends no message for this long is closed (the page sends a
 *     keep-alive every 5 s), so a phone that vanished from the Wi-Fi frees its place. Only
 *     messages count: pings, pongs and stray bytes do not keep a connection alive
 * @param requestTimeout how long a new connection has, from its start, to deliver one whole HTTP
 *     request (the page or the WebSocket upgrade; with TLS, the handshake too). Bytes trickled in
 *     do not extend it, so slow clients cannot hold the connection slots
 * @param maxParticipantsPerAddress participant places one remote address (an IPv6 /64) may hold;
 *     the address may also hold twice as many connections. Not 1: phones can share an address (a
 *     NAT'd guest Wi-Fi, tabs of one browser); where every phone comes through one NAT, raise it
 *     to {@code maxParticipants}
 * @param maxPendingOutboundBytes what the server queues for one client that does not read (Netty's
 *     write-buffer high water mark; the low mark is half): beyond it the client is closed. Also
 *     each connection's kernel send buffer ({@code SO_SNDBUF}), which would otherwise grow to
 *     megabytes before the queue above fills
 * @param tls null to serve plain HTTP and WebSocket; otherwise the server's certificate and key,
 *     to serve HTTPS and secure WebSocket (see {@link PhoneTls}). Browsers give tilt and shake
 *     (DeviceOrientation, DeviceMotion) only to pages from a secure origin, so over plain HTTP on
 *     a LAN address the phones send touches only.
 */
public record PhoneServerSettings(String host, int port, int touchSource, int maxParticipants,
                                  int maxConnections, int maxMessageBytes, int maxMessagesPerSecond,
                                  int maxTouchesPerPhone, Duration idleTimeout, Duration requestTimeout,
                                  int maxParticipantsPerAddress, int maxPendingOutboundBytes, SSLContext tls) {

    public static final String ANY_HOST = "0.0.0.0";
    public static final int DEFAULT_TOUCH_SOURCE = 1;
    /** The natural range of the participants signal ends at 50. */
    public static final int DEFAULT_MAX_PARTICIPANTS = 50;
    /** Page loads and refused sockets are short-lived; this many may overlap the participants. */
    public static final int EXTRA_CONNECTIONS = 16;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 256;
    public static final int DEFAULT_MAX_MESSAGES_PER_SECOND = 60;
    /** The conductor keeps 32 touch points in all: a crowd with ten fingers each would fill it. */
    public static final int DEFAULT_MAX_TOUCHES_PER_PHONE = 2;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(20);
    /**
     * A phone's request is a few hundred bytes (a TLS handshake a few round trips): on a gallery
     * LAN it arrives in well under a second, and a phone refused by a congested Wi-Fi retries.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /**
     * One visitor with a few tabs, or a few friends behind one hotspot, fit; one laptop takes at
     * most 4 of the 50 places (and 8 of the 66 connections).
     */
    public static final int DEFAULT_MAX_PARTICIPANTS_PER_ADDRESS = 4;
    /**
     * The server sends a phone one short greeting and the rare pong; the page (under 10 KiB) is
     * the largest thing it sends: 64 KiB is ample for a reading client, and bounds a crowd of
     * clients that do not read to a few MiB.
     */
    public static final int DEFAULT_MAX_PENDING_OUTBOUND_BYTES = 64 * 1024;
    /** The page must fit under the outbound limit with room for its headers. */
    public static final int MIN_PENDING_OUTBOUND_BYTES = 16 * 1024;

    public PhoneServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("phones port must be 0..65535, got " + port);
        }
        if (maxParticipants < 1) {
            throw new IllegalArgumentException("max participants must be at least 1, got " + maxParticipants);
        }
        if (maxConnections < maxParticipants + 1) {
            throw new IllegalArgumentException("max connections (" + maxConnections
                    + ") must exceed max participants (" + maxParticipants + ") to leave room for page loads");
        }
        if (maxMessageBytes < PhoneFrameDecoder.MAX_FRAME_BYTES || maxMessageBytes > 65_536) {
            throw new IllegalArgumentException("max message bytes must be " + PhoneFrameDecoder.MAX_FRAME_BYTES
                    + "..65536 (the longest valid frame is " + PhoneFrameDecoder.MAX_FRAME_BYTES
                    + " bytes), got " + maxMessageBytes);
        }
        if (maxMessagesPerSecond < 1 || maxMessagesPerSecond > 10_000) {
            throw new IllegalArgumentException("max messages per second must be 1..10000, got "
                    + maxMessagesPerSecond);
        }
        if (maxTouchesPerPhone < 1 || maxTouchesPerPhone > PhoneFrame.MAX_TOUCHES) {
            throw new IllegalArgumentException("max touches per phone must be 1.." + PhoneFrame.MAX_TOUCHES
                    + ", got " + maxTouchesPerPhone);
        }
        if (idleTimeout.compareTo(Duration.ofSeconds(6)) < 0) {
            throw new IllegalArgumentException("idle timeout must be at least 6 s (the page's keep-alive"
                    + " comes every 5 s), got " + idleTimeout);
        }
        if (requestTimeout.compareTo(Duration.ofMillis(100)) < 0
                || requestTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("request timeout must be 100 ms..60 s, got " + requestTimeout);
        }
        if (maxParticipantsPerAddress < 1) {
            throw new IllegalArgumentException("participants per address must be at least 1, got "
                    + maxParticipantsPerAddress);
        }
        if (maxPendingOutboundBytes < MIN_PENDING_OUTBOUND_BYTES || maxPendingOutboundBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("max pending outbound bytes must be " + MIN_PENDING_OUTBOUND_BYTES
                    + "..16 MiB (the page must fit), got " + maxPendingOutboundBytes);
        }
    }

    /** The defaults above, listening on {@code host:port}, plain HTTP. */
    public static PhoneServerSettings defaults(String host, int port) {
        return new PhoneServerSettings(host, port, DEFAULT_TOUCH_SOURCE, DEFAULT_MAX_PARTICIPANTS,
                DEFAULT_MAX_PARTICIPANTS + EXTRA_CONNECTIONS, DEFAULT_MAX_MESSAGE_BYTES,
                DEFAULT_MAX_MESSAGES_PER_SECOND, DEFAULT_MAX_TOUCHES_PER_PHONE, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_PARTICIPANTS_PER_ADDRESS, DEFAULT_MAX_PENDING_OUTBOUND_BYTES,
                null);
    }

    /** "https" with {@link #tls()}, else "http". */
    public String scheme() {
        return tls == null ? "http" : "https";
    }

    /** The same settings with room for {@code participants} phones (and the extra connections). */
    public PhoneServerSettings withMaxParticipants(int participants) {
        return new PhoneServerSettings(host, port, touchSource, participants, participants + EXTRA_CONNECTIONS,
                maxMessageBytes, maxMessagesPerSecond, maxTouchesPerPhone, idleTimeout, requestTimeout,
                maxParticipantsPerAddress, maxPendingOutboundBytes, tls);
    }

    public PhoneServerSettings withMaxMessageBytes(int bytes) {
        return new PhoneServerSettings(host, port, touchSource, maxParticipants, maxConnections, bytes,
                maxMessagesPerSecond, maxTouchesPerPhone, idleTimeout, requestTimeout,
                maxParticipantsPerAddress, maxPendingOutboundBytes, tls);
    }

    public PhoneServerSettings withMaxMessagesPerSecond(int perSecond) {
        return new PhoneServerSettings(host, port, touchSource, maxParticipants, maxConnections,
                maxMessageBytes, perSecond, maxTouchesPerPhone, idleTimeout, requestTimeout,
                maxParticipantsPerAddress, maxPendingOutboundBytes, tls);
    }

    public PhoneServerSettings withMaxTouchesPerPhone(int touches) {
        return new PhoneServerSettings(host, port, touchSource, maxParticipants, maxConnections,
                maxMessageBytes, maxMessagesPerSecond, touches, idleTimeout, requestTimeout,
                maxParticipantsPerAddress, maxPendingOutboundBytes, tls);
    }

    public PhoneServerSettings withTouchSource(int source) {
        return new PhoneServerSettings(host, port, source, maxParticipants, maxConnections,
                maxMessageBytes, maxMessagesPerSecond, maxTouchesPerPhone, idleTimeout, requestTimeout,
                maxParticipantsPerAddress, maxPendingOutboundBytes, tls);
    }

    public PhoneServerSettings withIdleTimeout(Duration timeout) {
        return new PhoneServerSettings(host, port, touchSource, maxParticipants, maxConnections,
                maxMessageBytes, maxMessagesPerSecond, maxTouchesPerPhone, timeout, requestTimeout,
                maxParticipantsPerAddress, maxPendingOutboundBytes, tls);
    }

    /** The same settings serving HTTPS and secure WebSocket with {@code context} (null: plain). */
    public PhoneServerSettings withTls(SSLContext context) {
        return new PhoneServerSettings(host, port, touchSource, maxParticipants, maxConnections,
                maxMessageBytes, maxMessagesPerSecond, maxTouchesPerPhone, idleTimeout, requestTimeout,
                maxParticipantsPerAddress, maxPendingOutboundBytes, context);
    }

    public PhoneServerSettings withRequestTimeout(Duration timeout) {
        return new PhoneServerSettings(host, port, touchSource, maxParticipants, maxConnections,
                maxMessageBytes, maxMessagesPerSecond, maxTouchesPerPhone, idleTimeout, timeout,
                maxParticipantsPerAddress, maxPendingOutboundBytes, tls);
    }

    /** The same settings with {@code places} participant places per address (and twice the connections). */
    public PhoneServerSettings withMaxParticipantsPerAddress(int places) {
        return new PhoneServerSettings(host, port, touchSource, maxParticipants, maxConnections,
                maxMessageBytes, maxMessagesPerSecond, maxTouchesPerPhone, idleTimeout, requestTimeout,
                places, maxPendingOutboundBytes, tls);
    }

    public PhoneServerSettings withMaxPendingOutboundBytes(int bytes) {
        return new PhoneServerSettings(host, port, touchSource, maxParticipants, maxConnections,
                maxMessageBytes, maxMessagesPerSecond, maxTouchesPerPhone, idleTimeout, requestTimeout,
                maxParticipantsPerAddress, bytes, tls);
    }
}
