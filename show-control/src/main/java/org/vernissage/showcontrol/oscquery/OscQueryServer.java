package org.vernissage.showcontrol.oscquery;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.OutboxListener;

/**
 * The OSCQuery server of a run (Vidvox's proposal): HTTP on one port answers the namespace of every
 * parameter and control method ({@link OscQueryHttpHandler}), a WebSocket on the same port takes
 * LISTEN / IGNORE and pushes value changes as binary OSC frames ({@link OscQuerySocketHandler},
 * {@link OscQueryListeners}), and a small mDNS responder announces {@code _oscjson._tcp}
 * ({@link MdnsResponder}). Values set by clients go to the OSC port {@code HOST_INFO} names: the
 * engine's UDP OSC endpoint, where they move the work like any OSC input.
 * Control methods it was told to {@link #follow} are listed as they change (a reloaded cue list),
 * each change told to the WebSocket clients as {@code PATH_REMOVED} / {@code PATH_ADDED}.
 *
 * <p>Current values reach it from the conductor: the {@link ValueReportStage} (given the same
 * {@link ValueDemand}) posts changed slots to the outbox while someone wants them, and the outbox
 * agent hands them to {@link #outboxListener()} (register it for {@code PARAMETER_SET} before the
 * agent starts).
 *
 * <p>Threads: one, "vernissage-oscquery", accepts and serves every connection, runs the mDNS
 * responder and a one-second tick, so the listeners and counters have a single writer. The
 * outbox agent's thread only stores values in the mirror and schedules a push. {@link #start} and
 * {@link #close} are called by the wiring thread, which owns the server.
 */
public final class OscQueryServer implements AutoCloseable {

    /** The server's one thread. */
    public static final String THREAD = "vernissage-oscquery";

    private static final Logger LOG = System.getLogger(OscQueryServer.class.getName());
    private static final int MAX_REQUEST_BYTES = 8 * 1024;
    private static final int MAX_FRAME_BYTES = 8 * 1024;
    private static final int PENDING_LOW_BYTES = 64 * 1024;
    private static final int PENDING_HIGH_BYTES = 256 * 1024;
    /** Consoles and browsers at once; beyond, a connection is closed unanswered (counted). */
    static final int MAX_CONNECTIONS = 64;

    private final OscQuerySettings settings;
    private final ParameterLayout layout;
    private OscQueryNamespace namespace; // replaced on the event loop when the listed methods change
    private OscQueryMethods followed;    // set before start; null: the methods never change
    private long followedGeneration;     // event loop only
    private OscQueryHttpHandler http;
    private final OscQueryHostInfo hostInfo;
    private final ValueDemand demand;
    private final ParameterMirror mirror;
    private final OscQueryStats stats = new OscQueryStats();
    private final OnceLog once = new OnceLog(LOG);
    private volatile OscQueryListeners listeners;
    private EventLoopGroup group;
    private Channel serverChannel;
    private MdnsResponder mdns;
    private Future<?> ticker;
    private int port;
    private int mdnsPort = -1;
    private int connections; // event loop only

