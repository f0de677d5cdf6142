package org.vernissage.sensors.osc;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.vernissage.engine.clock.Clock;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscRejection;
import org.vernissage.sensors.FirstOccurrenceLog;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.SensorThreads;

/**
 * Receives OSC over UDP on one dedicated thread ("vernissage-osc-udp-PORT"): a blocking
 * {@link DatagramChannel} reads each datagram into one direct 64 KiB buffer reused forever, stamps
 * its arrival on the injected {@link Clock}, and has an {@link OscPacketReader} validate it and
 * deliver its messages to the handler (normally an {@link OscBindingRouter}). Nothing is allocated
 * per packet in steady state.
 *
 * <p>Bad input never stops it: a rejected packet is counted per reason in {@link OscStats}, the
 * first of each reason is logged with its sender, and the loop reads on. Only {@link #close()}
 * ends the thread.
 *
 * <p>Several ports at once: one receiver per {@link OscEndpoint}, each with its own router and its
 * own {@link OscStats} (named by {@link OscEndpoint#sourceName()}), because a router and its
 * counters are confined to the one receiving thread that drives them. All routers may share the
 * engine's ring, which takes concurrent producers.
 *
 * <p>{@link #start()} and {@link #close()} are called by the app's wiring thread, which owns the
 * receiver; the handler and the stats' counters are then used by the receiving thread alone.
 */
public final class OscUdpReceiver implements AutoCloseable {

    /** Bind to every interface unless told otherwise: controllers are on the show network. */
    public static final String ANY_HOST = OscEndpoint.ANY_HOST;
    /** The kernel buffer that absorbs bursts (a console recalling a scene) while we are busy. */
    public static final int SOCKET_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;
    /** Larger than any UDP payload over IPv4 (65,507 bytes), so a full buffer means truncation. */
    public static final int DATAGRAM_BUFFER_BYTES = 64 * 1024;

    private static final Logger LOG = System.getLogger(OscUdpReceiver.class.getName());
    private static final long JOIN_MILLIS = 2_000;
    private static final long ERROR_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final String host;
    private final int requestedPort;
    private final OscMessageHandler handler;
    private final Clock clock;
    private final OscStats stats;
    private final FirstOccurrenceLog firstRejections;
    private final OscPacketReader reader = new OscPacketReader();
    private final ByteBuffer datagram;

    private DatagramChannel channel;
    private Thread thread;
    private int boundPort;
    private volatile boolean running;
    private boolean handlerFailureLogged;   // receiving thread only
    private boolean receiveErrorLogged;     // receiving thread only

    /**
     * A receiver for a UDP {@link OscEndpoint} (port 0 picks a free port).
     *
     * @throws IllegalArgumentException when the endpoint is not UDP
     */
    public OscUdpReceiver(OscEndpoint endpoint, OscMessageHandler handler, Clock clock, OscStats stats) {
        this(requireUdp(endpoint).host(), endpoint.port(), handler, clock, stats);
    }

    /** A receiver on every interface ({@link #ANY_HOST}); port 0 picks a free port. */
    public OscUdpReceiver(int port, OscMessageHandler handler, Clock clock, OscStats stats) {
        this(ANY_HOST, port, handler, clock, stats);
    }

    public OscUdpReceiver(String host, int port, OscMessageHandler handler, Clock clock,
                          OscStats stats) {
        this(host, port, handler, clock, stats, DATAGRAM_BUFFER_BYTES, LOG);
    }

