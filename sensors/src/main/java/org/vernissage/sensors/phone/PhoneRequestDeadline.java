package org.vernissage.sensors.phone;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Gives a new connection {@link PhoneServerSettings#requestTimeout()} from its start to deliver one
 * whole HTTP request (the page, or the WebSocket upgrade; with TLS the handshake is inside that
 * time too). A connection that has not is closed and counted as
 * {@link PhoneDisconnect#REQUEST_TIMEOUT}, however many bytes it trickled in: an idle timeout
 * that each byte resets let clients sending one header byte every 10 s hold every connection slot.
 *
 * <p>Sits after the HTTP aggregator, so the first message it sees is a whole request; then it
 * cancels its timer and leaves the pipeline. One per connection, on the phones' event loop
 * thread; made by the {@link PhoneChannelInitializer}.
 */
final class PhoneRequestDeadline extends ChannelInboundHandlerAdapter {

    private final long timeoutNanos;
    private final PhoneDisconnects disconnects;
    private Future<?> timer;

    PhoneRequestDeadline(long timeoutNanos, PhoneDisconnects disconnects) {
        this.timeoutNanos = timeoutNanos;
        this.disconnects = disconnects;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // An accepted connection is active when its pipeline is built: its time starts now.
        timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        timer.cancel(false);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            ctx.pipeline().remove(this); // in time: the handlers after it take the request
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        timer.cancel(false);
        ctx.fireChannelInactive();
    }

    private void expire(ChannelHandlerContext ctx) {
        if (ctx.channel().isOpen()) {
            disconnects.count(PhoneDisconnect.REQUEST_TIMEOUT);
            ctx.close();
        }
    }
}
