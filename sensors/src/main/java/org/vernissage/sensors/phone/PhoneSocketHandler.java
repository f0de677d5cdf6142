package org.vernissage.sensors.phone;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.SocketAddress;
import javax.net.ssl.SSLException;
import org.vernissage.engine.clock.Clock;

/**
 * One phone's connection, from its WebSocket handshake to its close: joins it to the audience (or
 * tells it the room is full), hands each binary frame's bytes to the {@link PhoneInputRouter} in
 * place and releases the frame, and makes the phone leave when the connection ends for any reason.
 *
 * <p>What the phone is told, as text frames and close statuses its page understands:
 * <ul>
 *   <li>{@value #JOINED} (a text frame) once it is a participant;</li>
 *   <li>close {@code 1013} (try again later) with reason {@value #FULL} when the room is full, or
 *       when its address already holds {@link PhoneServerSettings#maxParticipantsPerAddress()}
 *       places (counted as {@link PhoneDisconnect#ADDRESS_PLACES});</li>
 *   <li>close {@code 1009} (message too big) when it sent a frame over the size limit (by Netty);</li>
 *   <li>close {@code 1000} with reason {@value #IDLE} after {@link PhoneServerSettings#idleTimeout()}
 *       without a message (pings do not count; counted as {@link PhoneDisconnect#IDLE}), and
 *       {@code 1001} (going away) when the server closes;</li>
 *   <li>close {@code 1008} (policy violation) after a flood of pings (see
 *       {@link PhoneControlFrameGate}), {@code 1011} when the server failed (a bug).</li>
 * </ul>
 * Each close sends one close frame: Netty's protocol handler is configured to add none of its own.
 *
 * <p>One instance per connection, called only on the phones' event loop thread. Allocation:
 * Netty makes a frame object per message (its payload buffer is pooled) and this handler none.
 */
final class PhoneSocketHandler extends ChannelInboundHandlerAdapter {

    /** Sent as a text frame when the phone became a participant. */
    static final String JOINED = "joined";
    /** The close reason when the room is full. */
    static final String FULL = "full";
    /** The close reason after a long silence. */
    static final String IDLE = "idle";

    private final PhoneInputRouter router;
    private final Clock clock;
    private final ChannelGroup participantChannels;
    private final PhoneAddressQuota addresses;
    private final PhoneDisconnects disconnects;
    private SocketAddress placeHolder; // the address whose place this phone took, until it leaves
    private boolean upgraded;
    private boolean tlsFailed;
    private PhoneParticipant participant;
    private boolean fragmentedMessage;

    PhoneSocketHandler(PhoneInputRouter router, Clock clock, ChannelGroup participantChannels,
                       PhoneAddressQuota addresses, PhoneDisconnects disconnects) {
        this.router = router;
        this.clock = clock;
        this.participantChannels = participantChannels;
        this.addresses = addresses;
        this.disconnects = disconnects;
    }

    /** The phone on this connection, or null before its handshake, when refused, and after it left. */
    PhoneParticipant participant() {
        return participant;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            handshakeComplete(ctx);
        } else if (event instanceof IdleStateEvent) {
            if (upgraded) {
                disconnects.count(PhoneDisconnect.IDLE);
                closeSocket(ctx, WebSocketCloseStatus.NORMAL_CLOSURE, IDLE);
            } else {
                ctx.close(); // a page load whose answer never left (its request had its own deadline)
            }
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    private void handshakeComplete(ChannelHandlerContext ctx) {
        upgraded = true;
        SocketAddress remote = ctx.channel().remoteAddress();
        if (!addresses.takePlace(remote)) {
            disconnects.count(PhoneDisconnect.ADDRESS_PLACES);
            refuse(ctx);
            return;
        }
        participant = router.join(clock.nanos());
        if (participant == null) {
            addresses.releasePlace(remote);
            refuse(ctx);
            return;
        }
        placeHolder = remote;
        participantChannels.add(ctx.channel());
        ctx.writeAndFlush(new TextWebSocketFrame(JOINED));
    }

    private static void refuse(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(false); // nothing it sends matters any more
        closeSocket(ctx, WebSocketCloseStatus.TRY_AGAIN_LATER, FULL);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (participant != null) {
                onFrame(frame);
            }
        } finally {
            frame.release();
        }
    }

    private void onFrame(WebSocketFrame frame) {
        long now = clock.nanos();
        if (frame instanceof BinaryWebSocketFrame && frame.isFinalFragment()) {
            router.onBinary(participant, frame.content(), now);
        } else if (frame instanceof TextWebSocketFrame && frame.isFinalFragment()) {
            router.onUnexpected(PhoneRejection.TEXT_FRAME, now);
        } else {
            // The start of a fragmented message is refused, and so is every continuation of it.
            if (!fragmentedMessage) {
                router.onUnexpected(PhoneRejection.FRAGMENTED, now);
            }
            fragmentedMessage = !frame.isFinalFragment();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (participant != null) {
            router.leave(participant, clock.nanos());
            participant = null;
            addresses.releasePlace(placeHolder);
            placeHolder = null;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            // Netty's frame decoder already answered with a close frame and is closing.
            WebSocketCloseStatus status = corrupted.closeStatus();
            if (status != null && status.code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
                router.onOversize(clock.nanos());
            } else {
                router.onUnexpected(PhoneRejection.BAD_WEBSOCKET, clock.nanos());
            }
        } else if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
            // Netty's TLS handler wraps what it cannot decrypt in a DecoderException, and may report
            // the same broken connection again as it closes: one connection, one count.
            if (!tlsFailed) {
                tlsFailed = true;
                router.onTlsFailure();
            }
        } else if (!(cause instanceof IOException)) {
            // A reset or a dropped Wi-Fi link is everyday for phones (IOException): not worth a line.
            router.onHandlerFailure(cause);
            if (upgraded && ctx.channel().isActive()) {
                closeSocket(ctx, WebSocketCloseStatus.INTERNAL_SERVER_ERROR, "");
                return;
            }
        }
        ctx.close(); // Netty's decoder sent the close frame for broken framing; a dead link gets none
    }

    private static void closeSocket(ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason) {
        ctx.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(ChannelFutureListener.CLOSE);
    }
}
