package org.vernissage.bench;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.vernissage.app.ArtworkRun;
import org.vernissage.app.FrameSize;
import org.vernissage.app.PipelineOptions;
import org.vernissage.app.RunOptions;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.Framebuffer;

/**
 * End-to-end benchmark: an OSC packet sent over loopback UDP, to the end of the first frame whose
 * parameters include it (GL work finished), on the bundled artwork rendered headless at a small
 * size. Baselines measured in the same run: one-way loopback UDP to a bare receiving thread, and
 * the engine's own frame time. Also reports the bytes allocated per message by the receiving
 * thread and the conductor thread in steady state. The values go to Tidewater's energy binding
 * (input 0..1 onto 0..1, linear), so the conductor's conditioner hands them to the snapshot
 * unchanged and the probe can compare them exactly.
 *
 * <p>Run: {@code bench/run-latency.sh} (or {@code java -cp bench/target/benchmarks.jar
 * org.vernissage.bench.OscToFrameLatency [packets] [fps...]}). Runs on its own main thread; the
 * render thread is one it starts.
 */
public final class OscToFrameLatency {

    private static final String ADDRESS = "/vernissage/tidewater/energy";
    private static final int ENERGY_SLOT = 0;
    private static final FrameSize SIZE = new FrameSize(160, 90);

    private OscToFrameLatency() {
    }

    public static void main(String[] args) throws Exception {
        int packets = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        double[] rates = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).mapToDouble(Double::parseDouble).toArray()
                : new double[] {0, 60};
        Path artwork = Path.of(System.getProperty("vernissage.artwork", "artworks/tidewater"));
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "OSC -> frame latency, %s at %s headless, %d packets per rate, %d cores, %s%n",
                artwork.getFileName(), SIZE, packets, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"));

