package org.vernissage.showcontrol.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vernissage.engine.clock.Clock;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscStreamEvent;
import org.vernissage.osc.SlipDecoder;

/**
 * The control port's sockets: UDP and a TCP listener on one port number, the TCP connections
 * (SLIP framing, as QLab), the {@code --control-allow} check at the door, and OSC packets read
 * into {@link ControlMessage}s handed to a {@link Receiver} with the peer that sent them. Sends
 * what it is given: a datagram to an address, or a SLIP frame on a connection (a connection that
 * cannot take one is dropped rather than queued without bound).
 *
 * <p>Owned by the {@link ControlEndpoint}: {@link #bind} and {@link #close} on the wiring thread,
 * everything else on the endpoint's thread.
 */
final class ControlTransport {

    /** Who learns what arrived, on the endpoint's thread. */
    interface Receiver {
        /** One message of a packet from {@code from}, in packet order. */
        void received(ControlMessage message, ControlPeer from);

        /** The connection is closed: forget what is kept for it. */
        void dropped(ControlPeer peer);
    }

    static final int PACKET_BYTES = 65_536;

    private final ControlSettings settings;
    private final ControlStats stats;
    private final ControlLog log;
    private final Clock clock;
    private final Receiver receiver;
    private final OscPacketReader reader = new OscPacketReader();
    private final ByteBuffer received = ByteBuffer.allocate(PACKET_BYTES);
    private final List<ControlMessage> messages = new ArrayList<>();
    private final OscMessageHandler collect = (view, tag, arrival) -> messages.add(ControlMessage.of(view));
    private final List<Connection> connections = new ArrayList<>();
    private final Consumer<SelectionKey> onReady = this::ready;

    private DatagramChannel udp;
    private ServerSocketChannel tcp;
    private Selector selector;
    private int nextConsole = 1;

    ControlTransport(ControlSettings settings, ControlStats stats, ControlLog log, Clock clock, Receiver receiver) {
        this.settings = settings;
        this.stats = stats;
        this.log = log;
        this.clock = clock;
        this.receiver = receiver;
    }

    /** Wiring thread: binds TCP, then UDP on the same port; returns the port. */
    int bind() throws IOException {
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        if (address.isUnresolved()) {
            throw new IOException("control host '" + settings.host() + "' cannot be resolved");
        }
        tcp = ServerSocketChannel.open();
        int port;
        try {
            tcp.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            tcp.bind(address);
            port = ((InetSocketAddress) tcp.getLocalAddress()).getPort();
            udp = DatagramChannel.open(address.getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            udp.bind(new InetSocketAddress(address.getAddress(), port));
        } catch (IOException e) {
            closeQuietly(tcp);
            closeQuietly(udp);
            throw new IOException("control port " + settings.host() + ":" + settings.port() + " cannot be bound: "
                    + e.getMessage(), e);
        }
        tcp.configureBlocking(false);
        udp.configureBlocking(false);
        return port;
    }

    /** Endpoint's thread, at its start: the sockets join the thread's selector. */
    void register(Selector selector) {
        this.selector = selector;
        try {
            udp.register(selector, SelectionKey.OP_READ);
            tcp.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            throw new IllegalStateException(log.where() + ": cannot register: " + e, e);
        }
    }

    /** Endpoint's thread: accepts, reads connections and datagrams; returns the work done. */
    int poll() throws IOException {
        return selector.selectNow(onReady) + receiveDatagrams();
    }

    /** Wiring thread, after the endpoint's thread stopped. */
    void close() {
        closeQuietly(udp);
        closeQuietly(tcp);
    }

    // ---- receiving ------------------------------------------------------------------------

    private void ready(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
        } else if (key.isReadable() && key.attachment() instanceof Connection connection) {
            read(connection);
        }
    }

    private int receiveDatagrams() throws IOException {
        int n = 0;
        for (; n < 256; n++) {
            received.clear();
            SocketAddress from = udp.receive(received);
            if (from == null) {
                break;
            }
            InetSocketAddress sender = (InetSocketAddress) from;
            if (!allowed(sender.getAddress(), "a datagram")) {
                continue; // dropped with no reply: a stranger learns nothing, not even that we listen
            }
            packet(received, received.position(), new ControlPeer.Udp(sender.getAddress()));
        }
        return n;
    }

    private void accept() {
        SocketChannel accepted;
        try {
            accepted = tcp.accept();
            if (accepted == null) {
                return;
            }
        } catch (IOException e) {
            log.once("accept", "accepting a console failed: " + e);
            return;
        }
        if (!allowed(remoteAddress(accepted), "a TCP connection")) {
            closeQuietly(accepted); // closed at accept: not one byte of it is read
            return;
        }
        if (connections.size() >= settings.maxConnections()) {
            stats.connectionsRefused.incrementAndGet();
            closeQuietly(accepted);
            return;
        }
        try {
            accepted.configureBlocking(false);
            Connection connection = new Connection(accepted, nextConsole++);
            accepted.register(selector, SelectionKey.OP_READ, connection);
            connections.add(connection);
        } catch (IOException e) {
            closeQuietly(accepted);
        }
    }

