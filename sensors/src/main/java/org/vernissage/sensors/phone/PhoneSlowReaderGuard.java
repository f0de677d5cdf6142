package org.vernissage.sensors.phone;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;

/**
 * Closes a client that does not read what the server sends. Every connection's outbound queue is
 * bounded by Netty's write-buffer water marks ({@link PhoneServerSettings#maxPendingOutboundBytes()},
 * set on each child channel by the {@link PhoneServer}): when the bytes queued for a client pass
 * the high mark, Netty marks the channel unwritable and this handler closes it at once, without a
 * close frame (the client would not read it either) and counts {@link PhoneDisconnect#SLOW_READER}.
 * Without it, a client that sends pings and never reads makes the server queue a pong for each
 * without bound until the heap is gone.
 *
 * <p>First in the pipeline, so it sees every byte written (encoded frames, HTTP responses, TLS
 * records) and records the largest queue any client had in {@link PhoneStats}, which tests read.
 * Stateless and shared by every connection; runs on the phones' event loop thread only. Owned by
 * the {@link PhoneChannelInitializer}. Allocates nothing.
 */
@Sharable
final class PhoneSlowReaderGuard extends ChannelDuplexHandler {

    private final PhoneStats stats;
    private final PhoneDisconnects disconnects;

    PhoneSlowReaderGuard(PhoneStats stats, PhoneDisconnects disconnects) {
        this.stats = stats;
        this.disconnects = disconnects;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg, promise);
        ChannelOutboundBuffer queue = ctx.channel().unsafe().outboundBuffer();
        if (queue != null) { // null once the channel is closed
            stats.notePendingOutbound(queue.totalPendingWriteBytes());
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable() && ctx.channel().isOpen()) {
            disconnects.count(PhoneDisconnect.SLOW_READER);
            ctx.channel().config().setAutoRead(false); // what it still sends would only queue more
            ctx.close();
        }
        ctx.fireChannelWritabilityChanged();
    }
}
