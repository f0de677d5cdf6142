package org.vernissage.sensors.osc;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.agrona.concurrent.Agent;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentHost;
import org.vernissage.engine.agent.AgentState;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.DatagramReads;
import org.vernissage.engine.agent.DirectWait;
import org.vernissage.engine.agent.NativeDatagramReceive;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.agent.WakeDatagram;
import org.vernissage.engine.clock.Clock;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscRejection;
import org.vernissage.sensors.SensorStartException;

/**
 * Receives OSC over UDP as an agent (see {@link SupervisedAgent}): each duty cycle reads the
 * datagrams waiting on a non-blocking {@link DatagramChannel} (in a burst all of them up to a
 * bound, so agents sharing the thread get their turn; one when input is sparse, see
 * {@code BURST_GAP_NANOS}) into one direct 64 KiB buffer reused forever, stamps its arrival on the
 * injected {@link Clock}, and has an {@link OscPacketReader} validate it and deliver its messages
 * to the handler (normally an {@link OscBindingRouter}). When nothing is waiting, the thread sleeps
 * on the selector its channel is registered with, so a datagram wakes it as promptly as a blocking
 * receive did. Nothing is allocated per packet in steady state.
 *
 * <p>Hosted alone on the conductor's thread, the receiver offers it a {@link DirectWait}: the
 * conductor then sleeps in this socket's blocking receive, with no selector (one system call per
 * datagram), and producers wake it with a datagram of ours ({@link WakeDatagram}), which is
 * dropped here, never counted as input. The socket is then in blocking mode and off the selector,
 * and read natively ({@link DatagramReads}: {@code recvfrom}, non-blocking per call outside the
 * sleep), so that a wake-up between two packets allocates nothing. Where this JVM cannot read
 * natively, the receiver offers no direct wait and reads with the JDK, on the selector.
 *
 * <p>Bad input never stops it: a rejected packet is counted per reason in {@link OscStats}, the
 * first of each reason is logged with its sender ({@link OscUdpFaults}), and the agent reads on.
 * A socket that fails is the agent's supervision's business: counted per kind, logged once, and
 * after repeated failures the socket is closed and bound again on the same port, with back-off
 * ({@link #health()}).
 *
 * <p>Threads: {@link #start()} runs the agent on a thread of its own
 * ("vernissage-osc-udp-PORT"); {@link #start(AgentHost)} adds it to a host shared with other
 * receivers: a thread built with {@link AgentThread#selecting}, which suits a 2-core PC with
 * several OSC ports, or the conductor's own thread ({@code InputRing.receiverHost()} with the
 * ring's {@code HOSTED} wait), where a datagram is received and applied with no hand-off between
 * threads. Several ports at once: one receiver per {@link OscEndpoint}, each with its own router and
 * its own {@link OscStats}, because a router and its counters are confined to the one thread that
 * drives them. All routers may share the engine's ring, which takes concurrent producers.
 *
 * <p>{@link #start()} and {@link #close()} are called by the app's wiring thread, which owns the
 * receiver; the handler and the stats' counters are then used by the agent's thread alone.
 */
public final class OscUdpReceiver implements AutoCloseable {

    /** Bind to every interface unless told otherwise: controllers are on the show network. */
    public static final String ANY_HOST = OscEndpoint.ANY_HOST;
    /** The kernel buffer that absorbs bursts (a console recalling a scene) while we are busy. */
    public static final int SOCKET_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;
    /** Larger than any UDP payload over IPv4 (65,507 bytes), so a full buffer means truncation. */
    public static final int DATAGRAM_BUFFER_BYTES = 64 * 1024;
    /**
     * How long an idle receiver's thread sleeps on its selector at most: input wakes it at once,
     * so this only bounds how soon a restart's back-off is looked at.
     */
    public static final Duration IDLE_TIMEOUT = Duration.ofMillis(100);

    private static final Logger LOG = System.getLogger(OscUdpReceiver.class.getName());
    /**
     * Datagrams per duty cycle: a flood on one port cannot starve ports sharing the thread, and a
     * conductor hosting the receiver applies what it read after at most this many.
     */
    static final int MAX_DATAGRAMS_PER_CYCLE = 64;
    /**
     * Two datagrams read closer together than this are a burst: keep reading until the socket is
     * empty. Further apart (under 50k per second), one datagram per duty cycle.
     */
    static final long BURST_GAP_NANOS = 20_000;

    private final String host;
    private final int requestedPort;
    private final OscMessageHandler handler;
    private final Clock clock;
    private final OscStats stats;
    private final Logger logger;
    private final OscUdpFaults faults;
    private final OscPacketReader reader = new OscPacketReader();
    private final ByteBuffer datagram;
    private SupervisedAgent agent;            // made at start, named after the bound port
    private Receiving receiving;              // the agent inside it, which a host may sleep in
    private WakeDatagram wakes;               // made at start where reads can wait: ends a host's sleep

