package org.vernissage.sensors.phone;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.Future;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.SourceCounters;

/**
 * The audience phones' server: visitors open {@code http://HOST:PORT/} on their phone (the gallery
 * LAN, no internet), get a self-contained page, and their fingers, the way they hold their phone
 * and how they shake it reach the artwork over a WebSocket at {@code /ws}. Browsers give a page
 * tilt and shake only over a secure origin: with {@link PhoneServerSettings#tls()} the same server
 * speaks HTTPS and secure WebSocket; without it the phones send touches only.
 *
 * <p>What the engine gets, through its {@link InputSink}: each finger as a {@code PHONE} touch
 * point (see {@link PhoneTouchPublisher} for the session-id scheme and the keep-alive refresh),
 * and for every binding whose {@code from()} is a {@code PhoneSelector} the aggregate over the
 * connected phones as a raw channel value (see {@link PhoneChannelPublisher}). Nothing else: the
 * server answers {@code GET /} and the {@code /ws} upgrade and 404s every other path; it has no
 * show control and serves no file but the page.
 *
 * <p>Participants are anonymous (a counter); nothing about them is stored or logged, only counted
 * in {@link #stats()}. Limits ({@link PhoneServerSettings}): participants (beyond: told "full",
 * closed, counted), connections, frame size (Netty's decoder refuses a bigger frame from its
 * header and closes that connection with 1009; counted), messages per second per phone (token
 * bucket; excess dropped and counted, the connection stays), malformed messages (refused, counted,
 * each kind logged once). Against clients that hold resources without playing (each closed,
 * counted per {@link PhoneDisconnect} reason, logged once per kind): pings and pongs take from the
 * same rate (a flood closes), the bytes queued for a client that does not read are bounded, a
 * request must be whole within a deadline from the connection's start, and one address holds at
 * most a few places and connections.
 *
 * <p>Threads: one acceptor ("vernissage-phones-accept") and one event loop ("vernissage-phones")
 * for every connection and the periodic tick, so every participant's state and the counters have
 * a single writer. {@link #start()} and {@link #close()} are called by the app's wiring thread,
 * which owns the server; start it after the input ring and close it before the ring (closing lifts
 * every finger through the sink). Allocation per message: Netty's frame object (pooled payload);
 * decoding and publishing allocate nothing.
 */
public final class PhoneServer implements AutoCloseable {

    /** The one event loop every phone connection runs on. */
    public static final String EVENT_LOOP_THREAD = "vernissage-phones";
    /** The thread that accepts connections. */
    public static final String ACCEPT_THREAD = "vernissage-phones-accept";

    private static final Logger LOG = System.getLogger(PhoneServer.class.getName());
    private static final int ACCEPT_BACKLOG = 128;
    /** How long close() waits for each step; the whole close stays within a few seconds. */
    private static final long CLOSE_STEP_MILLIS = 1_000;
    /** Room for the page's response headers (and TLS record overhead) under the outbound limit. */
    private static final int PAGE_HEADROOM_BYTES = 2_048;

    private final PhoneServerSettings settings;
    private final Clock clock;
    private final PhoneStats stats;
    private final PhoneInputRouter router;
    private final PhonePageHandler pageHandler;
    private final PhoneDisconnects disconnects;

    private EventLoopGroup acceptGroup;
    private EventLoopGroup eventLoopGroup;
    private ChannelGroup participantChannels;
    private Channel serverChannel;
    private Future<?> ticker;
    private int boundPort;

    /**
     * @param bindings the artwork's whole binding list (a binding's index is its channel); only
     *     those from a {@code PhoneSelector} are used
     * @param sink the engine's input ring (or a test double)
     * @param clock the engine clock every arrival is stamped with
     */
    public PhoneServer(PhoneServerSettings settings, List<BindingSpec> bindings, InputSink sink, Clock clock) {
        this(settings, bindings, sink, clock, PhoneAbout.PLAIN, LOG);
    }

