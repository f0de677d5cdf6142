package org.vernissage.sensors.osc;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import jdk.net.ExtendedSocketOptions;
import org.vernissage.engine.clock.Clock;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscRejection;
import org.vernissage.osc.OscStreamDecoder;
import org.vernissage.osc.OscStreamEvent;
import org.vernissage.osc.OscStreamFraming;
import org.vernissage.sensors.FirstOccurrenceLog;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.SensorThreads;

/**
 * Receives OSC over TCP: listens on one address, accepts up to
 * {@link OscTcpServerConfig#maxConnections()} connections at once, and serves them all from one
 * NIO selector thread ("vernissage-osc-tcp-PORT"). Each connection's stream is cut into packets by
 * its framing (SLIP or length prefix, chosen per connection from its first byte unless forced,
 * see {@link OscStreamFraming}); each packet is stamped with its arrival on the injected
 * {@link Clock} and handed to an {@link OscPacketReader}, which validates it and delivers its
 * messages to the handler.
 *
 * <p>One thread for every connection is what makes the handler safe: it is called only on that
 * thread, exactly as {@link OscUdpReceiver} calls its own, so a router written for UDP needs no
 * locking here. Connection slots (a 16 KiB read buffer and a packet buffer of the size limit each,
 * both direct) are allocated with the server and reused; a packet allocates nothing in steady
 * state. Accepting a connection allocates its socket objects (the JDK's), which is not per packet.
 *
 * <p>Bad input never stops it. Per connection: a SLIP frame over the size limit is discarded to
 * its END and counted as dropped; a bad SLIP escape discards its frame; a length prefix over the
 * limit (or negative) closes that connection with one log line naming the peer and the size; a
 * connection ending mid-packet is counted; malformed packets are counted per
 * {@link OscRejection}. Each kind is logged the first time only, then counted in
 * {@link #stats()}. Connections beyond the limit are accepted and closed at once, and counted.
 *
 * <p>{@link #start()} and {@link #close()} are called by the app's wiring thread, which owns the
 * server; the handler, the reader and the stats' counters are then used by the server's thread
 * alone. Any thread may read {@link #stats()}.
 */
public final class OscTcpServer implements AutoCloseable {

    private static final Logger LOG = System.getLogger(OscTcpServer.class.getName());
    /** Connections the kernel holds while the thread is busy; more than a show ever opens at once. */
    private static final int BACKLOG = 64;
    private static final long JOIN_MILLIS = 2_000;
    private static final long ERROR_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** A peer that vanished without a FIN (a tablet off the Wi-Fi) frees its slot in ~90 s. */
    private static final int KEEPALIVE_IDLE_SECONDS = 60;
    private static final int KEEPALIVE_INTERVAL_SECONDS = 10;
    private static final int KEEPALIVE_PROBES = 3;

    private final OscTcpServerConfig config;
    private final OscMessageHandler handler;
    private final Clock clock;
    private final Logger logger;
    private final OscStreamStats stats;
    private final OscPacketReader reader = new OscPacketReader();
    private final OscTcpServerConnection[] slots;
    private final FirstOccurrenceLog firstRejections;
    private final FirstOccurrenceLog firstFaults;
    // One instance for the server's life: select(Consumer) then allocates nothing per wake-up.
    private final Consumer<SelectionKey> onReady = this::ready;

    private Selector selector;
    private ServerSocketChannel listener;
    private Thread thread;
    private int boundPort;
    private boolean closed;
    private volatile boolean running;

    public OscTcpServer(OscTcpServerConfig config, OscMessageHandler handler, Clock clock) {
        this(config, handler, clock, LOG);
    }

    /** For tests: a logger makes the log lines visible. */
    OscTcpServer(OscTcpServerConfig config, OscMessageHandler handler, Clock clock, Logger logger) {
        this.config = Objects.requireNonNull(config, "config");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.stats = new OscStreamStats("tcp", config.host(), config.port());
        this.firstRejections = new FirstOccurrenceLog(logger, OscRejection.values().length);
        this.firstFaults = new FirstOccurrenceLog(logger, OscStreamFault.values().length);
        this.slots = new OscTcpServerConnection[config.maxConnections()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new OscTcpServerConnection(config.framing(), config.maxPacketBytes());
        }
    }

