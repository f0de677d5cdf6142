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
import io.netty.channel.socket.SocketProtocolFamily;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A small mDNS responder for one service, {@code <name>._oscjson._tcp.local}, so that OSCQuery
 * browsers find the server (RFC 6762/6763). Why not JmDNS: it is not among the packages this
 * project's build can fetch, and a responder that answers one PTR/SRV/TXT/A set is a hundred lines
 * on the Netty the server already runs (no thread of its own: it shares the server's event loop).
 *
 * <p>Bound to a loopback address it only answers unicast queries (it joins no group and announces
 * nothing: a server kept on this machine, and the tests, stay off the network). Otherwise it binds
 * the mDNS port with address reuse (another responder such as Avahi may hold it too) on an IPv4
 * socket whose multicast TTL is 255 (RFC 6762 §11: receivers drop mDNS with any other TTL, so a
 * routed copy is never believed; 224.0.0.251 is link-local and routers never forward it), and joins
 * 224.0.0.251 on each interface that is up, multicast-capable, not loopback and has an IPv4 address
 * (failures are logged and the responder goes on unicast-only there). It announces on each of those
 * links twice, one second apart (RFC 6762 §8.3), answers a query from port 5353 by multicast on the
 * asker's link (or unicast when it asks so, the QU bit), a query from any other port (a plain
 * resolver, RFC 6762 §6.7 "legacy unicast") straight back to it with its id and questions, and at
 * close sends a goodbye, every record with TTL 0, on each link (RFC 6762 §10.1).
 *
 * <p>Unicast answers leave with the system's default IP TTL: Java sets no unicast TTL on a datagram
 * socket (RFC 6762 §11 asks 255 there as a SHOULD).
 *
 * <p>Started and closed by {@link OscQueryServer} on its wiring thread; the handler, the
 * announcements and the goodbye run on the server's event loop.
 */
final class MdnsResponder {

    static final String GROUP = "224.0.0.251";
    /** RFC 6762 §11: every mDNS packet leaves with IP TTL 255. */
    static final int IP_TTL = 255;
    /** RFC 6762 §8.3: at least two unsolicited announcements, one second apart. */
    static final int ANNOUNCEMENTS = 2;
    private static final long ANNOUNCE_INTERVAL_MS = 1_000;
    private static final Logger LOG = System.getLogger(MdnsResponder.class.getName());

    private final MdnsRecords records;
    private final OscQueryStats stats;
    /** Written before the first announcement, then only read (event loop, and wiring thread). */
    private final List<NetworkInterface> joined = new CopyOnWriteArrayList<>();
    private Channel channel;
    private ScheduledFuture<?> nextAnnouncement;

    MdnsResponder(MdnsRecords records, OscQueryStats stats) {
        this.records = records;
        this.stats = stats;
    }