    /** The same, with what the page's "About this work" panel says ({@code GET /about.json}). */
    public PhoneServer(PhoneServerSettings settings, List<BindingSpec> bindings, InputSink sink, Clock clock,
                       PhoneAbout about) {
        this(settings, bindings, sink, clock, about, LOG);
    }

    /** For tests: a logger makes the once-per-kind warnings visible. */
    PhoneServer(PhoneServerSettings settings, List<BindingSpec> bindings, InputSink sink, Clock clock,
                Logger logger) {
        this(settings, bindings, sink, clock, PhoneAbout.PLAIN, logger);
    }

    private PhoneServer(PhoneServerSettings settings, List<BindingSpec> bindings, InputSink sink, Clock clock,
                        PhoneAbout about, Logger logger) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(bindings, "bindings");
        Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stats = new PhoneStats(sourceName(settings.port()));
        this.router = new PhoneInputRouter(settings, List.copyOf(bindings), sink, stats, logger);
        PhonePage page = PhonePage.load();
        if (page.bytes().length + PAGE_HEADROOM_BYTES > settings.maxPendingOutboundBytes()) {
            // The page is written in one go: over the high water mark it would close its own connection.
            throw new IllegalArgumentException("max pending outbound bytes (" + settings.maxPendingOutboundBytes()
                    + ") must exceed the page (" + page.bytes().length + " bytes) and its headers");
        }
        this.pageHandler = new PhonePageHandler(page, Objects.requireNonNull(about, "about"), stats);
        this.disconnects = new PhoneDisconnects(settings, stats, logger);
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws SensorStartException naming host:port when the host is unknown or the port cannot be
     *     bound (in use, not an address of this machine, not permitted)
     */
    public synchronized void start() throws SensorStartException {
        if (serverChannel != null || acceptGroup != null) {
            throw new IllegalStateException("phones server already started");
        }
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        if (address.isUnresolved()) {
            throw new SensorStartException("phones: host '" + settings.host() + "' (" + where()
                    + ") cannot be resolved; use an IP address of this machine or 0.0.0.0", null);
        }
        acceptGroup = new MultiThreadIoEventLoopGroup(1, new PhoneThreadFactory(ACCEPT_THREAD), NioIoHandler.newFactory());
        eventLoopGroup = new MultiThreadIoEventLoopGroup(1, new PhoneThreadFactory(EVENT_LOOP_THREAD),
                NioIoHandler.newFactory());
        EventLoop loop = eventLoopGroup.next();
        participantChannels = new DefaultChannelGroup("phones", loop);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptGroup, eventLoopGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                .childOption(ChannelOption.TCP_NODELAY, true) // tiny frames: send now, never batch
                // What is queued for one client is bounded: past the high mark it is unwritable and
                // PhoneSlowReaderGuard closes it (a client that sends pings and never reads).
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                        settings.maxPendingOutboundBytes() / 2, settings.maxPendingOutboundBytes()))
                // The kernel's queue too: autotuned, it grows to megabytes (tcp_wmem) for a client
                // that does not read, and the queue above would take that long to fill. The server
                // sends a phone the page and a few short frames: this is ample.
                .childOption(ChannelOption.SO_SNDBUF, settings.maxPendingOutboundBytes())
                .childHandler(new PhoneChannelInitializer(settings, pageHandler, router, clock, participantChannels,
                        stats, disconnects));
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdownGroups();
            throw startFailure(bound.cause());
        }
        serverChannel = bound.channel();
        boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        stats.rename(sourceName(boundPort));
        ticker = loop.scheduleAtFixedRate(this::tick, PhoneInputRouter.TICK_MILLIS, PhoneInputRouter.TICK_MILLIS,
                TimeUnit.MILLISECONDS);
        LOG.log(Level.INFO, "phones: serving the audience page at " + String.join(", ", pageUrls())
                + " (up to " + settings.maxParticipants() + " phones, " + settings.maxParticipantsPerAddress()
                + " per address"
                + (settings.tls() == null ? "; plain http: phones send touches only, no tilt or shake)" : ")"));
    }

    /** On the event loop: a bug in one tick must not cancel every later one (Netty would). */
    private void tick() {
        try {
            router.tick(clock.nanos());
        } catch (RuntimeException bug) {
            router.onHandlerFailure(bug);
        }
    }

    /**
     * The addresses visitors can open, e.g. {@code http://192.168.1.20:8080/}: the bound host, or
     * when bound to every interface, each IPv4 address of each interface that is up and not
     * loopback (loopback when there is none). For the console and a QR code; empty before start.
     */
    public synchronized List<String> pageUrls() {
        if (boundPort == 0) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        for (String host : visitorHosts()) {
            urls.add(settings.scheme() + "://" + host + ":" + boundPort + PhonePage.PAGE_PATH);
        }
        return urls;
    }

    private List<String> visitorHosts() {
        InetAddress bound = new InetSocketAddress(settings.host(), 0).getAddress();
        if (bound == null || !bound.isAnyLocalAddress()) {
            return List.of(settings.host());
        }
        List<String> hosts = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        if (address instanceof Inet4Address) {
                            hosts.add(address.getHostAddress());
                        }
                    }
                }
            }
        } catch (SocketException e) {
            LOG.log(Level.DEBUG, "phones: cannot list network interfaces: " + e.getMessage());
        }
        return hosts.isEmpty() ? List.of("127.0.0.1") : hosts;
    }

    /** The port actually bound (the chosen one when asked for port 0); 0 before start. */
    public synchronized int port() {
        return boundPort;
    }

    /** The server's counters, named "phones http HOST:PORT" (https with TLS); any thread reads them. */
    public PhoneStats stats() {
        return stats;
    }

    /** The same counters, as every source exposes them. */
    public SourceCounters counters() {
        return stats;
    }

    /**
     * Stops serving within a few seconds: the port is released first, every phone is told the
     * server is going away (close 1001) and disconnected, which lifts its fingers and updates the
     * aggregates through the sink, then both threads end. Safe to call twice or before start;
     * never from the phones' event loop itself (it waits for that thread).
     */
    @Override
    public synchronized void close() {
        if (acceptGroup == null) {
            return;
        }
        if (ticker != null) {
            ticker.cancel(false);
        }
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(CLOSE_STEP_MILLIS);
            participantChannels.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE,
                    "server closing")).awaitUninterruptibly(CLOSE_STEP_MILLIS);
            participantChannels.close().awaitUninterruptibly(CLOSE_STEP_MILLIS);
        }
        shutdownGroups();
        serverChannel = null;
        ticker = null;
    }

    private void shutdownGroups() {
        Future<?> accept = acceptGroup.shutdownGracefully(0, CLOSE_STEP_MILLIS, TimeUnit.MILLISECONDS);
        Future<?> loop = eventLoopGroup.shutdownGracefully(0, CLOSE_STEP_MILLIS, TimeUnit.MILLISECONDS);
        if (!accept.awaitUninterruptibly(2 * CLOSE_STEP_MILLIS) | !loop.awaitUninterruptibly(2 * CLOSE_STEP_MILLIS)) {
            LOG.log(Level.WARNING, "phones: threads did not stop within " + 2 * CLOSE_STEP_MILLIS + " ms");
        }
        acceptGroup = null;
        eventLoopGroup = null;
    }

    private SensorStartException startFailure(Throwable cause) {
        String detail = String.valueOf(cause == null ? null : cause.getMessage());
        if (cause instanceof BindException && detail.contains("in use")) {
            return new SensorStartException("phones: " + where() + " is already in use; choose another port"
                    + " with --phones PORT", cause);
        }
        return new SensorStartException("phones: cannot listen on " + where() + " (" + detail
                + "); check --sensor-host and --phones", cause);
    }

    private String where() {
        return settings.host() + ":" + settings.port();
    }

    private String sourceName(int port) {
        return "phones " + settings.scheme() + " " + settings.host() + ":" + port;
    }
}