    /** True when {@code peer} is in {@code --control-allow}; otherwise counted, the first logged. */
    private boolean allowed(InetAddress peer, String what) {
        if (settings.allow().permits(peer)) {
            return true;
        }
        stats.notAllowed.incrementAndGet();
        if (log.first("not allowed")) {
            log.warn("refused " + what + " from " + (peer == null ? "an unknown address" : peer.getHostAddress())
                    + ", which is not in --control-allow " + settings.allow()
                    + " (logged once; further refusals are counted in the control statistics)");
        }
        return false;
    }

    private static InetAddress remoteAddress(SocketChannel channel) {
        try {
            return channel.getRemoteAddress() instanceof InetSocketAddress remote ? remote.getAddress() : null;
        } catch (IOException e) {
            return null; // already gone: refused as unknown
        }
    }

    private void read(Connection c) {
        ByteBuffer in = c.in;
        in.clear();
        int read;
        try {
            read = c.channel.read(in);
        } catch (IOException e) {
            drop(c); // the console went away
            return;
        }
        if (read < 0) {
            drop(c);
            return;
        }
        in.flip();
        while (in.hasRemaining()) {
            OscStreamEvent event = c.slip.decode(in);
            if (event == OscStreamEvent.PACKET) {
                packet(c.slip.packet(), c.slip.packetLength(), c);
            } else if (event != OscStreamEvent.NEED_MORE) {
                stats.malformed.incrementAndGet();
                log.once("slip " + event, "a console's TCP stream: " + event
                        + " (a frame was discarded; expected OSC packets framed with SLIP, as QLab sends)");
            }
        }
    }

    /** One OSC packet from {@code peer}: every message in it, in order. */
    private void packet(ByteBuffer buffer, int length, ControlPeer peer) {
        messages.clear();
        if (!reader.read(buffer, 0, length, clock.nanos(), collect)) {
            stats.malformed.incrementAndGet();
            log.once("osc " + reader.rejection(), "a packet was refused: " + reader.rejection()
                    + " (expected an OSC 1.0 message or bundle)");
            return;
        }
        for (ControlMessage message : List.copyOf(messages)) {
            receiver.received(message, peer);
        }
    }

    // ---- sending --------------------------------------------------------------------------

    /** One datagram of {@code length} bytes from the start of {@code packet} to {@code host:port}. */
    boolean send(ByteBuffer packet, int length, InetAddress host, int port) {
        ByteBuffer out = packet.duplicate().position(0).limit(length);
        try {
            return udp.send(out, new InetSocketAddress(host, port)) == length;
        } catch (IOException e) {
            log.once("udp send", "a UDP reply to " + host + ":" + port + " failed: " + e);
            return false;
        }
    }

    /** One SLIP frame on {@code c}; false (and the connection dropped) when it could not be written whole. */
    boolean send(ByteBuffer packet, int length, Connection c) {
        ByteBuffer out = c.out;
        out.clear();
        out.put(SlipDecoder.END);
        for (int i = 0; i < length; i++) {
            byte b = packet.get(i);
            if (b == SlipDecoder.END) {
                out.put(SlipDecoder.ESC).put(SlipDecoder.ESC_END);
            } else if (b == SlipDecoder.ESC) {
                out.put(SlipDecoder.ESC).put(SlipDecoder.ESC_ESC);
            } else {
                out.put(b);
            }
        }
        out.put(SlipDecoder.END);
        out.flip();
        try {
            // A console's replies are small and few; a socket buffer that cannot take one
            // means the console stopped reading: drop it rather than queue without bound.
            for (int tries = 0; out.hasRemaining() && tries < 100; tries++) {
                if (c.channel.write(out) == 0) {
                    Thread.onSpinWait();
                }
            }
        } catch (IOException e) {
            drop(c);
            return false;
        }
        if (out.hasRemaining()) {
            drop(c);
            return false;
        }
        return true;
    }

    // ---- connections ----------------------------------------------------------------------

    /** A TCP console: SLIP in, SLIP out, on the same connection. */
    static final class Connection implements ControlPeer {
        final SocketChannel channel;
        final int id;
        final ByteBuffer in = ByteBuffer.allocate(8192);
        final SlipDecoder slip = new SlipDecoder(ByteBuffer.allocate(PACKET_BYTES));
        final ByteBuffer out = ByteBuffer.allocate(2 * PACKET_BYTES + 2);

        Connection(SocketChannel channel, int id) {
            this.channel = channel;
            this.id = id;
        }

        @Override
        public int id() {
            return id;
        }
    }

    /** Endpoint's thread, as it closes: every connection. */
    void dropAll() {
        for (Connection c : List.copyOf(connections)) {
            drop(c);
        }
    }

    private void drop(Connection c) {
        connections.remove(c);
        receiver.dropped(c);
        SelectionKey key = c.channel.keyFor(selector);
        if (key != null) {
            key.cancel();
        }
        closeQuietly(c.channel);
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing: nothing more to do
            }
        }
    }
}
