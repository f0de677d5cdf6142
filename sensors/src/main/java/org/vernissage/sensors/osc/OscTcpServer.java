package org.vernissage.sensors.osc;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import jdk.net.ExtendedSocketOptions;
import org.agrona.concurrent.Agent;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.clock.Clock;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscRejection;
import org.vernissage.osc.OscStreamDecoder;
import org.vernissage.osc.OscStreamEvent;
import org.vernissage.osc.OscStreamFraming;
import org.vernissage.sensors.SensorStartException;

/**
 * Receives OSC over TCP: listens on one address, accepts up to
 * {@link OscTcpServerConfig#maxConnections()} connections at once, and serves them all from one
 * agent (see {@link SupervisedAgent}) on a thread of its own ("vernissage-osc-tcp-PORT"): each
 * duty cycle handles the connections a non-blocking select finds ready, and between cycles the
 * thread sleeps on that selector. Each connection's stream is cut into packets by
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
 * limit (or negative) closes that connection; a connection ending mid-packet is counted;
 * malformed packets are counted per {@link OscRejection} in the messages' {@link OscStats}. Each
 * kind is logged the first time only (naming the peer), then counted: a thousand bad connections cost one line
 * ({@link OscTcpFaults} counts, words and logs them).
 *
 * <p>No peer holds a slot for ever: a connection that sends nothing for
 * {@link OscTcpServerConfig#idleTimeout()} is closed, and so is one that starts a packet and does
 * not finish it within {@link OscTcpServerConfig#packetTimeout()} (a trickle of bytes does not
 * count as progress). When every slot is taken, a new connection is still accepted: the one that
 * has been quiet the longest is closed for it, so a console connecting mid-show always gets in.
 *
 * <p>Counters: {@link #stats()} counts the stream (whole frames, faults, connections); the
 * {@link OscStats} given to the constructor (the same one the router counts messages into)
 * counts packets, the ones refused per {@link OscRejection}, and their arrival as
 * {@link OscUdpReceiver} does, so a TCP input's messages line reads like a UDP port's and says
 * when it was last heard from. A refused packet is counted on that line alone. A socket or selector failure is the supervision's business:
 * counted per kind, logged once, the listener bound again after repeated failures
 * ({@link #health()}).
 *
 * <p>{@link #start()} and {@link #close()} are called by the app's wiring thread, which owns the
 * server; the handler, the reader and the stats' counters are then used by the server's thread
 * alone. Any thread may read {@link #stats()}.
 */
public final class OscTcpServer implements AutoCloseable {

    private static final Logger LOG = System.getLogger(OscTcpServer.class.getName());
    /** Connections the kernel holds while the thread is busy; more than a show ever opens at once. */
    private static final int BACKLOG = 64;
    /** The longest the thread sleeps between duty cycles: timeouts are checked at least this often. */
    private static final long MAX_IDLE_MILLIS = 1_000;
    /** A peer that vanished without a FIN (a tablet off the Wi-Fi) frees its slot in ~90 s. */
    private static final int KEEPALIVE_IDLE_SECONDS = 60;
    private static final int KEEPALIVE_INTERVAL_SECONDS = 10;
    private static final int KEEPALIVE_PROBES = 3;

    private final OscTcpServerConfig config;
    private final OscMessageHandler handler;
    private final Clock clock;
    private final Logger logger;
    private final OscStreamStats stats;
    private final OscStats messages;
    private final OscPacketReader reader = new OscPacketReader();
    private final OscTcpServerConnection[] slots;
    private final OscTcpFaults faults;
    // One instance for the server's life: select(Consumer) then allocates nothing per wake-up.
    private final Consumer<SelectionKey> onReady = this::ready;

    private final long idleTimeoutNanos;
    private final long packetTimeoutNanos;
    private final long sweepEveryNanos;

    private Selector selector;                 // the agent thread's; set before it runs
    private volatile ServerSocketChannel listener; // the agent's thread replaces it on a restart
    private AgentThread thread;
    private SupervisedAgent agent;
    private volatile int boundPort;
    private boolean closed;
    private long nextSweepNanos;               // agent thread only

    /**
     * A server whose packets are counted in {@code messages} too: pass the {@link OscStats} the
     * handler (an {@link OscBindingRouter}) counts into, so that it says when the input was last
     * heard from and how many packets it refused, as for UDP.
     */
    public OscTcpServer(OscTcpServerConfig config, OscMessageHandler handler, Clock clock, OscStats messages) {
        this(config, handler, clock, messages, LOG);
    }

