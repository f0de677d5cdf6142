package org.vernissage.showcontrol.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.vernissage.engine.agent.ThreadScheduling;
import org.vernissage.showcontrol.access.AddressAllowlist;
import org.vernissage.showcontrol.access.RefusedPeers;

/**
 * The technicians' web console ({@code --console[=PORT]}, default 8090): a page with the cue list,
 * GO, stop and panic, the playhead and running fades, a live preview, each sensor's activity,
 * frame time, health and recent errors. Served by Netty on its own event loop, apart from the
 * audience's phones server, so a crowd of phones cannot starve the technician's buttons (and the
 * phones' page can never reach a cue). Every call but the page itself needs the {@link ConsoleToken}.
 * The page keeps one WebSocket open ({@code /api/socket}) on which the status and the preview are
 * pushed ({@link ConsolePush}); the same status and preview can be polled over HTTP.
 *
 * <p>Started and closed by the run's wiring thread; its one event-loop thread
 * "vernissage-console" reads the {@link ConsoleView}, which never blocks.
 */
public final class ConsoleServer implements AutoCloseable {

    /** The console's port unless told otherwise. */
    public static final int DEFAULT_PORT = 8090;
    /** The largest request body taken (commands are a few bytes). */
    private static final int MAX_REQUEST_BYTES = 16 * 1024;
    /** A connection that sends nothing for this long is closed. */
    private static final int READ_TIMEOUT_SECONDS = 60;
    /** The largest message taken from a socket (its token). */
    private static final int MAX_SOCKET_MESSAGE_BYTES = 1024;
    /**
     * Bytes queued for one connection past which it is not written to (a few thumbnails: a page
     * that reads slowly loses previews, not the show's memory; see {@link ConsolePush}).
     */
    private static final int PENDING_HIGH_BYTES = 512 * 1024;
    private static final int PENDING_LOW_BYTES = 128 * 1024;

    private final EventLoopGroup group;
    private final Channel listener;
    private final ConsoleHttpHandler.Counters counters;
    private final RefusedPeers notAllowed;
    private final ConsolePush push;

    private ConsoleServer(EventLoopGroup group, Channel listener, ConsoleHttpHandler.Counters counters,
                          RefusedPeers notAllowed, ConsolePush push) {
        this.group = group;
        this.listener = listener;
        this.counters = counters;
        this.notAllowed = notAllowed;
        this.push = push;
    }

    /**
     * What the console's sockets were sent: sockets opened with the token, status and preview
     * messages sent (one per socket each), previews not sent to a socket that was not reading, and
     * sockets closed for not reading.
     */
    public record Pushes(long sockets, long statuses, long previews, long skipped, long stalled) {
    }

    /**
     * Listens on {@code host}:{@code port} (0: any free port).
     *
     * @throws IOException naming the address when it cannot listen there
     */
    public static ConsoleServer start(String host, int port, ConsoleToken token, ConsoleView view) throws IOException {
        return start(host, port, token, view, AddressAllowlist.everyone());
    }

    /**
     * Listens on {@code host}:{@code port} (0: any free port) for connections from {@code allow}
     * only; any other connection is closed as it arrives, counted ({@link #notAllowed()}), the first
     * logged naming its address.
     *
     * @throws IOException naming the address when it cannot listen there
     */
    public static ConsoleServer start(String host, int port, ConsoleToken token, ConsoleView view,
                                      AddressAllowlist allow) throws IOException {
        return start(host, port, token, view, allow, true);
    }

    /**
     * As {@link #start(String, int, ConsoleToken, ConsoleView, AddressAllowlist)}, the console's
     * thread in {@code SCHED_IDLE} when {@code inBackground} (a tablet watching never makes a
     * frame late; on a busy machine its answers wait) or in the normal class.
     *
     * @throws IOException naming the address when it cannot listen there
     */
    public static ConsoleServer start(String host, int port, ConsoleToken token, ConsoleView view,
                                      AddressAllowlist allow, boolean inBackground) throws IOException {
        RefusedPeers notAllowed = new RefusedPeers("console", allow, "--control-allow",
                System.getLogger(ConsoleServer.class.getName()));
        ConsoleAllowFilter filter = allow.restricts() ? new ConsoleAllowFilter(notAllowed) : null;
        // the console looks at the show: its thread runs only on a core the show leaves free
        // (SCHED_IDLE), so serving a tablet never makes a frame late; the price, a slower answer
        // while the show keeps every core busy, is measured in docs/performance.md
        ThreadFactory threads = ThreadScheduling.daemonThreads("vernissage-console", inBackground);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory());
        ConsoleHttpHandler.Counters counters = new ConsoleHttpHandler.Counters();
        ConsolePage page = ConsolePage.load();
        StatusJson status = new StatusJson(view, new ObjectMapper(), System::nanoTime); // all connections', one thread's
        ConsolePush push = new ConsolePush(view, status, group.next());
        WebSocketServerProtocolConfig socket = WebSocketServerProtocolConfig.newBuilder().websocketPath("/api/socket")
                .maxFramePayloadLength(MAX_SOCKET_MESSAGE_BYTES).build();
        try {
            Channel listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(PENDING_LOW_BYTES, PENDING_HIGH_BYTES))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            if (filter != null) {
                                channel.pipeline().addLast(filter);
                            }
                            channel.pipeline().addLast(new ReadTimeoutHandler(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                                    new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES),
                                    new WebSocketServerProtocolHandler(socket),
                                    new ConsoleSocketHandler(token, counters, push),
                                    new ConsoleHttpHandler(token, view, page, counters, status, push));
                        }
                    }).bind(host, port).sync().channel();
            return new ConsoleServer(group, listener, counters, notAllowed, push);
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("console: cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Requests answered, commands run and calls refused for a wrong token. Any thread. */
    public ConsoleHttpHandler.Counters counters() {
        return counters;
    }

    /** What the sockets were sent so far. Any thread. */
    public Pushes pushes() {
        ConsolePush.Counters c = push.counters();
        return new Pushes(c.sockets(), c.statuses(), c.previews(), c.skipped(), c.stalled());
    }

    /** Connections closed because their address is not in the allowlist. Any thread. */
    public long notAllowed() {
        return notAllowed.count();
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        group.next().execute(push::stop);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
