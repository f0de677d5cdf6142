package org.vernissage.showcontrol.oscquery;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A small mDNS responder for one service, {@code <name>._oscjson._tcp.local}, so that OSCQuery
 * browsers find the server (RFC 6762/6763). Why not JmDNS: it is not among the packages this
 * project's build can fetch, and a responder that answers one PTR/SRV/TXT/A set is a hundred lines
 * on the Netty the server already runs (no thread of its own: it shares the server's event loop).
 *
 * <p>Bound to a loopback address it only answers unicast queries (it joins no group and announces
 * nothing: a server kept on this machine, and the tests, stay off the network). Otherwise it binds the mDNS port with address reuse (another responder such as Avahi may hold it
 * too), joins 224.0.0.251 on each interface that is up and multicast-capable (failures are logged
 * and the responder goes on unicast-only), announces once at start, and answers: a query from port
 * 5353 by multicast (or unicast when it asks so, the QU bit), a query from any other port (a
 * plain resolver, RFC 6762 §6.7 "legacy unicast") straight back to it with its id and questions.
 *
 * <p>Started and closed by {@link OscQueryServer} on its wiring thread; the handler runs on the
 * server's event loop.
 */
final class MdnsResponder {

    static final String GROUP = "224.0.0.251";
    private static final Logger LOG = System.getLogger(MdnsResponder.class.getName());

    private final MdnsRecords records;
    private final OscQueryStats stats;
    private final List<String> joined = new ArrayList<>();
    private Channel channel;

    MdnsResponder(MdnsRecords records, OscQueryStats stats) {
        this.records = records;
        this.stats = stats;
    }

    /** Binds {@code host}:{@code port} on {@code group}'s loop; returns the bound port. */
    int start(EventLoopGroup group, String host, int port) throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.IP_MULTICAST_LOOP_DISABLED, false)
                .handler(new Handler());
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(host, port)).sync();
        channel = bound.channel();
        if (!((InetSocketAddress) channel.localAddress()).getAddress().isLoopbackAddress()) {
            // Bound to loopback (tests, a server kept on this machine): unicast answers only, nothing
            // joins or sends to the network's multicast group.
            joinGroup((DatagramChannel) channel);
            announce();
        }
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    private void joinGroup(DatagramChannel datagrams) {
        InetSocketAddress group = new InetSocketAddress(groupAddress(), MdnsRecordsPort.MDNS);
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || !nic.supportsMulticast() || nic.isLoopback()) {
                    continue;
                }
                ChannelFuture join = datagrams.joinGroup(group, nic).awaitUninterruptibly();
                if (join.isSuccess()) {
                    joined.add(nic.getName());
                } else {
                    LOG.log(Level.WARNING, "oscquery: mDNS could not join " + GROUP + " on " + nic.getName()
                            + " (" + join.cause() + "); answering unicast queries only there");
                }
            }
        } catch (SocketException e) {
            LOG.log(Level.WARNING, "oscquery: mDNS cannot list network interfaces (" + e.getMessage()
                    + "); answering unicast queries only");
        }
    }

    /** The interfaces whose multicast group it joined (none: unicast queries only). */
    List<String> joinedInterfaces() {
        return List.copyOf(joined);
    }

    private void announce() {
        if (joined.isEmpty()) {
            return;
        }
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(records.announcement()),
                new InetSocketAddress(groupAddress(), MdnsRecordsPort.MDNS))).addListener(sent -> {
                    if (!sent.isSuccess()) {
                        LOG.log(Level.WARNING, "oscquery: mDNS announcement not sent: " + sent.cause());
                    }
                });
    }

    private static InetAddress groupAddress() {
        try {
            return InetAddress.getByName(GROUP);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly(1_000);
            channel = null;
        }
    }

    /** Answers one datagram, on the event loop. */
    private final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuffer message = ByteBuffer.allocate(packet.content().readableBytes());
            packet.content().getBytes(packet.content().readerIndex(), message);
            message.flip();
            if (message.remaining() < 12) {
                return;
            }
            List<MdnsRecords.Question> questions = MdnsRecords.questions(message);
            InetSocketAddress sender = packet.sender();
            boolean legacy = sender.getPort() != MdnsRecordsPort.MDNS;
            int id = legacy ? message.getShort(0) & 0xFFFF : 0;
            Optional<ByteBuffer> answer = records.answer(questions, id, legacy);
            if (answer.isEmpty()) {
                return;
            }
            boolean unicast = legacy || questions.stream().anyMatch(MdnsRecords.Question::unicastWanted)
                    || joined.isEmpty();
            InetSocketAddress to = unicast ? sender : new InetSocketAddress(groupAddress(), MdnsRecordsPort.MDNS);
            stats.mdnsAnswers.incrementAndGet(); // before the send: whoever got the answer sees it counted
            ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(answer.get()), to));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(Level.DEBUG, "oscquery: mDNS datagram failed: " + cause);
        }
    }

    /** mDNS's port, named once. */
    private static final class MdnsRecordsPort {
        static final int MDNS = OscQuerySettings.MDNS_PORT;
    }
}
