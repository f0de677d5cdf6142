package org.vernissage.showcontrol.console;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.ReadTimeoutHandler;

/**
 * One console page's socket ({@code GET /api/socket}, a WebSocket): a browser cannot put the token
 * in the upgrade's headers, so its first message must be the token, as text. The right one makes
 * the socket a {@link ConsolePush} subscriber (status and preview from then on; nothing is read
 * from it after, so the read timeout that closes idle HTTP connections is taken off); a wrong one,
 * or a first message that is not text, is counted with the HTTP calls refused and the socket
 * closed with code {@value #REFUSED} ("token needed"), which tells the page to ask for the token
 * again. Anything sent after the token is ignored: commands stay POSTs, each with its token.
 *
 * <p>One per connection, on the console's event-loop thread; HTTP requests pass through it to
 * the {@link ConsoleHttpHandler}.
 */
final class ConsoleSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    /** The close code for a wrong token (4000-4999: the application's own). */
    static final int REFUSED = 4401;

    private final ConsoleToken token;
    private final ConsoleHttpHandler.Counters counters;
    private final ConsolePush push;
    private boolean joined;

    ConsoleSocketHandler(ConsoleToken token, ConsoleHttpHandler.Counters counters, ConsolePush push) {
        this.token = token;
        this.counters = counters;
        this.push = push;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
        if (joined) {
            return;
        }
        if (frame instanceof TextWebSocketFrame text && token.matches(text.text())) {
            joined = true;
            if (context.pipeline().get(ReadTimeoutHandler.class) != null) {
                context.pipeline().remove(ReadTimeoutHandler.class); // it only listens from now on
            }
            push.join(context.channel());
            return;
        }
        counters.refuse(context.channel().remoteAddress());
        context.writeAndFlush(new CloseWebSocketFrame(REFUSED, "token needed"))
                .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // a peer that vanished or timed out: nothing for the show to know
        context.close();
    }
}
