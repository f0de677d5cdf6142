package org.vernissage.bench;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
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
 * <p>The target is read per GO, as the issue words it ("one frame interval plus the frame's own
 * render time"): each GO's latency less its own frame's time from latch to finished
 * ({@link FrameInfo#latchedNanos()}), i.e. from the send to the latch of the frame that showed it,
 * against one interval; its p99, and the share of GOs that waited more than one interval (they
 * missed the first frame that latched after they were sent). The floor, measured alongside: a
 * datagram to a bare blocking receiver in this process, and the first latch after it was received,
 * as if applying it took no time at all. Sends come at a uniformly random phase of the frame clock,
 * and the bench's own threads sleep (no polling) while they wait.
 *
 * <p>Run: {@code bench/run-control-latency.sh [gos] [fps...]}; with the system property
 * {@code floor.wait=selector} the floor's receiver waits the way the hosted conductor does
 * (non-blocking socket, {@code Selector.select}, one receive) instead of blocking in receive, to
 * tell the wait from the rest of the engine. Its own main thread; the render thread is one it starts.
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
        BareUdpReceiver.Wait floorWait = "selector".equals(System.getProperty("floor.wait"))
                ? BareUdpReceiver.Wait.SELECTOR : BareUdpReceiver.Wait.BLOCKING;
        Path artwork = artworkWithLoopingCues(Path.of(System.getProperty("vernissage.artwork", "artworks/tidewater")));
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "GO -> frame latency, tidewater at %s headless, %d GOs per rate, %d cores, %s;"
                + " the floor's receiver %s%n", SIZE, gos, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"), floorWait == BareUdpReceiver.Wait.SELECTOR
                        ? "waits on a selector, as the hosted conductor does" : "blocks in receive");
        for (double fps : rates) {
            measure(artwork, gos, fps, floorWait, out);
        }
    }

    private static void measure(Path artwork, int gos, double fps, BareUdpReceiver.Wait floorWait, PrintStream out)
            throws Exception {
        Probe probe = new Probe();
        Receipts receipts = new Receipts();
        int port = freePort();
        try (DatagramChannel replies = DatagramChannel.open(StandardProtocolFamily.INET)
                .bind(new InetSocketAddress("127.0.0.1", 0));
             DatagramChannel sender = DatagramChannel.open(StandardProtocolFamily.INET);
             BareUdpReceiver bare = new BareUdpReceiver(0, floorWait, 0, receipts)) {
            int replyPort = ((InetSocketAddress) replies.getLocalAddress()).getPort();
            RunOptions options = RunOptions.defaults(artwork).withSize(SIZE).withOsc("127.0.0.1", 0)
                    .withFramesPerSecond(fps)
                    .withControl(new ControlSettings("127.0.0.1", port, replyPort, Optional.empty(), 4));
            BenchRun background = BenchRun.start(options, List.of(probe));
            ArtworkRun run = background.run();
            try {
                InetSocketAddress control = new InetSocketAddress("127.0.0.1", port);
                InetSocketAddress osc = new InetSocketAddress("127.0.0.1", run.oscPort());
                DatagramSocket replySocket = replies.socket();
                replySocket.setSoTimeout(5_000);
                DatagramPacket reply = new DatagramPacket(new byte[65536], 65536);
                ByteBuffer go = packet("/go", Float.NaN);
                // Paced: a pause of 0 to 2 intervals puts each send at a uniformly random phase of
                // the frame clock (as a technician's GO is); 1.5 intervals made early phases twice
                // as likely.
                long maxGap = fps == 0 ? 2_000_000 : Math.round(2e9 / fps);
                Histogram goToFrame = new Histogram(60_000_000_000L, 3);
                Histogram goToLatch = new Histogram(60_000_000_000L, 3);
                Histogram goToReply = new Histogram(60_000_000_000L, 3);
                Histogram setToFrame = new Histogram(60_000_000_000L, 3);
                Histogram setToLatch = new Histogram(60_000_000_000L, 3);
                Histogram bareToLatch = new Histogram(60_000_000_000L, 3);
                int warmup = Math.min(200, gos / 2);
                ThreadCpu conductor = ThreadCpu.named("vernissage-conductor");
                for (int i = 0; i < warmup + gos; i++) {
                    boolean record = i >= warmup;
                    if (i == warmup) {
                        conductor.start();
                    }
                    // GO: cue 1 (0.2) and cue 2 (0.8) in turn, the playhead looping between them.
                    probe.expect(i % 2 == 0 ? 0.2f : 0.8f, record ? goToFrame : null, record ? goToLatch : null);
                    long sent = System.nanoTime();
                    probe.sentNanos = sent;
                    sender.send(go.duplicate(), control);
                    long replied = awaitReply(replySocket, reply);
                    if (record) {
                        goToReply.recordValue(replied - sent);
                    }
                    probe.awaitSeen();
                    pauseRandomly(maxGap);
                    // Baseline: the same kind of change through the OSC input port.
                    float value = i % 2 == 0 ? 0.3f + (i % 100) / 1000f : 0.6f + (i % 100) / 1000f;
                    probe.expect(value, record ? setToFrame : null, record ? setToLatch : null);
                    probe.sentNanos = System.nanoTime();
                    sender.send(packet("/vernissage/tidewater/energy", value), osc);
                    probe.awaitSeen();
                    pauseRandomly(maxGap);
                    // The floor: a datagram to a bare blocking receiver in this process, and the
                    // first latch after it arrived, as if applying it took no time at all.
                    long bareSent = System.nanoTime();
                    sender.send(packet("/bare", 0f), bare.address());
                    long latch = probe.firstLatchAtOrAfter(receipts.await());
                    if (record) {
                        bareToLatch.recordValue(latch - bareSent);
                    }
                    pauseRandomly(maxGap);
                }
                double conductorCpu = conductor.millisPerSecond();
                String rate = fps == 0 ? "unpaced" : String.format(Locale.ROOT, "%.0f fps", fps);
                out.println(line("  " + rate + " baseline: OSC input set -> first frame", setToFrame));
                out.println(line("  " + rate + " GO (control port) -> first frame of the cue", goToFrame));
                out.println(line("  " + rate + " GO -> /reply back at the sender", goToReply));
                out.printf(Locale.ROOT, "    GO/baseline: p50 %.2fx, p99 %.2fx; frame work p50 %.3f ms%n",
                        goToFrame.getValueAtPercentile(50) / (double) setToFrame.getValueAtPercentile(50),
                        goToFrame.getValueAtPercentile(99) / (double) setToFrame.getValueAtPercentile(99),
                        run.report().frames().p50Nanos() / 1e6);
                out.println(line("  " + rate + " baseline: set -> latch of its frame", setToLatch));
                out.println(line("  " + rate + " GO -> latch of its frame", goToLatch));
                out.println(line("  " + rate + " floor: bare UDP receive -> next latch", bareToLatch));
                if (fps > 0) {
                    long interval = Math.round(1e9 / fps);
                    out.printf(Locale.ROOT, "    conductor thread CPU %.2f ms/s%n", conductorCpu);
                    out.printf(Locale.ROOT, "    per GO, latency minus its frame's own time (latch to finished)"
                            + " against one interval (%.2f ms): p99 %.3f ms, %s; GOs that waited more than one"
                            + " interval %.2f%% (baseline %.2f%%, bare UDP floor %.2f%%)%n", interval / 1e6,
                            goToLatch.getValueAtPercentile(99) / 1e6,
                            goToLatch.getValueAtPercentile(99) <= interval ? "within" : "OVER",
                            over(goToLatch, interval), over(setToLatch, interval), over(bareToLatch, interval));
                }
            } finally {
                background.close();
            }
        }
    }

    /**
     * Blocks in the receive (no polling): the bench's own threads sleep while the engine works,
     * as a console on another machine would, instead of waking every few microseconds on the
     * engine's two cores.
     */
    private static long awaitReply(DatagramSocket replies, DatagramPacket packet) throws IOException {
        try {
            replies.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("no reply to /go within 5 s", e);
        }
        return System.nanoTime();
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

    /** One thread's CPU time over the measured GOs (ThreadMXBean), per second of wall time. */
    private static final class ThreadCpu {
        private final long id;
        private long cpuStart;
        private long wallStart;

        private ThreadCpu(long id) {
            this.id = id;
        }

        static ThreadCpu named(String name) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals(name)) {
                    return new ThreadCpu(t.threadId());
                }
            }
            throw new IllegalStateException("no thread named " + name);
        }

        void start() {
            cpuStart = ManagementFactory.getThreadMXBean().getThreadCpuTime(id);
            wallStart = System.nanoTime();
        }

        double millisPerSecond() {
            long cpu = ManagementFactory.getThreadMXBean().getThreadCpuTime(id) - cpuStart;
            return cpu / 1e6 / ((System.nanoTime() - wallStart) / 1e9);
        }
    }

    /** The floor's receipts ({@link BareUdpReceiver}): the main thread waits for the one it just sent. */
    private static final class Receipts implements BareUdpReceiver.Stamp {
        private volatile long received;
        private volatile Thread waiter;

        @Override
        public void received(ByteBuffer datagram, long nanos) {
            received = nanos;
            LockSupport.unpark(waiter);
        }

        /** The moment the datagram just sent was received. */
        long await() {
            waiter = Thread.currentThread();
            long deadline = System.nanoTime() + 5_000_000_000L;
            long got;
            while ((got = received) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the bare receiver got nothing within 5 s");
                }
                LockSupport.parkNanos(this, 1_000_000);
            }
            received = 0;
            return got;
        }
    }

    /** Sleeps 0 to {@code maxNanos}, uniformly, whole (an unpark meant for an earlier wait does not end it). */
    private static void pauseRandomly(long maxNanos) {
        long until = System.nanoTime() + ThreadLocalRandom.current().nextLong(0, maxNanos);
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /** Percent of the recorded values above {@code limit}. */
    private static double over(Histogram h, long limit) {
        return 100.0 * (h.getTotalCount() - h.getCountBetweenValues(0, limit)) / h.getTotalCount();
    }

    private static String line(String what, Histogram h) {
        return String.format(Locale.ROOT, "%-58s p50 %8.1f us  p99 %8.1f us  max %8.1f us  (n=%d)", what,
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3,
                h.getTotalCount());
    }

    /**
     * Render thread side: the first finished frame carrying the expected value; records the time
     * from the send to that frame finished, and to the moment it latched its parameters (the
     * latency less the frame's own time).
     */
    private static final class Probe implements FrameListener {
        volatile float expected = Float.NaN;
        volatile long sentNanos;
        volatile boolean seen = true;
        volatile Histogram histogram;
        volatile Histogram toLatch;
        volatile Thread waiter;
        /** Every frame's latch time, newest last (render thread writes, then bumps frames). */
        private final long[] latches = new long[256];
        private volatile long frames;
        private volatile Thread frameWaiter;

        void expect(float value, Histogram into, Histogram latchInto) {
            histogram = into;
            toLatch = latchInto;
            waiter = Thread.currentThread();
            seen = false;
            expected = value;
        }

        /** Sleeps until the render thread says the frame came (no polling: see awaitReply). */
        void awaitSeen() {
            long deadline = System.nanoTime() + 5_000_000_000L;
            long left;
            while (!seen) {
                if ((left = deadline - System.nanoTime()) <= 0) {
                    throw new IllegalStateException("value " + expected + " never reached a frame");
                }
                LockSupport.parkNanos(this, left);
            }
        }

        /** The first frame latch at or after {@code nanos}, once a frame has latched then. */
        long firstLatchAtOrAfter(long nanos) {
            frameWaiter = Thread.currentThread();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline) {
                long count = frames;
                for (long i = Math.max(0, count - latches.length); i < count; i++) {
                    long latch = latches[(int) (i % latches.length)];
                    if (latch >= nanos) {
                        frameWaiter = null;
                        return latch;
                    }
                }
                LockSupport.parkNanos(this, 5_000_000);
            }
            throw new IllegalStateException("no frame latched within 5 s");
        }

        @Override
        public void onFrame(FrameInfo frame, ParameterSnapshot parameters, Framebuffer image) {
            latches[(int) (frames % latches.length)] = frame.latchedNanos();
            frames = frames + 1;
            LockSupport.unpark(frameWaiter);
            if (!seen && parameters.value(ENERGY_SLOT) == expected) {
                glFinish();
                long latency = System.nanoTime() - sentNanos;
                Histogram target = histogram;
                if (target != null) {
                    target.recordValue(latency);
                    toLatch.recordValue(Math.max(0, frame.latchedNanos() - sentNanos));
                }
                seen = true;
                LockSupport.unpark(waiter);
            }
        }
    }
}