    private volatile DatagramChannel channel; // the agent's thread replaces it on a restart
    private volatile DatagramReads reads;     // the channel's reads, replaced with it
    private AgentHost thread;                 // the one it runs on
    private AgentThread ownThread;            // when it has a thread of its own
    private volatile int boundPort;
    private long lastReadNanos = Long.MIN_VALUE / 2; // agent thread only: when the last datagram was read

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
        this.logger = Objects.requireNonNull(logger, "logger");
        this.faults = new OscUdpFaults(stats, logger);
        // Direct: the kernel copies straight into it, with no hidden temporary heap buffer.
        this.datagram = ByteBuffer.allocateDirect(datagramBufferBytes);
    }

    /**
     * Binds the socket and starts receiving on a thread of its own.
     *
     * @throws SensorStartException with a one-line message for the operator when the port is in
     *     use, the host is unknown or not local, or the socket cannot be opened
     */
    public synchronized void start() throws SensorStartException {
        bindOnce();
        ownThread = AgentThread.selecting("vernissage-osc-udp-" + boundPort, IDLE_TIMEOUT);
        startOn(ownThread);
    }

    /**
     * Binds the socket and starts receiving on {@code shared}: a thread made with
     * {@link AgentThread#selecting} that other receivers may use too, or the conductor's thread
     * ({@code InputRing.receiverHost()}). The caller closes it after closing every receiver on it.
     *
     * @throws SensorStartException as {@link #start()}
     */
    public synchronized void start(AgentHost shared) throws SensorStartException {
        bindOnce();
        startOn(Objects.requireNonNull(shared, "shared"));
    }

    /** The port actually bound (the chosen one when asked for port 0); 0 before start. */
    public synchronized int port() {
        return boundPort;
    }

    /** The agent's errors, restarts and state, for a statistics line; null before start. Any thread. */
    public synchronized AgentHealth health() {
        return agent;
    }

    /**
     * The kernel receive buffer the OS granted while running (it may cap
     * {@link #SOCKET_RECEIVE_BUFFER_BYTES}); 0 before start.
     */
    public synchronized int socketReceiveBufferBytes() throws IOException {
        DatagramChannel current = channel;
        return current == null ? 0 : current.getOption(StandardSocketOptions.SO_RCVBUF);
    }

    /** Stops receiving: the agent leaves its thread (closing the socket there), bounded. */
    @Override
    public synchronized void close() {
        if (thread != null) {
            if (ownThread != null) {
                ownThread.close();
                ownThread = null;
            } else {
                thread.remove(agent);
            }
            thread = null;
        }
        closeQuietly(channel);
        if (wakes != null) {
            wakes.close();
        }
    }

    /** For tests: closes the socket under the agent, as a failing network stack would. */
    void breakSocket() throws IOException {
        channel.close();
        if (wakes != null) {
            wakes.send(); // a host asleep in the socket's receive learns of it, as from the JDK's close
        }
    }

    private void bindOnce() throws SensorStartException {
        if (channel != null || thread != null) {
            throw new IllegalStateException("OSC UDP receiver already started");
        }
        channel = bind(requestedPort);
        InetSocketAddress bound = (InetSocketAddress) localAddress();
        boundPort = bound.getPort();
        Optional<String> notNative = NativeDatagramReceive.unavailable();
        if (notNative.isPresent()) {
            LOG.log(Level.DEBUG, () -> stats.source() + " reads with the JDK, on a selector: " + notNative.get());
        } else {
            wakes = openWakes(bound);
        }
        reads = DatagramReads.of(channel, datagram, wakes);
        receiving = new Receiving();
        agent = new SupervisedAgent(receiving, logger);
    }

    private WakeDatagram openWakes(InetSocketAddress bound) throws SensorStartException {
        try {
            return new WakeDatagram(bound);
        } catch (IOException e) {
            closeQuietly(channel);
            channel = null;
            throw new SensorStartException("OSC UDP cannot open its wake-up socket for " + host + ":" + boundPort
                    + ": " + e.getMessage(), e);
        }
    }

    private void startOn(AgentHost on) {
        thread = on;
        on.add(agent, wakes != null ? receiving : null);
    }

    // ---- start-up ---------------------------------------------------------------------------

    private static OscEndpoint requireUdp(OscEndpoint endpoint) {
        if (endpoint.protocol() != OscEndpoint.Protocol.UDP) {
            throw new IllegalArgumentException("OscUdpReceiver takes a UDP endpoint, not " + endpoint);
        }
        return endpoint;
    }

    private DatagramChannel bind(int port) throws SensorStartException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new SensorStartException("OSC UDP host '" + host
                    + "' cannot be resolved; use an IP address of this machine or 0.0.0.0", null);
        }
        DatagramChannel opened = null;
        try {
            opened = DatagramChannel.open();
            opened.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_RECEIVE_BUFFER_BYTES);
            opened.bind(address);
            opened.configureBlocking(false);
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

    // ---- the agent: its thread only -----------------------------------------------------------

    /**
     * The receiving role: reads what is waiting, or (re)opens the socket when (re)started; or, in
     * a host's sleep, waits in the socket's receive for one datagram.
     */
    private final class Receiving implements Agent, DirectWait {

        private boolean watched; // the channel is registered with the host's selector

        @Override
        public void onStart() {
            DatagramChannel current = channel;
            if (current == null || !current.isOpen()) {
                current = reopen();
            }
            watched = false;
            try {
                awake(current);
            } catch (IOException e) {
                throw new IllegalStateException("cannot watch OSC UDP port " + boundPort + ": " + e, e);
            }
        }

        @Override
        public boolean canWait() {
            DatagramChannel current = channel;
            return current != null && current.isOpen() && agent.state() == AgentState.RUNNING;
        }

        @Override
        public void wake() {
            wakes.send();
        }

        /**
         * While the host sleeps in this socket: blocking (its receive is the sleep; every other
         * read is non-blocking per call) and off the selector. Otherwise non-blocking and on the
         * selector; the direct wait, once ended, never comes back.
         */
        private void awake(DatagramChannel current) throws IOException {
            if (thread.waitsOn(this)) {
                if (!current.isBlocking()) {
                    current.configureBlocking(true);
                }
            } else if (!watched) {
                if (current.isBlocking()) {
                    current.configureBlocking(false);
                }
                current.register(thread.selector(), SelectionKey.OP_READ);
                watched = true;
            }
        }

        /** The host's sleep: blocks until a datagram arrives, handles it unless it is a wake-up. */
        private int sleep(DatagramReads current) throws IOException {
            if (receive(current, true) < 0 || current.wasWake()) {
                return 0;
            }
            long now = clock.nanos();
            handlePacket(current, now);
            lastReadNanos = now;
            return 1;
        }

        private int receive(DatagramReads current, boolean wait) throws IOException {
            try {
                return current.receive(wait);
            } catch (IOException e) {
                stats.receiveError();
                throw e; // the supervision counts, logs once, restarts if it persists
            }
        }

        @Override
        public int doWork() throws IOException {
            DatagramReads current = reads;
            if (thread.sleepingCycle() && thread.waitsOn(this)) {
                return sleep(current);
            }
            awake(channel);
            int read = 0;
            while (read < MAX_DATAGRAMS_PER_CYCLE) {
                if (receive(current, false) < 0) {
                    return read;
                }
                if (current.wasWake()) {
                    continue; // a wake-up sent while the host was awake after all: not input
                }
                long now = clock.nanos();
                handlePacket(current, now);
                read++;
                boolean burst = now - lastReadNanos < BURST_GAP_NANOS;
                lastReadNanos = now;
                if (!burst) {
                    // Sparse input: the next datagram is likely far off. Return without a receive
                    // that would only find the socket empty; the selector (level-triggered) says
                    // at once if one is waiting after all. A conductor hosting us saves one system
                    // call per message this way.
                    return read;
                }
            }
            return read;
        }

        @Override
        public void onClose() {
            closeQuietly(channel);
        }

        @Override
        public String roleName() {
            return "osc-udp-" + boundPort;
        }
    }

    /** A restart: the same host and port as the first start. */
    private DatagramChannel reopen() {
        try {
            channel = bind(boundPort);
        } catch (SensorStartException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        reads = DatagramReads.of(channel, datagram, wakes);
        return channel;
    }

    private void handlePacket(DatagramReads from, long arrivalNanos) {
        stats.packetReceived(arrivalNanos);
        int length = datagram.position();
        if (length == datagram.capacity()) {
            // The OS silently cut the datagram to fit: what we hold is not what was sent.
            faults.rejected(OscRejection.OVERSIZE, length, from);
            return;
        }
        try {
            if (!reader.read(datagram, 0, length, arrivalNanos, handler)) {
                faults.rejected(reader.rejection(), reader.rejectionOffset(), from);
            }
        } catch (RuntimeException bug) {
            // The reader cannot throw on input; a handler bug must still not end the show.
            faults.handlerFailed(from, bug);
        }
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
