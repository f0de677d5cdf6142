package org.vernissage.showcontrol.oscquery;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Selector;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;

/**
 * Test support, the child JVM of {@link MdnsMulticastTest}, run inside a network namespace with two
 * links, {@value #LINK_A} (10.51.1.1/24) and {@value #LINK_B} (10.51.2.1/24), each a veth whose peer
 * ({@code mdnsa1}, {@code mdnsb1}, no address) only counts what reaches it. On its main thread: a
 * listener joins 224.0.0.251:5353 on both links, a real {@link OscQueryServer} on 0.0.0.0 starts
 * its responder on the real mDNS port, and the probe records what reaches the group: the
 * announcements, the answer to a multicast (QM) browse query sent on link A, the unicast answer to a
 * QU query, and the goodbye at close; with the links' packet counters. It writes all of it, or the
 * failure's stack trace as {@code error}, to the properties file named by its argument; the test
 * asserts.
 */
public final class MdnsMulticastProbe {

    static final String LINK_A = "mdnsa0";
    static final String LINK_B = "mdnsb0";
    static final String ADDRESS_A = "10.51.1.1";
    static final String ADDRESS_B = "10.51.2.1";
    static final String SERVICE = "Vernissage-mcast";
    private static final int MDNS = 5353;
    private static final InetSocketAddress GROUP = new InetSocketAddress("224.0.0.251", MDNS);

    private final Properties report = new Properties();

    private MdnsMulticastProbe() {
    }