    /**
     * Binds the listening socket and starts the server's thread.
     *
     * @throws SensorStartException with a one-line message naming host:port when the port is in
     *     use, the host is unknown or not local, or the socket cannot be opened
     * @throws IllegalStateException when started twice, or after {@link #close()}
     */
    public synchronized void start() throws SensorStartException {
        if (listener != null || closed) {
            throw new IllegalStateException("OSC TCP server already started or closed");
        }
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        if (address.isUnresolved()) {
            throw new SensorStartException("OSC TCP host '" + config.host()
                    + "' cannot be resolved; use an IP address of this machine or 0.0.0.0", null);
        }
        listen(address);
        stats.boundTo(boundPort);
        running = true;
        thread = new Thread(this::serve, "vernissage-osc-tcp-" + boundPort);
        thread.setDaemon(true); // a forgotten close() must not keep the JVM alive
        thread.start();
    }

    /** The port actually bound (the chosen one when asked for port 0); 0 before start. */
    public synchronized int port() {
        return boundPort;
    }

    /** This server's counters; any thread may read them. */
    public OscStreamStats stats() {
        return stats;
    }

    /**
     * Stops the thread, which closes every connection, then the listening socket. Idempotent;
     * a closed server cannot be started again.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        if (selector == null) {
            return; // never started
        }
        selector.wakeup();
        joinThread();
        // The thread closed both on its way out; again here in case it did not stop in time.
        closeQuietly(listener);
        closeQuietly(selector);
    }

    // ---- start-up ---------------------------------------------------------------------------

    private void listen(InetSocketAddress address) throws SensorStartException {
        try {
            selector = Selector.open();
            listener = ServerSocketChannel.open();
            listener.bind(address, BACKLOG);
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            boundPort = ((InetSocketAddress) listener.getLocalAddress()).getPort();
        } catch (IOException e) {
            closeQuietly(listener);
            closeQuietly(selector);
            listener = null;
            selector = null;
            throw startFailure(e);
        }
    }

    private SensorStartException startFailure(IOException e) {
        String where = config.host() + ":" + config.port();
        String detail = String.valueOf(e.getMessage());
        if (e instanceof BindException && detail.contains("in use")) {
            return new SensorStartException("OSC TCP cannot listen on " + where
                    + ": the port is already in use; choose another OSC TCP port", e);
        }
        if (e instanceof BindException) {
            return new SensorStartException("OSC TCP cannot listen on " + where + " (" + detail
                    + "); check the OSC TCP host and port", e);
        }
        return new SensorStartException("OSC TCP cannot open a socket on " + where + ": " + detail, e);
    }

    // ---- the server's thread ----------------------------------------------------------------

    private void serve() {
        try {
            while (running) {
                selectOnce();
            }
        } catch (ClosedSelectorException closedUnderUs) {
            // close() gave up waiting and closed the selector: we are done
        } finally {
            closeEverything();
        }
    }

    private void selectOnce() {
        try {
            selector.select(onReady);
        } catch (IOException e) {
            ioError("waiting for connections", e);
        } catch (ClosedSelectorException closing) {
            throw closing;
        } catch (RuntimeException bug) {
            unexpected(bug);
        }
    }

    private void ready(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
        } else if (key.isReadable()) {
            read((OscTcpServerConnection) key.attachment());
        }
    }

    private void accept() {
        SocketChannel accepted;
        try {
            accepted = listener.accept();
        } catch (IOException e) {
            ioError("accepting a connection", e); // e.g. out of file descriptors
            return;
        }
        if (accepted == null) {
            return;
        }
        OscTcpServerConnection slot = freeSlot();
        if (slot == null) {
            refuse(accepted);
            return;
        }
        try {
            SocketAddress peer = accepted.getRemoteAddress();
            accepted.configureBlocking(false);
            keepAlive(accepted);
            accepted.register(selector, SelectionKey.OP_READ, slot);
            slot.open(accepted, peer);
            stats.connectionOpened();
        } catch (IOException e) {
            closeQuietly(accepted);
            ioError("setting up a connection", e);
        }
    }

    private OscTcpServerConnection freeSlot() {
        for (OscTcpServerConnection slot : slots) {
            if (!slot.inUse()) {
                return slot;
            }
        }
        return null;
    }

    private void refuse(SocketChannel accepted) {
        // Counted before the close: whoever sees the connection end may already read the count.
        fault(OscStreamFault.CONNECTION_REFUSED, remoteAddressOrNull(accepted), 0);
        closeQuietly(accepted);
    }

    private void read(OscTcpServerConnection slot) {
        ByteBuffer input = slot.clearedInput();
        int count;
        try {
            count = slot.channel().read(input);
        } catch (IOException e) {
            count = -1; // a reset: the peer vanished, which is what an end of stream means too
        }
        if (count < 0) {
            ended(slot);
            return;
        }
        if (count == 0) {
            return;
        }
        long arrivalNanos = clock.nanos(); // one stamp for everything this read brought
        stats.heardAt(arrivalNanos);
        input.flip();
        decodeAll(slot, input, arrivalNanos);
    }

    private void decodeAll(OscTcpServerConnection slot, ByteBuffer input, long arrivalNanos) {
        if (!slot.framed()) {
            stats.framingChosen(slot.chooseFraming(input.get(0)));
        }
        OscStreamDecoder decoder = slot.decoder();
        while (true) {
            OscStreamEvent event = decoder.decode(input);
            if (event == OscStreamEvent.NEED_MORE) {
                return;
            }
            stats.frameReceived();
            switch (event) {
                case PACKET -> deliver(slot, decoder, arrivalNanos);
                case OVERSIZE_DISCARDED -> fault(OscStreamFault.OVERSIZE_FRAME, slot.peer(),
                        decoder.faultSize());
                case BAD_ESCAPE_DISCARDED -> fault(OscStreamFault.BAD_ESCAPE, slot.peer(), 0);
                default -> {
                    closeForBadLength(slot, event, decoder.faultSize());
                    return;
                }
            }
        }
    }

    private void deliver(OscTcpServerConnection slot, OscStreamDecoder decoder, long arrivalNanos) {
        try {
            if (!reader.read(decoder.packet(), 0, decoder.packetLength(), arrivalNanos, handler)) {
                rejected(reader.rejection(), reader.rejectionOffset(), slot.peer());
            }
        } catch (RuntimeException bug) {
            // The reader cannot throw on input; a handler bug must still not end the show.
            stats.fault(OscStreamFault.HANDLER_FAILED);
            if (firstFaults.first(OscStreamFault.HANDLER_FAILED)) {
                logger.log(Level.ERROR, "OSC TCP port " + boundPort + ": a packet from "
                        + slot.peer() + " broke its handler; further failures are only counted", bug);
            }
        }
    }

    private void rejected(OscRejection reason, int offset, SocketAddress peer) {
        stats.packetRejected(reason);
        if (firstRejections.first(reason)) {
            firstRejections.warn("OSC TCP port " + boundPort + ": rejected a packet from " + peer
                    + ": " + reason + " at byte " + offset
                    + "; further " + reason + " packets are only counted");
        }
    }

    /** A length prefix we cannot honour: nothing says where the next packet starts. */
    private void closeForBadLength(OscTcpServerConnection slot, OscStreamEvent event, long size) {
        OscStreamFault fault = event == OscStreamEvent.LENGTH_NEGATIVE
                ? OscStreamFault.LENGTH_NEGATIVE : OscStreamFault.LENGTH_TOO_LARGE;
        stats.fault(fault);
        // Always logged (not only the first time): each one ends a connection the operator
        // may be relying on.
        logger.log(Level.WARNING, "OSC TCP port " + boundPort + ": closed the connection from "
                + slot.peer() + ": its length prefix says " + size + " bytes, the limit is "
                + config.maxPacketBytes() + " (" + fault + "; is the sender using another framing?)");
        release(slot);
    }

