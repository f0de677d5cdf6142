package org.vernissage.sensors.tuio;

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
import org.agrona.concurrent.Agent;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.sensors.SensorStartException;

/**
 * Receives TUIO over UDP (default port {@value #DEFAULT_PORT}) as an agent on its own thread
 * ("vernissage-tuio-PORT") and feeds a {@link TuioDecoder}, which publishes touch frames into the
 * engine's {@link InputSink}. Each duty cycle reads every datagram waiting on a non-blocking
 * channel into one direct 64 KiB buffer reused forever, stamps each with the injected
 * {@link Clock}, and then lets the decoder re-send still-alive points and forget silent sources;
 * between cycles the thread sleeps on a selector for at most {@link TuioSettings#pollInterval()},
 * so points stay alive in the engine while their tracker is idle, and time out there when it dies.
 *
 * <p>Bad input never stops it: the decoder counts and logs it; a decoder bug is logged once and
 * the datagram skipped. A socket or selector that fails is the supervision's business
 * ({@link SupervisedAgent}): counted per kind, logged once, the socket reopened on its port after
 * repeated failures (before agents, one selector error ended TUIO for good). Only
 * {@link #close()} ends the thread. The socket path allocates nothing per datagram from a sender already seen (the JDK
 * reuses the sender's address object).
 *
 * <p>{@link #start()} and {@link #close()} are called by the app's wiring thread, which owns the
 * receiver; {@link #stats()} may be read by any thread.
 */
public final class TuioReceiver implements AutoCloseable {

    /** Trackers are on the installation's network: bind every interface unless told otherwise. */
    public static final String ANY_HOST = "0.0.0.0";
    /** The TUIO port trackers send to unless configured otherwise. */
    public static final int DEFAULT_PORT = 3333;
    /** Absorbs a burst (several trackers, split frames) while the thread is busy. */
    public static final int SOCKET_RECEIVE_BUFFER_BYTES = 1024 * 1024;
    /** Larger than any UDP payload over IPv4 (65,507 bytes), so a full buffer means truncation. */
    public static final int DATAGRAM_BUFFER_BYTES = 64 * 1024;

    private static final Logger LOG = System.getLogger(TuioReceiver.class.getName());
    /** Datagrams read per duty cycle before the keepalive runs, so a flood cannot starve it. */
    private static final int MAX_DATAGRAMS_PER_WAKE = 256;

    private final String host;
    private final int requestedPort;
    private final Clock clock;
    private final Logger logger;
    private final TuioStats stats;
    private final TuioDecoder decoder;
    private final Duration pollInterval;
    private final ByteBuffer datagram;

    private volatile DatagramChannel channel; // the agent's thread replaces it on a restart
    private AgentThread thread;
    private SupervisedAgent agent;
    private volatile int boundPort;
    private boolean failureLogged;      // agent thread only

    /** A receiver on every interface, port {@link #DEFAULT_PORT} unless given; 0 picks a free port. */
    public TuioReceiver(int port, InputSink sink, Clock clock, TuioSettings settings) {
        this(ANY_HOST, port, sink, clock, settings);
    }

    public TuioReceiver(String host, int port, InputSink sink, Clock clock, TuioSettings settings) {
        this(host, port, sink, clock, settings, LOG, DATAGRAM_BUFFER_BYTES);
    }

