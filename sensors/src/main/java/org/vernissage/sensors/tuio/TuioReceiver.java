package org.vernissage.sensors.tuio;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.SensorThreads;

/**
 * Receives TUIO over UDP (default port {@value #DEFAULT_PORT}) on its own thread
 * ("vernissage-tuio-PORT") and feeds a {@link TuioDecoder}, which publishes touch frames into the
 * engine's {@link InputSink}. The thread waits on a selector for at most
 * {@link TuioSettings#pollInterval()}, reads every datagram waiting into one direct 64 KiB buffer
 * reused forever, stamps each with the injected {@link Clock}, and after each wake-up lets the
 * decoder re-send still-alive points and forget silent sources; so points stay alive in the
 * engine while their tracker is idle, and time out there when it dies.
 *
 * <p>Bad input never stops it: the decoder counts and logs it; a decoder bug is logged once and
 * the datagram skipped; a socket error is logged once and paused on. Only {@link #close()} ends
 * the thread. The socket path allocates nothing per datagram from a sender already seen (the JDK
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
    private static final long JOIN_MILLIS = 2_000;
    private static final long ERROR_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Datagrams read per wake-up before the keepalive runs, so a flood cannot starve it. */
    private static final int MAX_DATAGRAMS_PER_WAKE = 256;
    /** The selector only wakes us; reading happens after, so a ready key needs no action. */
    private static final Consumer<SelectionKey> WAKE_ONLY = key -> { };

    private final String host;
    private final int requestedPort;
    private final Clock clock;
    private final Logger logger;
    private final TuioStats stats;
    private final TuioDecoder decoder;
    private final long pollMillis;
    private final ByteBuffer datagram;

    private DatagramChannel channel;
    private Selector selector;
    private Thread thread;
    private int boundPort;
    private volatile boolean running;
    private boolean failureLogged;      // receiving thread only
    private boolean receiveErrorLogged; // receiving thread only

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
        this.pollMillis = Math.max(1, settings.pollInterval().toMillis());
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
            channel = bind();
            boundPort = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException e) {
            closeQuietly();
            throw startFailure(e);
        }
        running = true;
        thread = new Thread(this::receiveLoop, "vernissage-tuio-" + boundPort);
        thread.setDaemon(true); // a forgotten close() must not keep the JVM alive
        thread.start();
    }

    /** The port actually bound (the chosen one when asked for port 0); 0 before start. */
    public synchronized int port() {
        return boundPort;
    }

    /** Stops the thread (waking it), joins it, then closes the socket. */
    @Override
    public synchronized void close() {
        running = false;
        if (channel == null) {
            return;
        }
        selector.wakeup();
        joinThread();
        closeQuietly();
    }

    // ---- start-up ---------------------------------------------------------------------------

    private DatagramChannel bind() throws SensorStartException, IOException {
        InetSocketAddress address = new InetSocketAddress(host, requestedPort);
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

    // ---- the receiving thread ---------------------------------------------------------------

    private void receiveLoop() {
        try {
            while (running) {
                selector.select(WAKE_ONLY, pollMillis);
                if (!drain()) {
                    return;
                }
                guarded(null, 0, false);
            }
        } catch (ClosedSelectorException | IOException closed) {
            if (running) {
                logger.log(Level.ERROR, "TUIO UDP port " + boundPort + ": selector failed, receiving stopped: "
                        + closed);
            }
        }
    }

    /** Reads what is waiting; false once the channel is closed. */
    private boolean drain() {
        for (int i = 0; i < MAX_DATAGRAMS_PER_WAKE && running; i++) {
            datagram.clear();
            SocketAddress sender;
            try {
                sender = channel.receive(datagram);
            } catch (ClosedChannelException closed) {
                return false;
            } catch (IOException e) {
                receiveFailed(e);
                return true;
            }
            if (sender == null) {
                return true;
            }
            guarded(sender, datagram.position(), true);
        }
        return true;
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

    private void receiveFailed(IOException e) {
        if (!receiveErrorLogged) {
            receiveErrorLogged = true;
            logger.log(Level.WARNING, "TUIO UDP port " + boundPort + ": receive failed: " + e.getMessage()
                    + "; further failures are not logged");
        }
        // A persistent socket error must not become a busy loop that starves the show.
        LockSupport.parkNanos(ERROR_PAUSE_NANOS);
    }

    private void joinThread() {
        SensorThreads.joinWithin(thread, JOIN_MILLIS, logger);
    }

    private void closeQuietly() {
        try {
            if (selector != null) {
                selector.close();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing: nothing left to do with the socket either way
        }
        selector = null;
        channel = null;
    }
}