    private void ended(OscTcpServerConnection slot) {
        if (slot.midPacket()) {
            stats.frameReceived();
            fault(OscStreamFault.CUT_OFF, slot.peer(), 0);
        }
        release(slot);
    }

    private void release(OscTcpServerConnection slot) {
        stats.connectionClosed(); // first, like every count: the peer may see the close at once
        try {
            slot.release(); // closing the channel also cancels its selection key
        } catch (IOException e) {
            ioError("closing a connection", e);
        }
    }

    /** Counts a fault; logs it the first time only, building the message only then. */
    private void fault(OscStreamFault fault, SocketAddress peer, long size) {
        stats.fault(fault);
        if (firstFaults.first(fault)) {
            firstFaults.warn("OSC TCP port " + boundPort + ": " + fault + " from " + peer + ": "
                    + describe(fault, size) + "; further " + fault + " are only counted");
        }
    }

    private String describe(OscStreamFault fault, long size) {
        return switch (fault) {
            case OVERSIZE_FRAME -> "a SLIP frame of at least " + size + " bytes, over the "
                    + config.maxPacketBytes() + "-byte limit, was discarded";
            case BAD_ESCAPE -> "a SLIP frame with ESC followed by neither ESC_END nor ESC_ESC"
                    + " was discarded";
            case CUT_OFF -> "the connection ended in the middle of a packet";
            case CONNECTION_REFUSED -> "already " + slots.length + " connections open, the limit";
            default -> fault.name();
        };
    }