    /** For tests: a logger makes the log visible, a smaller buffer makes truncation testable. */
    TuioReceiver(String host, int port, InputSink sink, Clock clock, TuioSettings settings, Logger logger,
                 int datagramBufferBytes) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("TUIO UDP port must be 0..65535, got " + port);
        }
        this.host = Objects.requireNonNull(host, "host");
        this.requestedPort = port;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.stats = new TuioStats("TUIO udp " + host + ":" + port);
        this.decoder = new TuioDecoder(sink, stats, settings, logger);
        this.pollInterval = Duration.ofMillis(Math.max(1, settings.pollInterval().toMillis()));
        // Direct: the kernel copies straight into it, with no hidden temporary heap buffer.
        this.datagram = ByteBuffer.allocateDirect(datagramBufferBytes);
    }

    /** The counters, named like {@code "TUIO udp 0.0.0.0:3333"} (the port asked for). Any thread. */
    public TuioStats stats() {
        return stats;
    }

    /**
     * Binds the socket and starts the receiving thread.
     *
     * @throws SensorStartException with a one-line message for the operator when the port is in
     *     use, the host is unknown or not local, or the socket cannot be opened
     */
    public synchronized void start() throws SensorStartException {
        if (channel != null) {
            throw new IllegalStateException("TUIO receiver already started");
        }
        try {
            channel = bind(requestedPort);
            boundPort = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            closeQuietly();
            throw startFailure(e);
        }
        agent = new SupervisedAgent(new Receiving(), logger);
        thread = AgentThread.selecting("vernissage-tuio-" + boundPort, pollInterval);
        thread.add(agent);
    }

    /** The port actually bound (the chosen one when asked for port 0); 0 before start. */
    public synchronized int port() {
        return boundPort;
    }

    /** The agent's errors, restarts and state, for a statistics line; null before start. */
    public synchronized AgentHealth health() {
        return agent;
    }

    /** Stops the agent's thread (which closes the socket as it ends), bounded. */
    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.close();
            thread = null;
        }
        closeQuietly();
    }

    /** For tests: closes the socket under the agent, as a failing network stack would. */
    void breakSocket() throws IOException {
        channel.close();
    }

    // ---- start-up ---------------------------------------------------------------------------

    private DatagramChannel bind(int port) throws SensorStartException, IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new SensorStartException("TUIO UDP host '" + host
                    + "' cannot be resolved; use an IP address of this machine or 0.0.0.0", null);
        }
        DatagramChannel opened = DatagramChannel.open();
        try {
            opened.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_RECEIVE_BUFFER_BYTES);
            opened.bind(address);
            opened.configureBlocking(false);
            return opened;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
    }

    private SensorStartException startFailure(IOException e) {
        String detail = String.valueOf(e.getMessage());
        if (e instanceof BindException && detail.contains("in use")) {
            return new SensorStartException("TUIO UDP port " + requestedPort
                    + " is already in use (another TUIO client?); choose another with --tuio PORT", e);
        }
        if (e instanceof BindException) {
            return new SensorStartException("TUIO UDP cannot bind " + host + ":" + requestedPort
                    + " (" + detail + "); check --sensor-host and --tuio", e);
        }
        return new SensorStartException("TUIO UDP cannot open a socket on " + host + ":" + requestedPort
                + ": " + detail, e);
    }

    // ---- the agent: its thread only -----------------------------------------------------------

    /** The receiving role: reads what is waiting, then ticks the decoder's keepalive. */
    private final class Receiving implements Agent {

        @Override
        public void onStart() {
            try {
                DatagramChannel current = channel;
                if (current == null || !current.isOpen()) {
                    current = bind(boundPort); // a restart: the same port as the first start
                    channel = current;
                }
                current.register(thread.selector(), SelectionKey.OP_READ);
            } catch (IOException | SensorStartException e) {
                throw new IllegalStateException("TUIO UDP port " + boundPort + " cannot be reopened: " + e, e);
            }
        }

        @Override
        public int doWork() throws IOException {
            int read = drain();
            guarded(null, 0, false);
            return read;
        }

        @Override
        public void onClose() {
            closeQuietly();
        }

        @Override
        public String roleName() {
            return "tuio-" + boundPort;
        }
    }

    /** Reads what is waiting (bounded); a socket error is thrown to the supervision. */
    private int drain() throws IOException {
        DatagramChannel current = channel;
        int read = 0;
        while (read < MAX_DATAGRAMS_PER_WAKE) {
            datagram.clear();
            SocketAddress sender = current.receive(datagram);
            if (sender == null) {
                return read;
            }
            guarded(sender, datagram.position(), true);
            read++;
        }
        return read;
    }

    /** Hands one datagram (or, without one, the clock) to the decoder; a decoder bug is contained. */
    private void guarded(SocketAddress sender, int length, boolean isDatagram) {
        long now = clock.nanos();
        try {
            if (isDatagram) {
                if (length == datagram.capacity()) {
                    decoder.rejectTruncated(sender, length, now); // the OS cut it to fit
                } else {
                    decoder.read(datagram, 0, length, sender, now);
                }
            }
            decoder.tick(now);
        } catch (RuntimeException bug) {
            if (!failureLogged) {
                failureLogged = true;
                logger.log(Level.ERROR, "TUIO datagram from " + sender + " broke the decoder"
                        + "; further failures are only logged here once", bug);
            }
        }
    }

    private void closeQuietly() {
        try {
            DatagramChannel current = channel;
            if (current != null) {
                current.close();
            }
        } catch (IOException ignored) {
            // closing: nothing left to do with the socket either way
        }
    }
}