    /** Binds {@code host}:{@code port} on {@code group}'s loop; returns the bound port. */
    int start(EventLoopGroup group, String host, int port) throws InterruptedException {
        // IPv4 only, as the group and the A records: the multicast TTL and interface set below are
        // then IPv4's own options on every platform (a dual-stack socket takes IPv6's, which the JDK
        // mirrors to IPv4 on some platforms only).
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channelFactory(() -> new NioDatagramChannel(SocketProtocolFamily.INET))
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.IP_MULTICAST_LOOP_DISABLED, false)
                .option(ChannelOption.IP_MULTICAST_TTL, IP_TTL)
                .handler(new Handler());
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(host, port)).sync();
        channel = bound.channel();
        // Bound to loopback (tests, a server kept on this machine): unicast answers only, nothing
        // joins or sends to the network's multicast group.
        if (!((InetSocketAddress) channel.localAddress()).getAddress().isLoopbackAddress()) {
            joinGroup((DatagramChannel) channel);
            if (!joined.isEmpty()) {
                channel.eventLoop().execute(() -> announce(ANNOUNCEMENTS));
            }
        }
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    private void joinGroup(DatagramChannel datagrams) {
        InetSocketAddress group = new InetSocketAddress(groupAddress(), MdnsRecordsPort.MDNS);
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || !nic.supportsMulticast() || nic.isLoopback() || ipv4Of(nic).isEmpty()) {
                    continue; // IPv4 mDNS cannot be sent from, nor answered on, a link without an IPv4 address
                }
                ChannelFuture join = datagrams.joinGroup(group, nic).awaitUninterruptibly();
                if (join.isSuccess()) {
                    joined.add(nic);
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

    private static List<InterfaceAddress> ipv4Of(NetworkInterface nic) {
        return nic.getInterfaceAddresses().stream().filter(a -> a.getAddress() instanceof Inet4Address).toList();
    }

    /** The interfaces whose multicast group it joined (none: unicast queries only). */
    List<String> joinedInterfaces() {
        return joined.stream().map(NetworkInterface::getName).toList();
    }

    /** The multicast TTL the kernel holds for the socket (read back from it); -1 before start. */
    int multicastTtl() {
        Channel bound = channel;
        return bound == null ? -1 : ((DatagramChannel) bound).config().getTimeToLive();
    }

    /** On the event loop: announces on every joined link, then {@code left - 1} more times a second apart. */
    private void announce(int left) {
        if (channel == null || !channel.isActive()) {
            return;
        }
        ByteBuffer announcement = records.announcement();
        for (NetworkInterface nic : joined) {
            sendToGroup(announcement.duplicate(), nic, "announcement");
        }
        if (left > 1) {
            nextAnnouncement = channel.eventLoop().schedule(() -> announce(left - 1), ANNOUNCE_INTERVAL_MS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * On the event loop: sends {@code message} to the group out of {@code nic}. The socket's multicast
     * interface is set just before the write; a datagram written on the loop is handed to the kernel
     * within the call, so the next interface's setting cannot catch it.
     */
    private void sendToGroup(ByteBuffer message, NetworkInterface nic, String what) {
        try {
            ((DatagramChannel) channel).config().setNetworkInterface(nic);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "oscquery: mDNS " + what + " not sent on " + nic.getName() + ": " + e);
            return;
        }
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(message),
                new InetSocketAddress(groupAddress(), MdnsRecordsPort.MDNS))).addListener(sent -> {
                    if (!sent.isSuccess()) {
                        LOG.log(Level.WARNING, "oscquery: mDNS " + what + " not sent on " + nic.getName() + ": "
                                + sent.cause());
                    }
                });
    }

    /** The joined link whose IPv4 subnet holds {@code asker}; all joined links when none does. */
    private List<NetworkInterface> linksOf(InetAddress asker) {
        for (NetworkInterface nic : joined) {
            for (InterfaceAddress address : ipv4Of(nic)) {
                if (sameSubnet(address, asker)) {
                    return List.of(nic);
                }
            }
        }
        return joined;
    }

    private static boolean sameSubnet(InterfaceAddress link, InetAddress other) {
        if (!(other instanceof Inet4Address)) {
            return false;
        }
        int prefix = link.getNetworkPrefixLength();
        int mask = prefix <= 0 ? 0 : -1 << (32 - Math.min(prefix, 32));
        return (ByteBuffer.wrap(link.getAddress().getAddress()).getInt() & mask)
                == (ByteBuffer.wrap(other.getAddress()).getInt() & mask);
    }

    private static InetAddress groupAddress() {
        try {
            return InetAddress.getByName(GROUP);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** On the wiring thread, never the event loop: says goodbye on every joined link, then closes. */
    void close() {
        if (channel == null) {
            return;
        }
        Channel closing = channel;
        if (closing.isActive() && !closing.eventLoop().isShuttingDown()) {
            closing.eventLoop().submit(() -> {
                if (nextAnnouncement != null) {
                    nextAnnouncement.cancel(false);
                }
                ByteBuffer goodbye = records.goodbye();
                for (NetworkInterface nic : joined) {
                    sendToGroup(goodbye.duplicate(), nic, "goodbye");
                }
            }).awaitUninterruptibly(1_000);
        }
        closing.close().awaitUninterruptibly(1_000);
        channel = null;
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
            stats.mdnsAnswers.incrementAndGet(); // before the send: whoever got the answer sees it counted
            if (unicast) {
                ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(answer.get()), sender));
                return;
            }
            for (NetworkInterface nic : linksOf(sender.getAddress())) {
                sendToGroup(answer.get().duplicate(), nic, "answer");
            }
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