    private void ioError(String doing, IOException e) {
        stats.fault(OscStreamFault.IO_ERROR);
        if (firstFaults.first(OscStreamFault.IO_ERROR)) {
            firstFaults.warn("OSC TCP port " + boundPort + ": " + doing + " failed: " + e.getMessage()
                    + "; further I/O errors are only counted");
        }
        // A persistent error (no file descriptors left) must not become a busy loop.
        LockSupport.parkNanos(ERROR_PAUSE_NANOS);
    }

    /** A bug in this server, not in the input: logged once, then the show goes on. */
    private void unexpected(RuntimeException bug) {
        stats.fault(OscStreamFault.UNEXPECTED_ERROR);
        if (firstFaults.first(OscStreamFault.UNEXPECTED_ERROR)) {
            logger.log(Level.ERROR, "OSC TCP port " + boundPort + ": unexpected failure"
                    + "; further failures are only counted", bug);
        }
        LockSupport.parkNanos(ERROR_PAUSE_NANOS); // a repeating bug must not become a busy loop
    }

    private void closeEverything() {
        for (OscTcpServerConnection slot : slots) {
            if (slot.inUse()) {
                release(slot);
            }
        }
        closeQuietly(listener);
        closeQuietly(selector);
    }

    private void joinThread() {
        SensorThreads.joinWithin(thread, JOIN_MILLIS, logger);
    }

    // ---- small helpers ----------------------------------------------------------------------

    /** TCP keep-alive, sooner than Linux's two-hour default where the JDK can set it. */
    private static void keepAlive(SocketChannel accepted) throws IOException {
        accepted.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        setIfSupported(accepted, ExtendedSocketOptions.TCP_KEEPIDLE, KEEPALIVE_IDLE_SECONDS);
        setIfSupported(accepted, ExtendedSocketOptions.TCP_KEEPINTERVAL, KEEPALIVE_INTERVAL_SECONDS);
        setIfSupported(accepted, ExtendedSocketOptions.TCP_KEEPCOUNT, KEEPALIVE_PROBES);
    }

    private static void setIfSupported(SocketChannel channel, SocketOption<Integer> option, int value)
            throws IOException {
        if (channel.supportedOptions().contains(option)) {
            channel.setOption(option, value);
        }
    }

    private static SocketAddress remoteAddressOrNull(SocketChannel channel) {
        try {
            return channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing on the way out; nothing left to do with the error
        }
    }
}