    public static void main(String[] args) throws Exception {
        MdnsMulticastProbe probe = new MdnsMulticastProbe();
        try {
            probe.run();
        } catch (Throwable failure) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            probe.report.setProperty("error", trace.toString());
        }
        try (Writer out = Files.newBufferedWriter(Path.of(args[0]))) {
            probe.report.store(out, "mDNS multicast probe");
        }
        System.exit(0); // Netty's threads are daemons, but the report is all that matters now
    }

    private void run() throws Exception {
        NetworkInterface linkA = NetworkInterface.getByName(LINK_A);
        NetworkInterface linkB = NetworkInterface.getByName(LINK_B);
        try (DatagramChannel listener = DatagramChannel.open(StandardProtocolFamily.INET);
             Selector selector = Selector.open()) {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress("0.0.0.0", MDNS));
            listener.join(GROUP.getAddress(), linkA);
            listener.join(GROUP.getAddress(), linkB);
            listener.setOption(StandardSocketOptions.IP_MULTICAST_IF, linkA);
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_READ);

            OscQueryServer server = startServer();
            report.setProperty("http.port", "" + server.port());
            report.setProperty("mdns.port", "" + server.mdnsPort());
            report.setProperty("mdns.interfaces", String.join(",", new TreeSet<>(server.mdnsInterfaces())));
            report.setProperty("mdns.multicastTtl", "" + server.mdnsMulticastTtl());
            long started = System.nanoTime();

            // The announcements: one per link at start, again a second later (RFC 6762 §8.3). The
            // listener hears each link's copy (multicast loop), so four datagrams.
            List<Received> announcements = responses(listener, selector, 4, 4_000);
            report.setProperty("announce.count", "" + announcements.size());
            if (!announcements.isEmpty()) {
                report.setProperty("announce.firstMs", "" + (announcements.getFirst().atNanos - started) / 1_000_000);
                report.setProperty("announce.gapMs",
                        "" + (announcements.getLast().atNanos - announcements.getFirst().atNanos) / 1_000_000);
                describe("announce", announcements.getFirst());
                report.setProperty("announce.from", announcements.stream().map(r -> r.from.toString())
                        .collect(Collectors.toCollection(TreeSet::new)).toString());
            }
            // Nothing more is announced after the second round.
            report.setProperty("announce.extra", "" + responses(listener, selector, 1, 1_300).size());

            // A multicast (QM) browse query from port 5353 on link A: answered on the group.
            long answersBefore = server.stats().mdnsAnswers();
            byte[] browse = query(0, "_oscjson._tcp.local", MdnsRecords.TYPE_PTR, false);
            listener.send(ByteBuffer.wrap(browse), GROUP);
            List<Received> answered = responses(listener, selector, 1, 3_000);
            report.setProperty("qm.count", "" + answered.size());
            if (!answered.isEmpty()) {
                describe("qm", answered.getFirst());
            }
            report.setProperty("qm.extra", "" + responses(listener, selector, 1, 300).size());
            report.setProperty("qm.answersCounted", "" + (server.stats().mdnsAnswers() - answersBefore));

            // A QU query (the class's top bit) from 10.51.1.1:5353: answered by unicast to that socket,
            // which, bound to a unicast address, hears no multicast.
            try (DatagramChannel asker = DatagramChannel.open(StandardProtocolFamily.INET)) {
                asker.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                asker.bind(new InetSocketAddress(ADDRESS_A, MDNS));
                asker.setOption(StandardSocketOptions.IP_MULTICAST_IF, linkA);
                asker.send(ByteBuffer.wrap(query(0, "_oscjson._tcp.local", MdnsRecords.TYPE_PTR, true)), GROUP);
                asker.configureBlocking(false);
                try (Selector own = Selector.open()) {
                    asker.register(own, SelectionKey.OP_READ);
                    List<Received> unicast = responses(asker, own, 1, 3_000);
                    report.setProperty("qu.count", "" + unicast.size());
                    if (!unicast.isEmpty()) {
                        describe("qu", unicast.getFirst());
                    }
                }
            }
            // The QU answer went by unicast only: the group heard nothing.
            report.setProperty("qu.onGroup", "" + responses(listener, selector, 1, 300).size());

            String[] links = {LINK_A, LINK_B, "mdnsa1", "mdnsb1"};
            for (String link : links) {
                report.setProperty("before.close." + link, counters(link));
            }

            server.close();
            List<Received> goodbyes = responses(listener, selector, 2, 2_000);
            report.setProperty("goodbye.count", "" + goodbyes.size());
            if (!goodbyes.isEmpty()) {
                describe("goodbye", goodbyes.getFirst());
            }
            for (String link : links) {
                report.setProperty("after.close." + link, counters(link));
            }
        }
    }

    private static OscQueryServer startServer() throws Exception {
        ParameterLayout layout = new ParameterLayout(List.of(
                new ParameterSpec("level", ParameterType.FLOAT, 0f, 1f, new float[] {0.5f}, "", "a level")));
        OscQueryServer server = new OscQueryServer(new OscQuerySettings("0.0.0.0", 0, OscQuerySettings.MDNS_PORT,
                SERVICE), new OscQueryNamespace("probe", "Probe", layout, List.of()), layout,
                new OscQueryHostInfo("Vernissage: Probe", Optional.empty(), Optional.of(9000)), new ValueDemand());
        server.start();
        return server;
    }

    /** One datagram that reached a socket. */
    private record Received(ByteBuffer message, InetSocketAddress from, long atNanos) {
    }

    /** Up to {@code wanted} DNS responses (queries are skipped) within {@code millis}. */
    private static List<Received> responses(DatagramChannel socket, Selector selector, int wanted, long millis)
            throws Exception {
        List<Received> found = new ArrayList<>();
        long deadline = System.nanoTime() + millis * 1_000_000;
        ByteBuffer buffer = ByteBuffer.allocate(9000);
        while (found.size() < wanted) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            selector.select(left);
            selector.selectedKeys().clear();
            InetSocketAddress from;
            while ((from = (InetSocketAddress) socket.receive(buffer.clear())) != null) {
                buffer.flip();
                ByteBuffer copy = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
                if (copy.remaining() >= 12 && (copy.getShort(2) & 0x8000) != 0 && found.size() < wanted) {
                    found.add(new Received(copy, from, System.nanoTime()));
                }
            }
        }
        return found;
    }

    /** Writes {@code prefix}.ptr, .srv, .srvPort, .txt, .a, .ttls and .from of one response. */
    private void describe(String prefix, Received received) {
        ByteBuffer message = received.message;
        int questions = message.getShort(4) & 0xFFFF;
        int answers = message.getShort(6) & 0xFFFF;
        int at = 12;
        for (int q = 0; q < questions; q++) {
            at = skipName(message, at) + 4;
        }
        List<String> a = new ArrayList<>();
        TreeSet<Long> ttls = new TreeSet<>();
        for (int r = 0; r < answers; r++) {
            String name = name(message, at);
            at = skipName(message, at);
            int type = message.getShort(at) & 0xFFFF;
            ttls.add(message.getInt(at + 4) & 0xFFFFFFFFL);
            int length = message.getShort(at + 8) & 0xFFFF;
            int data = at + 10;
            switch (type) {
                case MdnsRecords.TYPE_PTR -> report.setProperty(prefix + ".ptr", name + " -> " + name(message, data));
                case MdnsRecords.TYPE_SRV -> {
                    report.setProperty(prefix + ".srv", name + " -> " + name(message, data + 6));
                    report.setProperty(prefix + ".srvPort", "" + (message.getShort(data + 4) & 0xFFFF));
                }
                case MdnsRecords.TYPE_TXT -> report.setProperty(prefix + ".txt", name + " (" + length + " bytes)");
                case MdnsRecords.TYPE_A -> a.add(ipv4(message, data));
                default -> report.setProperty(prefix + ".other", "" + type);
            }
            at = data + length;
        }
        report.setProperty(prefix + ".a", String.join(",", new TreeSet<>(a)));
        report.setProperty(prefix + ".ttls", ttls.toString());
        report.setProperty(prefix + ".from", received.from.getAddress().getHostAddress() + ":" + received.from.getPort());
    }

    private static String ipv4(ByteBuffer message, int at) {
        byte[] bytes = new byte[4];
        message.get(at, bytes);
        try {
            return ((Inet4Address) InetAddress.getByAddress(bytes)).getHostAddress();
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A query with one question of class IN; {@code unicast}: the QU bit. */
    static byte[] query(int id, String name, int type, boolean unicast) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(id >> 8);
        out.write(id);
        out.writeBytes(new byte[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
        out.write(type >> 8);
        out.write(type);
        out.write(unicast ? 0x80 : 0);
        out.write(1);
        return out.toByteArray();
    }

    /** "rxPackets txPackets" of {@code link} from /proc/net/dev (this namespace's). */
    private static String counters(String link) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/net/dev"))) {
            String[] parts = line.trim().split("[:\\s]+");
            if (parts[0].equals(link)) {
                return parts[2] + " " + parts[10];
            }
        }
        throw new IllegalStateException("no " + link + " in /proc/net/dev");
    }

    private static int skipName(ByteBuffer message, int at) {
        while (true) {
            int length = message.get(at) & 0xFF;
            if (length == 0) {
                return at + 1;
            }
            if ((length & 0xC0) == 0xC0) {
                return at + 2;
            }
            at += 1 + length;
        }
    }

    private static String name(ByteBuffer message, int at) {
        StringBuilder name = new StringBuilder();
        for (int jumps = 0; ; ) {
            int length = message.get(at) & 0xFF;
            if (length == 0) {
                return name.toString();
            }
            if ((length & 0xC0) == 0xC0) {
                if (++jumps > 16) {
                    throw new IllegalStateException("name pointer loop");
                }
                at = ((length & 0x3F) << 8) | (message.get(at + 1) & 0xFF);
                continue;
            }
            byte[] label = new byte[length];
            message.get(at + 1, label);
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(new String(label, StandardCharsets.UTF_8));
            at += 1 + length;
        }
    }
}