    /** For tests: a smaller datagram buffer makes truncation testable, a logger makes it visible. */
    OscUdpReceiver(String host, int port, OscMessageHandler handler, Clock clock, OscStats stats,
                   int datagramBufferBytes, Logger logger) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("OSC UDP port must be 0..65535, got " + port);
        }
        this.host = Objects.requireNonNull(host, "host");
        this.requestedPort = port;
        this.handler = Objects.requireNonNull(handler, "handler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.firstRejections = new FirstOccurrenceLog(logger, OscRejection.values().length);
        // Direct: the kernel copies straight into it, with no hidden temporary heap buffer.
        this.datagram = ByteBuffer.allocateDirect(datagramBufferBytes);
    }

    /**
     * Binds the socket and starts the receiving thread.
     *
     * @throws SensorStartException with a one-line message for the operator when the port is in
     *     use, the host is unknown or not local, or the socket cannot be opened
     */
    public synchronized void start() throws SensorStartException {
        if (channel != null) {
            throw new IllegalStateException("OSC UDP receiver already started");
        }
        channel = bind();
        boundPort = ((InetSocketAddress) localAddress()).getPort();
        running = true;
        thread = new Thread(this::receiveLoop, "vernissage-osc-udp-" + boundPort);
        thread.setDaemon(true); // a forgotten close() must not keep the JVM alive
        thread.start();
    }

    /** The port actually bound (the chosen one when asked for port 0); 0 before start. */
    public synchronized int port() {
        return boundPort;
    }

    /**
     * The kernel receive buffer the OS granted while running (it may cap
     * {@link #SOCKET_RECEIVE_BUFFER_BYTES}); 0 before start.
     */
    public synchronized int socketReceiveBufferBytes() throws IOException {
        return channel == null ? 0 : channel.getOption(StandardSocketOptions.SO_RCVBUF);
    }

    /** Stops receiving: closing the channel unblocks the thread, which is then joined. */
    @Override
    public synchronized void close() {
        running = false;
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing OSC UDP port " + boundPort + ": " + e.getMessage());
        }
        joinThread();
    }

    // ---- start-up ---------------------------------------------------------------------------

    private static OscEndpoint requireUdp(OscEndpoint endpoint) {
        if (endpoint.protocol() != OscEndpoint.Protocol.UDP) {
            throw new IllegalArgumentException("OscUdpReceiver takes a UDP endpoint, not " + endpoint);
        }
        return endpoint;
    }

    private DatagramChannel bind() throws SensorStartException {
        InetSocketAddress address = new InetSocketAddress(host, requestedPort);
        if (address.isUnresolved()) {
            throw new SensorStartException("OSC UDP host '" + host
                    + "' cannot be resolved; use an IP address of this machine or 0.0.0.0", null);
        }
        DatagramChannel opened = null;
        try {
            opened = DatagramChannel.open();
            opened.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_RECEIVE_BUFFER_BYTES);
            opened.bind(address);
            warnIfReceiveBufferCapped(opened);
            return opened;
        } catch (IOException e) {
            closeQuietly(opened);
            throw startFailure(e);
        }
    }

    private SensorStartException startFailure(IOException e) {
        String detail = String.valueOf(e.getMessage());
        if (e instanceof BindException && detail.contains("in use")) {
            return new SensorStartException("OSC UDP port " + requestedPort
                    + " is already in use (by another program or another OSC input); choose another port", e);
        }
        if (e instanceof BindException) {
            return new SensorStartException("OSC UDP cannot bind " + host + ":" + requestedPort
                    + " (" + detail + "); check the OSC input's host and port", e);
        }
        return new SensorStartException("OSC UDP cannot open a socket on " + host + ":"
                + requestedPort + ": " + detail, e);
    }

    private void warnIfReceiveBufferCapped(DatagramChannel opened) throws IOException {
        int granted = opened.getOption(StandardSocketOptions.SO_RCVBUF);
        if (granted < SOCKET_RECEIVE_BUFFER_BYTES) {
            LOG.log(Level.WARNING, "OSC UDP receive buffer is " + granted + " bytes, not "
                    + SOCKET_RECEIVE_BUFFER_BYTES + "; bursts may be lost (raise net.core.rmem_max)");
        }
    }

    private SocketAddress localAddress() throws SensorStartException {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            closeQuietly(channel);
            channel = null;
            throw startFailure(e);
        }
    }

    // ---- the receiving thread ---------------------------------------------------------------

    private void receiveLoop() {
        while (running) {
            datagram.clear();
            SocketAddress sender;
            try {
                sender = channel.receive(datagram);
            } catch (ClosedChannelException closed) {
                return; // close(), or an interrupt: either way we are done
            } catch (IOException e) {
                receiveFailed(e);
                continue;
            }
            if (sender != null) {
                handlePacket(sender, clock.nanos());
            }
        }
    }

    private void handlePacket(SocketAddress sender, long arrivalNanos) {
        stats.packetReceived(arrivalNanos);
        int length = datagram.position();
        if (length == datagram.capacity()) {
            // The OS silently cut the datagram to fit: what we hold is not what was sent.
            rejected(OscRejection.OVERSIZE, length, sender);
            return;
        }
        try {
            if (!reader.read(datagram, 0, length, arrivalNanos, handler)) {
                rejected(reader.rejection(), reader.rejectionOffset(), sender);
            }
        } catch (RuntimeException bug) {
            // The reader cannot throw on input; a handler bug must still not end the show.
            stats.handlerFailure();
            if (!handlerFailureLogged) {
                handlerFailureLogged = true;
                LOG.log(Level.ERROR, stats.source() + ": an OSC packet from " + sender + " broke its handler"
                        + "; further failures are only counted", bug);
            }
        }
    }

    private void rejected(OscRejection reason, int offset, SocketAddress sender) {
        stats.packetRejected(reason);
        if (firstRejections.first(reason)) {
            firstRejections.warn(stats.source() + ": rejected a packet from " + sender
                    + ": " + reason + " at byte " + offset
                    + "; further " + reason + " packets are only counted");
        }
    }

    private void receiveFailed(IOException e) {
        stats.receiveError();
        if (!receiveErrorLogged) {
            receiveErrorLogged = true;
            LOG.log(Level.WARNING, stats.source() + ": receive failed: " + e.getMessage()
                    + "; further failures are only counted");
        }
        // A persistent socket error must not become a busy loop that starves the show.
        LockSupport.parkNanos(ERROR_PAUSE_NANOS);
    }

    private void joinThread() {
        SensorThreads.joinWithin(thread, JOIN_MILLIS, LOG);
    }

    private static void closeQuietly(DatagramChannel opened) {
        if (opened == null) {
            return;
        }
        try {
            opened.close();
        } catch (IOException ignored) {
            // already failing to start; the start failure is the message that matters
        }
    }
}
