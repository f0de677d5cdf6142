package org.vernissage.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.osc.OscWriter;
import org.vernissage.sensors.phone.PhoneTestFrames;
import org.vernissage.sensors.phone.TestPhone;
import org.vernissage.showcontrol.control.ControlSettings;

/**
 * Test support, run as its own JVM by {@link SovereignShowTest} inside a network namespace: plays a
 * whole show (artworks/handheld with its model, OSC and phones' sensors, the web console, OSCQuery
 * with its mDNS responder, the control port), drives every one of those doors from 127.0.0.1, and
 * writes what it saw to a properties file: the DNS queries its trap on 127.0.0.1:53 received (the
 * namespace's resolv.conf names only that trap), and the packets the namespace's one non-loopback
 * interface sent (every route out goes there), before the show, after it, and after a canary that
 * deliberately looks up a name and sends to an outside address, which proves the two traps see.
 *
 * <p>Everything runs on this program's main thread, except the traps' two daemon threads and the
 * show's own threads.
 */
final class LoopbackShow {

    /** The namespace's non-loopback interface, set up by {@link SovereignShowTest}'s script. */
    static final String OUTSIDE = "outside0";
    private static final Path HANDHELD = Path.of("..", "artworks", "handheld");
    private static final int HUE = 2;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final AtomicLong dnsQueries = new AtomicLong();
    private final Properties report = new Properties();

    private LoopbackShow() {
    }

    public static void main(String[] args) throws Exception {
        Path reportFile = Path.of(args[0]);
        Path work = Path.of(args[1]);
        LoopbackShow show = new LoopbackShow();
        int status = 0;
        try {
            show.trapDns();
            show.counters("beforeShow");
            show.playAndDrive(work);
            show.report.setProperty("dns.afterShow", Long.toString(show.dnsQueries.get()));
            show.counters("afterShow");
            show.canary();
            Thread.sleep(300); // the trap's thread counts the canary's query
            show.report.setProperty("dns.afterCanary", Long.toString(show.dnsQueries.get()));
            show.counters("afterCanary");
        } catch (Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            show.report.setProperty("error", trace.toString());
            status = 1;
        }
        try (var out = Files.newBufferedWriter(reportFile)) {
            show.report.store(out, "LoopbackShow");
        }
        System.exit(status); // the show's non-daemon threads are closed, but say it plainly
    }

    /**
     * Both packet counters at one moment: read again until a pair stands still, so that a late IGMP
     * report (the kernel repeats them for a second) cannot fall between the two readings.
     */
    private void counters(String phase) throws IOException, InterruptedException {
        long outside;
        long multicast;
        do {
            outside = outsidePackets();
            multicast = multicastSent();
            Thread.sleep(5);
        } while (outside != outsidePackets() || multicast != multicastSent());
        report.setProperty("outside." + phase, Long.toString(outside));
        report.setProperty("multicast." + phase, Long.toString(multicast));
    }

