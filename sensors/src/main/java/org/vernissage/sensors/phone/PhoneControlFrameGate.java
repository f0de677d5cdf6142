package org.vernissage.sensors.phone;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.vernissage.engine.clock.Clock;

/**
 * Holds pings and pongs to the limits a phone's messages have. Netty's WebSocket protocol handler
 * (after this one) answers every ping with a pong and would do so for any number of them; here
 * each ping and pong is counted as received and takes a token from its phone's rate limiter
 * ({@link PhoneServerSettings#maxMessagesPerSecond()}, shared with the phone's messages). A
 * control frame that finds the bucket empty closes the connection with 1008 (policy violation)
 * and is counted as {@link PhoneDisconnect#CONTROL_FLOOD}: a page in a browser cannot send pings
 * (the WebSocket API has none), so a flood of them is never a phone, and dropping pings silently
 * would break the protocol (a ping must be answered). Their size is already bounded by Netty's
 * frame decoder: 125 bytes (RFC 6455), and never over {@link PhoneServerSettings#maxMessageBytes()}.
 *
 * <p>Close frames pass: they end the connection anyway (Netty answers the first and ignores the
 * rest). Pings and pongs do not reach the idle timeout, which only messages reset.
 *
 * <p>Sits between the HTTP aggregator (the WebSocket frame decoder after the upgrade) and the
 * WebSocket protocol handler. One per connection, on the phones' event loop thread; made by the
 * {@link PhoneChannelInitializer} with the connection's {@link PhoneSocketHandler}, which holds
 * its participant. Allocates nothing (the close frame, once per connection).
 */
final class PhoneControlFrameGate extends ChannelInboundHandlerAdapter {

    /** The close reason of a control-frame flood. */
    static final String TOO_MANY_CONTROL_FRAMES = "too many pings";

    private final PhoneSocketHandler connection;
    private final PhoneStats stats;
    private final PhoneDisconnects disconnects;
    private final Clock clock;
    private boolean closing;

    PhoneControlFrameGate(PhoneSocketHandler connection, PhoneStats stats, PhoneDisconnects disconnects,
                          Clock clock) {
        this.connection = connection;
        this.stats = stats;
        this.disconnects = disconnects;
        this.clock = clock;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof PingWebSocketFrame || msg instanceof PongWebSocketFrame) {
            WebSocketFrame control = (WebSocketFrame) msg;
            if (admit()) {
                ctx.fireChannelRead(control);
            } else {
                control.release();
                refuse(ctx);
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private boolean admit() {
        PhoneParticipant participant = connection.participant();
        if (participant == null || closing) {
            return false; // a phone refused a place, or one being closed: nothing it sends counts
        }
        long now = clock.nanos();
        stats.countReceived(now);
        return participant.allowMessage(now);
    }

    private void refuse(ChannelHandlerContext ctx) {
        if (closing || connection.participant() == null) {
            return;
        }
        closing = true;
        disconnects.count(PhoneDisconnect.CONTROL_FLOOD);
        ctx.channel().config().setAutoRead(false);
        // Through the whole pipeline, so Netty's protocol handler knows a close frame went out;
        // then closed at once: a flooding client is not waited for.
        ctx.channel().writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION,
                TOO_MANY_CONTROL_FRAMES));
        ctx.channel().close();
    }
}
