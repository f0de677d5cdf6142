package org.vernissage.sensors.phone;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import org.vernissage.engine.clock.Clock;

/**
 * Builds each accepted connection's pipeline, or closes the connection unanswered when
 * {@link PhoneServerSettings#maxConnections()} are already open, or its address already has its
 * share of them ({@link PhoneAddressQuota}):
 * <pre>
 *   slow-reader guard (closes a client whose outbound queue passes the high water mark)
 *   -> (TLS, when configured) -> HTTP codec -> HTTP aggregator (bodies up to 1 KiB)
 *   -> request deadline (a whole request within requestTimeout of the start, then it leaves)
 *   -> control-frame gate (pings and pongs take from the phone's rate; a flood closes)
 *   -> WebSocket protocol (upgrade on /ws only, frames up to maxMessageBytes, pings answered,
 *      closes handled) -> idle timeout (only requests and messages reset it)
 *   -> page handler (GET / or 404) -> socket handler (one phone)
 * </pre>
 * After the upgrade Netty swaps the HTTP codec for its WebSocket frame codec. The idle timeout
 * sits after the protocol handler on purpose: pings, pongs and bytes that never make a message
 * do not reach it, so they cannot keep a connection alive.
 *
 * <p>Shared by every connection; runs on the phones' event loop thread, which alone counts open
 * connections. Owned by the {@link PhoneServer}.
 */
final class PhoneChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** A GET has no body; anything bigger than this is not for us (Netty answers 413). */
    private static final int MAX_HTTP_BODY_BYTES = 1024;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final PhoneServerSettings settings;
    private final PhonePageHandler pageHandler;
    private final PhoneInputRouter router;
    private final Clock clock;
    private final ChannelGroup participantChannels;
    private final PhoneStats stats;
    private final PhoneAddressQuota addresses;
    private final PhoneDisconnects disconnects;
    private final PhoneSlowReaderGuard slowReaderGuard;
    private final WebSocketServerProtocolConfig socketConfig;
    private int open; // event loop only

    PhoneChannelInitializer(PhoneServerSettings settings, PhonePageHandler pageHandler, PhoneInputRouter router,
                            Clock clock, ChannelGroup participantChannels, PhoneStats stats,
                            PhoneDisconnects disconnects) {
        this.settings = settings;
        this.pageHandler = pageHandler;
        this.router = router;
        this.clock = clock;
        this.participantChannels = participantChannels;
        this.stats = stats;
        this.addresses = new PhoneAddressQuota(settings);
        this.disconnects = disconnects;
        this.slowReaderGuard = new PhoneSlowReaderGuard(stats, disconnects);
        this.socketConfig = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(PhonePage.SOCKET_PATH)
                .checkStartsWith(false)
                .handleCloseFrames(true)
                .dropPongFrames(true)
                // Netty would add a close frame of its own (1000) to every close that passes it,
                // after the one the server already sent (1009 from its decoder, 1013 "full"...):
                // every close here sends its own frame, so Netty adds none.
                .sendCloseFrame(null)
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .maxFramePayloadLength(settings.maxMessageBytes())
                .allowExtensions(false) // no compression: frames are ~30 bytes
                .closeOnProtocolViolation(true)
                .build();
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (open >= settings.maxConnections()) {
            stats.countConnectionRefused();
            channel.close();
            return;
        }
        SocketAddress remote = channel.remoteAddress();
        if (!addresses.openConnection(remote)) {
            disconnects.count(PhoneDisconnect.ADDRESS_CONNECTIONS);
            channel.close();
            return;
        }
        open++;
        stats.countConnectionOpened();
        channel.closeFuture().addListener(closed -> {
            open--;
            addresses.closeConnection(remote);
            stats.countConnectionClosed();
        });
        PhoneSocketHandler socket = new PhoneSocketHandler(router, clock, participantChannels, addresses, disconnects);
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(slowReaderGuard);
        if (settings.tls() != null) {
            SSLEngine engine = settings.tls().createSSLEngine();
            engine.setUseClientMode(false);
            pipeline.addLast(new SslHandler(engine));
        }
        pipeline.addLast(new HttpServerCodec());
        pipeline.addLast(new HttpObjectAggregator(MAX_HTTP_BODY_BYTES));
        pipeline.addLast(new PhoneRequestDeadline(settings.requestTimeout().toNanos(), disconnects));
        pipeline.addLast(new PhoneControlFrameGate(socket, stats, disconnects, clock));
        pipeline.addLast(new WebSocketServerProtocolHandler(socketConfig));
        pipeline.addLast(new IdleStateHandler(settings.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast(pageHandler);
        pipeline.addLast(socket);
    }
}