        Histogram udp = loopbackBaseline(packets);
        out.println(line("baseline: UDP loopback one-way to a bare thread", udp));
        for (double fps : rates) {
            measureEngine(artwork, packets, fps, udp, out);
        }
    }

    /** One-way loopback UDP, socket to a thread blocked in receive: the floor under any OSC input. */
    private static Histogram loopbackBaseline(int packets) throws Exception {
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        try (DatagramChannel receiver = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             DatagramChannel sender = DatagramChannel.open()) {
            ByteBuffer outgoing = ByteBuffer.allocateDirect(64);
            ByteBuffer incoming = ByteBuffer.allocateDirect(64);
            long[] sentAt = new long[1];
            CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < packets + 200; i++) {
                        incoming.clear();
                        receiver.receive(incoming);
                        long latency = System.nanoTime() - incoming.getLong(0);
                        if (i >= 200) {
                            histogram.recordValue(latency);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < packets + 200; i++) {
                outgoing.clear();
                sentAt[0] = System.nanoTime();
                outgoing.putLong(0, sentAt[0]).limit(8);
                sender.send(outgoing, receiver.getLocalAddress());
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000, 300_000));
            }
            done.get(30, TimeUnit.SECONDS);
        }
        return histogram;
    }

    private static void measureEngine(Path artwork, int packets, double fps, Histogram udp, PrintStream out)
            throws Exception {
        LatencyProbe probe = new LatencyProbe();
        RunOptions defaults = RunOptions.defaults(artwork).withSize(SIZE).withOsc("127.0.0.1", 0)
                .withFramesPerSecond(fps);
        // -Dvernissage.ringWait=backoff compares another wait in the same launcher wiring.
        RingWaitStrategy wait = RingWaitStrategy.valueOf(System.getProperty("vernissage.ringWait",
                RingWaitStrategy.DEFAULT.name()).toUpperCase(Locale.ROOT).replace('-', '_'));
        RunOptions options = new RunOptions(defaults.artworkFolder(), defaults.output(), defaults.pacing(),
                defaults.sensors(), new PipelineOptions(wait), defaults.journal(), defaults.statsInterval());
        out.printf(Locale.ROOT, "  ring wait %s%n", wait.cliName());
        BenchRun background = BenchRun.start(options, List.of(probe));
        ArtworkRun run = background.run();
        try (DatagramChannel sender = DatagramChannel.open()) {
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", run.oscPort());
            int warmup = Math.min(500, packets / 2);
            long maxGapNanos = fps == 0 ? 2_000_000 : Math.round(1.5e9 / fps);
            Histogram latency = new Histogram(60_000_000_000L, 3);
            long receiverBefore = 0;
            long conductorBefore = 0;
            for (int i = 0; i < warmup + packets; i++) {
                if (i == warmup) {
                    receiverBefore = allocatedBytes("vernissage-osc-udp-");
                    conductorBefore = allocatedBytes("vernissage-conductor");
                    probe.histogram = latency;
                }
                // A new value every time, so the probe knows the first frame that carries it.
                probe.expect(i % 2 == 0 ? 0.25f + (i % 500) / 1000f : 0.75f + (i % 200) / 1000f);
                probe.sentNanos = System.nanoTime();
                sender.send(message(probe.expected), target);
                probe.awaitSeen(5_000_000_000L);
                // Random gaps over more than a frame period, so packets land at every phase of
                // the frame instead of right after the one that carried the previous value.
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(0, maxGapNanos));
            }
            long receiverBytes = allocatedBytes("vernissage-osc-udp-") - receiverBefore;
            long conductorBytes = allocatedBytes("vernissage-conductor") - conductorBefore;
            var report = run.report();
            var frames = report.frames();
            String rate = fps == 0 ? "unpaced" : String.format(Locale.ROOT, "%.0f fps", fps);
            out.println(line("vernissage " + rate + ": OSC packet -> first frame carrying it", latency));
            out.printf(Locale.ROOT, "    frame work p50 %.3f ms; latency p50 = %.1f x UDP baseline p50, %.2f x frame period%s%n",
                    frames.p50Nanos() / 1e6, latency.getValueAtPercentile(50) / (double) udp.getValueAtPercentile(50),
                    fps == 0 ? latency.getValueAtPercentile(50) / (double) Math.max(1, frames.p50Nanos())
                            : latency.getValueAtPercentile(50) / (1e9 / fps),
                    fps == 0 ? " (unpaced: period = frame work p50)" : "");
            out.printf(Locale.ROOT, "    allocated in steady state: receiver thread %.2f B/message, conductor thread %.2f B/message (%d messages)%n",
                    receiverBytes / (double) packets, conductorBytes / (double) packets, packets);
            out.printf(Locale.ROOT, "    run report: OSC received %d of %d sent, rejected %d%n",
                    report.received("OSC"), warmup + packets, report.rejected("OSC"));
        } finally {
            background.close();
        }
    }

    private static ByteBuffer message(float value) {
        ByteBuffer packet = ByteBuffer.allocate(64);
        byte[] address = ADDRESS.getBytes(StandardCharsets.US_ASCII);
        packet.put(address).put((byte) 0);
        while (packet.position() % 4 != 0) {
            packet.put((byte) 0);
        }
        packet.put((byte) ',').put((byte) 'f').put((byte) 0).put((byte) 0).putFloat(value);
        return packet.flip();
    }

    /** 0 when there is no such thread (the receiver hosted by the conductor has none of its own). */
    private static long allocatedBytes(String threadNamePrefix) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(threadNamePrefix)) {
                return threads.getThreadAllocatedBytes(thread.threadId());
            }
        }
        return 0;
    }

    private static String line(String what, Histogram histogram) {
        return String.format(Locale.ROOT, "%-60s p50 %8.1f us  p99 %8.1f us  max %8.1f us  (n=%d)", what,
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                histogram.getMaxValue() / 1e3, histogram.getTotalCount());
    }

    /** Render thread side: notices the first finished frame that carries the expected value. */
    private static final class LatencyProbe implements FrameListener {
        volatile float expected = Float.NaN;
        volatile long sentNanos;
        volatile boolean seen = true;
        volatile Histogram histogram;

        void expect(float value) {
            seen = false;
            expected = value;
        }

        void awaitSeen(long timeoutNanos) {
            long deadline = System.nanoTime() + timeoutNanos;
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
                glFinish(); // the frame counts once its pixels exist
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
