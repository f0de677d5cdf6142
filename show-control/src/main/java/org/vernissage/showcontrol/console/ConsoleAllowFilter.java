package org.vernissage.showcontrol.console;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ipfilter.AbstractRemoteAddressFilter;
import java.net.InetSocketAddress;
import org.vernissage.showcontrol.access.RefusedPeers;

/**
 * Refuses a console connection from an address outside the allowlist as it is registered, before
 * a byte of it is read (Netty's {@link AbstractRemoteAddressFilter} closes it): no page, no token
 * check to probe, no HTTP answer at all.
 *
 * <p>Shared by every connection of one {@link ConsoleServer}; runs on its event loop thread.
 */
@Sharable
final class ConsoleAllowFilter extends AbstractRemoteAddressFilter<InetSocketAddress> {

    private final RefusedPeers refused;

    ConsoleAllowFilter(RefusedPeers refused) {
        this.refused = refused;
    }

    @Override
    protected boolean accept(ChannelHandlerContext context, InetSocketAddress remote) {
        return refused.admits(remote.getAddress(), "a connection");
    }

    @Override
    protected ChannelFuture channelRejected(ChannelHandlerContext context, InetSocketAddress remote) {
        return null; // nothing is said: the filter closes the connection
    }
}