    /** A UDP and a TCP listener on 127.0.0.1:53 that count every query sent to them. */
    private void trapDns() throws IOException {
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 53));
        ServerSocket tcp = new ServerSocket();
        tcp.bind(new InetSocketAddress("127.0.0.1", 53));
        daemon("dns-trap-udp", () -> {
            byte[] buffer = new byte[1500];
            while (true) {
                udp.receive(new DatagramPacket(buffer, buffer.length));
                dnsQueries.incrementAndGet(); // no answer: the resolver times out, as with no DNS
            }
        });
        daemon("dns-trap-tcp", () -> {
            while (true) {
                try (Socket client = tcp.accept()) {
                    dnsQueries.incrementAndGet();
                }
            }
        });
    }

    private void playAndDrive(Path work) throws Exception {
        Path token = Files.writeString(work.resolve("token"), "sovereign-test-token\n");
        AtomicLong frames = new AtomicLong();
        AtomicReference<Float> hue = new AtomicReference<>(Float.NaN);
        FrameListener watcher = (frame, parameters, image) -> {
            float[] values = new float[parameters.slotCount()];
            parameters.copyValuesInto(values);
            hue.set(values[HUE]);
            frames.incrementAndGet();
        };
        try (DatagramSocket replies = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             DatagramSocket sender = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build()) {
            int controlPort = ControlPortPeer.freePort();
            RunOptions base = RunOptions.defaults(HANDHELD).withSize(new FrameSize(64, 36)).withFramesPerSecond(30)
                    .withReload(false).withOsc("127.0.0.1", 0);
            RunOptions options = base.withSensors(base.sensors().withPhones("127.0.0.1", 0))
                    // On every interface, as in a venue: its mDNS responder joins 224.0.0.251 on the
                    // outside interface and announces there (the local link), and nowhere else.
                    .withOscQuery(new OscQueryOptions(Optional.of(0), "0.0.0.0", 0))
                    .withConsole(new ConsoleOptions(0, "127.0.0.1", Optional.of(token)))
                    .withControl(new ControlSettings("127.0.0.1", controlPort, replies.getLocalPort(), Optional.empty(), 4));
            try (BackgroundRun playing = BackgroundRun.start(options, List.of(watcher))) {
                ArtworkRun run = playing.run();
                Await.until(() -> frames.get() > 5, "the show renders");

                // OSC sensor -> the model -> the look: tilt right gives hue ~0.62 (HandheldRunTest).
                sender.send(tilt(run.oscPort(), 1, 0));
                Await.until(() -> Math.abs(hue.get() - 0.62f) < 0.08f, "the model answers a tilt sent over OSC");
                report.setProperty("model.hue", Float.toString(hue.get()));

                String inputs = run.sources().orElseThrow().describe();
                int phones = Integer.parseInt(inputs.replaceAll("(?s).*phones at http://127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
                try (TestPhone phone = TestPhone.join(http, phones)) {
                    for (int i = 0; i < 10; i++) {
                        phone.send(PhoneTestFrames.frame().touches(0, 0.2f, 0.3f).orientation(20, 10, 5));
                        Thread.sleep(50);
                    }
                    report.setProperty("phones.open", Boolean.toString(!phone.isClosed()));
                }

                report.setProperty("oscquery.hostInfo",
                        get(http, "http://127.0.0.1:" + run.oscQueryPort().orElseThrow() + "/?HOST_INFO"));
                report.setProperty("console.status", Integer.toString(status(http,
                        "http://127.0.0.1:" + run.consolePort().orElseThrow() + "/")));

                sender.send(osc(controlPort, "/go"));
                report.setProperty("control.reply", reply(replies));

                Thread.sleep(1000); // a second more of the show running with everything open
                run.requestStop();
                playing.awaitEnd(10);
                report.setProperty("show.console", playing.console());
                report.setProperty("show.frames", Long.toString(frames.get()));
            }
        }
    }

    /** Deliberately what the show must never do: look a name up and send to an outside address. */
    private void canary() throws IOException {
        try {
            InetAddress.getByName("canary.vernissage.example");
            report.setProperty("canary.resolved", "true");
        } catch (UnknownHostException expected) {
            report.setProperty("canary.resolved", "false");
        }
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(new byte[] {1}, 1, InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}), 9));
        }
    }

    /** Packets sent by the non-loopback interface, from this namespace's /proc/net/dev. */
    static long outsidePackets() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/net/dev"))) {
            String trimmed = line.trim();
            if (trimmed.startsWith(OUTSIDE + ":")) {
                String[] fields = trimmed.substring(OUTSIDE.length() + 1).trim().split("\\s+");
                return Long.parseLong(fields[9]); // receive: 8 fields, then transmit bytes, packets
            }
        }
        throw new IOException("no interface " + OUTSIDE + " in /proc/net/dev: not in the test's namespace");
    }

    /** IP multicast packets this namespace sent ({@code OutMcastPkts} in /proc/net/netstat). */
    static long multicastSent() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("IpExt:") && lines.get(i + 1).startsWith("IpExt:")) {
                List<String> names = List.of(lines.get(i).split("\\s+"));
                String[] values = lines.get(i + 1).split("\\s+");
                return Long.parseLong(values[names.indexOf("OutMcastPkts")]);
            }
        }
        throw new IOException("no IpExt OutMcastPkts in /proc/net/netstat");
    }

    private static DatagramPacket tilt(int port, float x, float y) {
        ByteBuffer packet = ByteBuffer.allocate(128);
        OscWriter writer = new OscWriter().wrap(packet);
        writer.message("/vernissage/handheld/tilt").f(x).f(y).end();
        return new DatagramPacket(packet.array(), writer.length(), InetAddress.getLoopbackAddress(), port);
    }

    private static DatagramPacket osc(int port, String address) {
        ByteBuffer packet = ByteBuffer.allocate(128);
        OscWriter writer = new OscWriter().wrap(packet);
        writer.message(address).end();
        return new DatagramPacket(packet.array(), writer.length(), InetAddress.getLoopbackAddress(), port);
    }

    /** The control port's reply, as text (the OSC address and its JSON argument). */
    private static String reply(DatagramSocket replies) throws IOException {
        replies.setSoTimeout((int) PATIENCE.toMillis());
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        replies.receive(packet);
        return new String(buffer, 0, packet.getLength(), StandardCharsets.ISO_8859_1).replace('\0', ' ');
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static int status(HttpClient http, String url) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            body.readAllBytes();
        }
        return response.statusCode();
    }

    private interface Loop {
        void run() throws IOException;
    }

    private static void daemon(String name, Loop loop) {
        Thread thread = new Thread(() -> {
            try {
                loop.run();
            } catch (IOException closed) {
                // the JVM is ending
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}
