package org.vernissage.bench;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.vernissage.app.ArtworkRun;
import org.vernissage.app.FrameSize;
import org.vernissage.app.RunOptions;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.osc.OscWriter;
import org.vernissage.showcontrol.control.ControlSettings;

/**
 * End-to-end benchmark of show control: a {@code /go} sent over loopback UDP to the control port,
 * to the end of the first frame showing the cue's change (GL work finished), on Tidewater headless
 * at 160x90; also GO to its {@code /reply} back at the sender. Baseline in the same run and the same
 * engine: the same value set through the OSC input port ({@code /vernissage/tidewater/energy}), the
 * path every sensor takes. The cue list is two snap cues that loop (energy 0.2, then 0.8), so every
 * GO changes the frame.
 *
 * <p>Run: {@code bench/run-control-latency.sh [gos] [fps...]}. Its own main thread; the render
 * thread is one it starts.
 */
public final class ControlGoToFrameLatency {

    private static final FrameSize SIZE = new FrameSize(160, 90);
    private static final int ENERGY_SLOT = 0;

    private ControlGoToFrameLatency() {
    }

    public static void main(String[] args) throws Exception {
        int gos = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        double[] rates = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).mapToDouble(Double::parseDouble).toArray()
                : new double[] {60, 0};
        Path artwork = artworkWithLoopingCues(Path.of(System.getProperty("vernissage.artwork", "artworks/tidewater")));
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "GO -> frame latency, tidewater at %s headless, %d GOs per rate, %d cores, %s%n",
                SIZE, gos, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        for (double fps : rates) {
            measure(artwork, gos, fps, out);
        }
    }

    private static void measure(Path artwork, int gos, double fps, PrintStream out) throws Exception {
        Probe probe = new Probe();
        int port = freePort();
        try (DatagramChannel replies = DatagramChannel.open(StandardProtocolFamily.INET)
                .bind(new InetSocketAddress("127.0.0.1", 0));
             DatagramChannel sender = DatagramChannel.open(StandardProtocolFamily.INET)) {
            int replyPort = ((InetSocketAddress) replies.getLocalAddress()).getPort();
            RunOptions options = RunOptions.defaults(artwork).withSize(SIZE).withOsc("127.0.0.1", 0)
                    .withFramesPerSecond(fps)
                    .withControl(new ControlSettings("127.0.0.1", port, replyPort, Optional.empty(), 4));
            BenchRun background = BenchRun.start(options, List.of(probe));
            ArtworkRun run = background.run();
            try {
                InetSocketAddress control = new InetSocketAddress("127.0.0.1", port);
                InetSocketAddress osc = new InetSocketAddress("127.0.0.1", run.oscPort());
                replies.configureBlocking(false);
                ByteBuffer go = packet("/go", Float.NaN);
                long maxGap = fps == 0 ? 2_000_000 : Math.round(1.5e9 / fps);
                Histogram goToFrame = new Histogram(60_000_000_000L, 3);
                Histogram goToReply = new Histogram(60_000_000_000L, 3);
                Histogram setToFrame = new Histogram(60_000_000_000L, 3);
                ByteBuffer reply = ByteBuffer.allocate(65536);
                int warmup = Math.min(200, gos / 2);
                for (int i = 0; i < warmup + gos; i++) {
                    boolean record = i >= warmup;
                    // GO: cue 1 (0.2) and cue 2 (0.8) in turn, the playhead looping between them.
                    probe.expect(i % 2 == 0 ? 0.2f : 0.8f, record ? goToFrame : null);
                    long sent = System.nanoTime();
                    probe.sentNanos = sent;
                    sender.send(go.duplicate(), control);
                    long replied = awaitReply(replies, reply);
                    if (record) {
                        goToReply.recordValue(replied - sent);
                    }
                    probe.awaitSeen();
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(0, maxGap));
                    // Baseline: the same kind of change through the OSC input port.
                    float value = i % 2 == 0 ? 0.3f + (i % 100) / 1000f : 0.6f + (i % 100) / 1000f;
                    probe.expect(value, record ? setToFrame : null);
                    probe.sentNanos = System.nanoTime();
                    sender.send(packet("/vernissage/tidewater/energy", value), osc);
                    probe.awaitSeen();
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(0, maxGap));
                }
                String rate = fps == 0 ? "unpaced" : String.format(Locale.ROOT, "%.0f fps", fps);
                out.println(line("  " + rate + " baseline: OSC input set -> first frame", setToFrame));
                out.println(line("  " + rate + " GO (control port) -> first frame of the cue", goToFrame));
                out.println(line("  " + rate + " GO -> /reply back at the sender", goToReply));
                out.printf(Locale.ROOT, "    GO/baseline: p50 %.2fx, p99 %.2fx; frame work p50 %.3f ms%n",
                        goToFrame.getValueAtPercentile(50) / (double) setToFrame.getValueAtPercentile(50),
                        goToFrame.getValueAtPercentile(99) / (double) setToFrame.getValueAtPercentile(99),
                        run.report().frames().p50Nanos() / 1e6);
            } finally {
                background.close();
            }
        }
    }

    private static long awaitReply(DatagramChannel replies, ByteBuffer buffer) throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            buffer.clear();
            if (replies.receive(buffer) != null) {
                return System.nanoTime();
            }
            LockSupport.parkNanos(10_000);
        }
        throw new IllegalStateException("no reply to /go within 5 s");
    }

    private static ByteBuffer packet(String address, float value) {
        ByteBuffer buffer = ByteBuffer.allocate(128);
        OscWriter writer = new OscWriter().wrap(buffer).message(address);
        if (!Float.isNaN(value)) {
            writer.f(value);
        }
        return buffer.limit(writer.end().length()).position(0);
    }

    private static Path artworkWithLoopingCues(Path tidewater) throws IOException {
        Path copy = Files.createTempDirectory("vernissage-bench-cues").resolve("tidewater");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(tidewater)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        Files.writeString(copy.resolve("cues.json"), """
                { "cues": [
                  { "number": "1", "targets": { "energy": 0.2 } },
                  { "number": "2", "targets": { "energy": 0.8 }, "next": "1" } ] }
                """);
        return copy;
    }

    private static int freePort() throws IOException {
        for (int tries = 0; tries < 20; tries++) {
            try (ServerSocket tcp = new ServerSocket(0);
                 DatagramChannel udp = DatagramChannel.open().bind(new InetSocketAddress(tcp.getLocalPort()))) {
                return tcp.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no port free for both UDP and TCP");
    }

    private static String line(String what, Histogram h) {
        return String.format(Locale.ROOT, "%-58s p50 %8.1f us  p99 %8.1f us  max %8.1f us  (n=%d)", what,
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3,
                h.getTotalCount());
    }

    /** Render thread side: the first finished frame carrying the expected value. */
    private static final class Probe implements FrameListener {
        volatile float expected = Float.NaN;
        volatile long sentNanos;
        volatile boolean seen = true;
        volatile Histogram histogram;

        void expect(float value, Histogram into) {
            histogram = into;
            seen = false;
            expected = value;
        }

        void awaitSeen() {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!seen) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("value " + expected + " never reached a frame");
                }
                LockSupport.parkNanos(20_000);
            }
        }

        @Override
        public void onFrame(FrameInfo frame, ParameterSnapshot parameters, Framebuffer image) {
            if (!seen && parameters.value(ENERGY_SLOT) == expected) {
                glFinish();
                long latency = System.nanoTime() - sentNanos;
                Histogram target = histogram;
                if (target != null) {
                    target.recordValue(latency);
                }
                seen = true;
            }
        }
    }
}