    /**
     * A server counting packets in an {@link OscStats} of its own ({@link #messageStats()}).
     * Prefer the constructor taking the router's stats.
     */
    public OscTcpServer(OscTcpServerConfig config, OscMessageHandler handler, Clock clock) {
        this(config, handler, clock, LOG);
    }

    /** For tests: a logger makes the log lines visible. */
    OscTcpServer(OscTcpServerConfig config, OscMessageHandler handler, Clock clock, Logger logger) {
        this(config, handler, clock, new OscStats("OSC tcp " + config.host() + ":" + config.port() + " messages"),
                logger);
    }

    /** For tests: a logger makes the log lines visible. */
    OscTcpServer(OscTcpServerConfig config, OscMessageHandler handler, Clock clock, OscStats messages,
                 Logger logger) {
        this.config = Objects.requireNonNull(config, "config");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.idleTimeoutNanos = config.idleTimeout().toNanos();
        this.packetTimeoutNanos = config.packetTimeout().toNanos();
        this.sweepEveryNanos = Math.max(1_000_000, Math.min(idleTimeoutNanos, packetTimeoutNanos) / 4);
        this.handler = Objects.requireNonNull(handler, "handler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.stats = new OscStreamStats("tcp", config.host(), config.port());
        this.faults = new OscTcpFaults(config, stats, messages, logger);
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
        listener = listen(address);
        stats.boundTo(boundPort);
        faults.port(boundPort);
        agent = new SupervisedAgent(new Serving(), logger);
        long idleMillis = Math.min(MAX_IDLE_MILLIS, Math.max(1, sweepEveryNanos / 1_000_000));
        thread = AgentThread.selecting("vernissage-osc-tcp-" + boundPort, Duration.ofMillis(idleMillis));
        selector = thread.selector();
        thread.add(agent);
    }

    /** The port actually bound (the chosen one when asked for port 0); 0 before start. */
    public synchronized int port() {
        return boundPort;
    }

    /** This server's counters; any thread may read them. */
    public OscStreamStats stats() {
        return stats;
    }

    /** The packet and message counters (the ones given to the constructor, or its own). */
    public OscStats messageStats() {
        return messages;
    }

    /** The agent's errors, restarts and state, for a statistics line; null before start. */
    public synchronized AgentHealth health() {
        return agent;
    }

    /** For tests: closes the listening socket under the agent, as a failing network stack would. */
    void breakListener() throws IOException {
        listener.close();
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
        if (thread != null) {
            thread.close(); // the agent closes every connection and the listener as it ends
        }
        closeQuietly(listener);
    }

    // ---- start-up ---------------------------------------------------------------------------

    private ServerSocketChannel listen(InetSocketAddress address) throws SensorStartException {
        ServerSocketChannel opened = null;
        try {
            opened = ServerSocketChannel.open();
            opened.bind(address, BACKLOG);
            opened.configureBlocking(false);
            boundPort = ((InetSocketAddress) opened.getLocalAddress()).getPort();
            return opened;
        } catch (IOException e) {
            closeQuietly(opened);
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

    // ---- the agent: its thread only -----------------------------------------------------------

    /** The serving role: accepts, reads, times out idle and half-sent connections. */
    private final class Serving implements Agent {

        @Override
        public void onStart() {
            try {
                ServerSocketChannel current = listener;
                if (current == null || !current.isOpen()) {
                    current = listen(new InetSocketAddress(config.host(), boundPort)); // a restart
                    listener = current;
                }
                current.register(selector, SelectionKey.OP_ACCEPT);
            } catch (IOException | SensorStartException e) {
                throw new IllegalStateException("OSC TCP port " + boundPort + " cannot listen again: " + e, e);
            }
            nextSweepNanos = System.nanoTime() + sweepEveryNanos;
        }

        @Override
        public int doWork() throws IOException {
            if (!listener.isOpen()) {
                throw new ClosedChannelException(); // nothing can connect: the supervision reopens it
            }
            int work = selector.selectNow(onReady);
            long now = System.nanoTime();
            if (now - nextSweepNanos >= 0) {
                nextSweepNanos = now + sweepEveryNanos;
                work += closeTimedOut(now);
            }
            return work;
        }

        @Override
        public void onClose() {
            closeEverything();
        }

        @Override
        public String roleName() {
            return "osc-tcp-" + boundPort;
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
            faults.ioError("accepting a connection", e); // e.g. out of file descriptors
            return;
        }
        if (accepted == null) {
            return;
        }
        OscTcpServerConnection slot = freeSlot();
        if (slot == null) {
            slot = evictQuietest(remoteAddressOrNull(accepted));
        }
        try {
            SocketAddress peer = accepted.getRemoteAddress();
            accepted.configureBlocking(false);
            keepAlive(accepted);
            accepted.register(selector, SelectionKey.OP_READ, slot);
            slot.open(accepted, peer, System.nanoTime());
            stats.connectionOpened();
        } catch (IOException e) {
            closeQuietly(accepted);
            faults.ioError("setting up a connection", e);
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

    /** Every slot is taken: the connection quiet the longest makes room for {@code newcomer}. */
    private OscTcpServerConnection evictQuietest(SocketAddress newcomer) {
        OscTcpServerConnection quietest = slots[0];
        for (OscTcpServerConnection slot : slots) {
            if (slot.lastHeardNanos() - quietest.lastHeardNanos() < 0) {
                quietest = slot;
            }
        }
        long quietMillis = (System.nanoTime() - quietest.lastHeardNanos()) / 1_000_000;
        faults.evicted(OscStreamFault.EVICTED, quietest.peer(), quietMillis, newcomer);
        release(quietest);
        return quietest;
    }

    /** Closes connections past their idle or packet timeout; returns how many. */
    private int closeTimedOut(long now) {
        int closedNow = 0;
        for (OscTcpServerConnection slot : slots) {
            if (!slot.inUse()) {
                continue;
            }
            if (slot.packetOpenSince(now, packetTimeoutNanos)) {
                faults.fault(OscStreamFault.INCOMPLETE_TIMEOUT, slot.peer(), 0);
            } else if (now - slot.lastHeardNanos() >= idleTimeoutNanos) {
                faults.fault(OscStreamFault.IDLE_TIMEOUT, slot.peer(), 0);
            } else {
                continue;
            }
            release(slot);
            closedNow++;
        }
        return closedNow;
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
        boolean completedOne = decodeAll(slot, input, arrivalNanos);
        if (slot.inUse()) {
            slot.heard(System.nanoTime(), completedOne);
        }
    }

    /** Decodes what one read brought; true when it completed at least one frame. */
    private boolean decodeAll(OscTcpServerConnection slot, ByteBuffer input, long arrivalNanos) {
        if (!slot.framed()) {
            stats.framingChosen(slot.chooseFraming(input.get(0)));
        }
        OscStreamDecoder decoder = slot.decoder();
        boolean completedOne = false;
        while (true) {
            OscStreamEvent event = decoder.decode(input);
            if (event == OscStreamEvent.NEED_MORE) {
                return completedOne;
            }
            completedOne = true;
            switch (event) {
                case PACKET -> deliver(slot, decoder, arrivalNanos);
                case OVERSIZE_DISCARDED -> faults.fault(OscStreamFault.OVERSIZE_FRAME, slot.peer(),
                        decoder.faultSize());
                case BAD_ESCAPE_DISCARDED -> faults.fault(OscStreamFault.BAD_ESCAPE, slot.peer(), 0);
                default -> {
                    closeForBadLength(slot, event, decoder.faultSize());
                    return true;
                }
            }
        }
    }

    private void deliver(OscTcpServerConnection slot, OscStreamDecoder decoder, long arrivalNanos) {
        messages.packetReceived(arrivalNanos);
        stats.frameReceived(); // whole: what it holds is the messages' line's to count
        try {
            if (!reader.read(decoder.packet(), 0, decoder.packetLength(), arrivalNanos, handler)) {
                faults.rejected(reader.rejection(), reader.rejectionOffset(), slot.peer());
            }
        } catch (RuntimeException bug) {
            // The reader cannot throw on input; a handler bug must still not end the show.
            faults.handlerFailed(slot.peer(), bug);
        }
    }

    /** A length prefix we cannot honour: nothing says where the next packet starts. */
    private void closeForBadLength(OscTcpServerConnection slot, OscStreamEvent event, long size) {
        OscStreamFault fault = event == OscStreamEvent.LENGTH_NEGATIVE
                ? OscStreamFault.LENGTH_NEGATIVE : OscStreamFault.LENGTH_TOO_LARGE;
        // Logged once per kind like every fault: a thousand bad connections must not flood the log.
        faults.fault(fault, slot.peer(), size);
        release(slot);
    }

    private void ended(OscTcpServerConnection slot) {
        if (slot.midPacket()) {
            faults.fault(OscStreamFault.CUT_OFF, slot.peer(), 0);
        }
        release(slot);
    }

    private void release(OscTcpServerConnection slot) {
        stats.connectionClosed(); // first, like every count: the peer may see the close at once
        try {
            slot.release(); // closing the channel also cancels its selection key
        } catch (IOException e) {
            faults.ioError("closing a connection", e);
        }
    }

    private void closeEverything() {
        for (OscTcpServerConnection slot : slots) {
            if (slot.inUse()) {
                release(slot);
            }
        }
        closeQuietly(listener);
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