    public OscQueryServer(OscQuerySettings settings, OscQueryNamespace namespace, ParameterLayout layout,
                          OscQueryHostInfo hostInfo, ValueDemand demand) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.hostInfo = Objects.requireNonNull(hostInfo, "hostInfo");
        this.demand = Objects.requireNonNull(demand, "demand");
        this.mirror = new ParameterMirror(layout, this::wake);
    }

    /** For the outbox agent: listen with it for {@code PARAMETER_SET} envelopes. */
    public OutboxListener outboxListener() {
        return mirror;
    }

    private void wake() {
        OscQueryListeners started = listeners;
        if (started != null) {
            started.wake();
        }
    }

    /**
     * Lists {@code methods} from now on and follows them as they change (looked at every second):
     * each change is announced to every WebSocket client as {@code PATH_REMOVED} and
     * {@code PATH_ADDED} commands, one per node, and HTTP answers the new namespace. Wiring thread,
     * before {@link #start}.
     */
    public synchronized void follow(OscQueryMethods methods) {
        if (group != null) {
            throw new IllegalStateException("follow the methods before the OSCQuery server starts");
        }
        followed = Objects.requireNonNull(methods, "methods");
        followedGeneration = methods.generation();
        namespace = namespace.withMethods(methods.methods());
    }

    /** Event loop, every second. */
    private void tick() {
        listeners.tick(System.nanoTime());
        if (followed != null && followed.generation() != followedGeneration) {
            followedGeneration = followed.generation();
            relist(followed.methods());
        }
    }

    /** Event loop: the namespace with {@code methods}, and its clients told what changed. */
    private void relist(List<OscQueryMethod> methods) {
        OscQueryNamespace next;
        try {
            next = namespace.withMethods(methods);
        } catch (IllegalArgumentException e) {
            once.warn("relist", "kept the namespace as it was: " + e.getMessage());
            return;
        }
        List<String> before = namespace.paths();
        List<String> after = next.paths();
        namespace = next;
        http.namespace(next);
        Set<String> kept = new HashSet<>(after);
        for (int i = before.size() - 1; i >= 0; i--) { // what a container holds goes before the container
            if (!kept.contains(before.get(i))) {
                listeners.command("PATH_REMOVED", before.get(i));
            }
        }
        Set<String> had = new HashSet<>(before);
        for (String path : after) {
            if (!had.contains(path)) {
                listeners.command("PATH_ADDED", path);
            }
        }
    }

    /**
     * Binds the HTTP/WebSocket port and, unless told not to, the mDNS responder, and starts serving.
     *
     * @throws IOException naming host:port when a port cannot be bound
     */
    public synchronized void start() throws IOException {
        if (group != null) {
            throw new IllegalStateException("OSCQuery server already started");
        }
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(THREAD, true), NioIoHandler.newFactory());
        EventLoop loop = group.next();
        listeners = new OscQueryListeners(layout, namespace, mirror, demand, stats, loop);
        http = new OscQueryHttpHandler(namespace, hostInfo, mirror, demand, listeners, stats, once);
        WebSocketServerProtocolConfig socketConfig = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/").checkStartsWith(true).maxFramePayloadLength(MAX_FRAME_BYTES).build();
        ServerBootstrap bootstrap = new ServerBootstrap().group(group, group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(PENDING_LOW_BYTES, PENDING_HIGH_BYTES))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (connections >= MAX_CONNECTIONS) {
                            stats.connectionsRefused.incrementAndGet();
                            once.warn("too many connections", "closed a connection from " + channel.remoteAddress()
                                    + ": " + MAX_CONNECTIONS + " are open already");
                            channel.close();
                            return;
                        }
                        connections++;
                        channel.closeFuture().addListener(closed -> connections--);
                        ChannelPipeline pipeline = channel.pipeline();
                        pipeline.addLast(new HttpServerCodec());
                        pipeline.addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
                        pipeline.addLast(http);
                        pipeline.addLast(new WebSocketServerProtocolHandler(socketConfig));
                        pipeline.addLast(new OscQuerySocketHandler(listeners, stats, once));
                    }
                });
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(settings.host(), settings.port()))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            close();
            throw new IOException("oscquery: cannot listen on " + settings.host() + ":" + settings.port() + " ("
                    + bound.cause().getMessage() + "); choose another port with --oscquery=PORT", bound.cause());
        }
        serverChannel = bound.channel();
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        ticker = loop.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        if (settings.mdnsPort() != OscQuerySettings.NO_MDNS) {
            startMdns();
        }
        LOG.log(Level.INFO, "oscquery: namespace at http://" + settings.host() + ":" + port + "/ ("
                + layout.parameterCount() + " parameters)"
                + (mdnsPort >= 0 ? "; announced as " + settings.serviceName() + "._oscjson._tcp.local" : ""));
    }

    private void startMdns() throws IOException {
        MdnsRecords records = new MdnsRecords(settings.serviceName(), hostName(), port, announcedAddresses());
        mdns = new MdnsResponder(records, stats);
        try {
            mdnsPort = mdns.start(group, mdnsHost(), settings.mdnsPort());
        } catch (Exception e) {
            // Announcement is a convenience: the namespace is served without it.
            LOG.log(Level.WARNING, "oscquery: no mDNS announcement (" + e.getMessage()
                    + "): clients must be told http://HOST:" + port + "/");
            mdns.close();
            mdns = null;
        }
    }

    /**
     * Loopback for a server bound to loopback (tests), every interface otherwise; IPv4 always, as
     * the responder's socket is (so ::1 becomes 127.0.0.1).
     */
    private String mdnsHost() {
        InetAddress bound = new InetSocketAddress(settings.host(), 0).getAddress();
        if (bound == null || !bound.isLoopbackAddress()) {
            return "0.0.0.0";
        }
        return bound instanceof Inet4Address ? bound.getHostAddress() : "127.0.0.1";
    }

    private List<Inet4Address> announcedAddresses() {
        InetAddress bound = new InetSocketAddress(settings.host(), 0).getAddress();
        if (bound instanceof Inet4Address v4 && !bound.isAnyLocalAddress()) {
            return List.of(v4);
        }
        List<Inet4Address> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        if (address instanceof Inet4Address v4) {
                            addresses.add(v4);
                        }
                    }
                }
            }
        } catch (SocketException e) {
            LOG.log(Level.DEBUG, "oscquery: cannot list network interfaces: " + e.getMessage());
        }
        return addresses;
    }

    /** Without a name lookup: see {@link LocalHostName}. */
    private static String hostName() {
        return LocalHostName.read();
    }

    /** The HTTP/WebSocket port actually bound; 0 before start. */
    public synchronized int port() {
        return port;
    }

    /** The mDNS responder's bound port; -1 when there is none. */
    public synchronized int mdnsPort() {
        return mdnsPort;
    }

    /** The interfaces whose mDNS group the responder joined (none: it answers unicast queries only). */
    public synchronized List<String> mdnsInterfaces() {
        return mdns == null ? List.of() : mdns.joinedInterfaces();
    }

    /** The mDNS socket's multicast TTL as the kernel holds it (255 by RFC 6762 §11); -1 without one. */
    synchronized int mdnsMulticastTtl() {
        return mdns == null ? -1 : mdns.multicastTtl();
    }

    public OscQueryStats stats() {
        return stats;
    }

    /** Stops serving within a few seconds. Safe twice and before start; never from the server's thread. */
    @Override
    public synchronized void close() {
        if (group == null) {
            return;
        }
        if (ticker != null) {
            ticker.cancel(false);
        }
        if (mdns != null) {
            mdns.close();
        }
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(1_000);
        }
        demand.release();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2_000);
        group = null;
        serverChannel = null;
    }
}
