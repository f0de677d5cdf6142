package org.vernissage.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.sensors.osc.OscDropReason;

/**
 * End-to-end benchmark: an OSC packet sent over loopback UDP to the moment its value is in the
 * parameter snapshot the render thread would latch, at fixed message rates (1k and 10k per second
 * by default); p50, p99, p99.9. Baseline, measured in the same run at the same rates: bare one-way
 * loopback UDP, the same packet to a thread blocked in {@code receive}.
 *
 * <p>Vernissage side: the real {@link OscPipeline} (OscUdpReceiver, OscBindingRouter, InputRing of
 * the app's size and wait strategy, Conductor with Tidewater's BindingConditioner,
 * SnapshotExchange). A reader thread stands in for the render thread: it latches the exchange
 * over and over, yielding between latches (a spinning reader would take the second core of this
 * 2-core machine from the receiver and the conductor), and notes when a new message number shows
 * up in the energy slot. Message {@code n} carries {@code n * 2^-24} (see {@link PacedSender}),
 * which the linear energy binding passes through unchanged, and the sender notes each message's
 * send time under its number; a snapshot showing number {@code n} contains every message up to
 * {@code n}, so each of them is recorded as seen at that moment (a message superseded before a
 * latch counts as arrived when the newer one is seen).
 *
 * <p>The sender keeps a fixed schedule (see {@link PacedSender}); latency is taken from the actual
 * send, so a late send never hides a slow receiver. Loss is checked: every trial reports packets
 * received by the receiver against messages sent.
 *
 * <p>Run: {@code bench/run-snapshot-latency.sh [--seconds S] [--rates R1,R2] [--reader yield|spin|park]}, from the repository
 * root. Runs on the main thread (sender) plus the reader or baseline receiver thread it starts.
 */
public final class OscSnapshotLatency {

    private static final long HIGHEST_NANOS = 60_000_000_000L;
    private static final int WARM_UP_MESSAGES = 30_000;
    private static final double WARM_UP_RATE = 10_000;

    private final PrintStream out;
    private final AtomicLongArray sentAt;
    private long nextSequence;

    private OscSnapshotLatency(PrintStream out, int totalMessages) {
        this.out = out;
        this.sentAt = new AtomicLongArray(totalMessages);
    }

    /** How the reader thread waits between two latches that showed nothing new. */
    enum ReaderWait {
        /** {@link Thread#yield()}: hands the core to any runnable thread, else polls again at once. */
        YIELD,
        /** {@link Thread#onSpinWait()}: polls flat out, a whole core. */
        SPIN,
        /** {@code LockSupport.parkNanos(1)}: sleeps a timer slack (about 50-60 us on Linux). */
        PARK
    }

    /** The command line, parsed. */
    record Options(double seconds, double[] rates, RingWaitStrategy ringWait, ReaderWait readerWait, Path artwork) {

        static Options parse(String[] args) {
            double seconds = 10;
            double[] rates = {1_000, 10_000};
            RingWaitStrategy ringWait = RingWaitStrategy.DEFAULT;
            ReaderWait readerWait = ReaderWait.YIELD;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--seconds" -> { seconds = Double.parseDouble(value); i++; }
                    case "--rates" -> { rates = Arrays.stream(value.split(",")).mapToDouble(Double::parseDouble).toArray(); i++; }
                    case "--ring-wait" -> { ringWait = RingWaitStrategy.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_')); i++; }
                    case "--reader" -> { readerWait = ReaderWait.valueOf(value.toUpperCase(Locale.ROOT)); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (expected --seconds S"
                            + " --rates R1,R2,.. --ring-wait hosted|backoff|blocking|sleeping|yielding|busy-spin --reader yield|spin|park)");
                }
            }
            return new Options(seconds, rates, ringWait, readerWait,
                    Path.of(System.getProperty("vernissage.artwork", "artworks/tidewater")));
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        long total = 2L * WARM_UP_MESSAGES;
        for (double rate : options.rates()) {
            total += 3 * Math.round(rate * options.seconds()); // bare baseline, baseline beside the reader, vernissage
        }
        if (total >= PacedSender.MAX_SEQUENCE) {
            throw new IllegalArgumentException("too many messages for exact sequence numbers: " + total);
        }
        new OscSnapshotLatency(System.out, (int) total).run(options);
    }

    private void run(Options options) throws Exception {
        Path artwork = options.artwork();
        double seconds = options.seconds();
        out.printf(Locale.ROOT, "OSC packet -> parameter snapshot latency over loopback UDP, %s, %.0f s per rate,"
                + " %d cores, %s%n", artwork.getFileName(), seconds, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"));
        try (OscPipeline pipeline = new OscPipeline(artwork, options.ringWait());
             BareReceiver bare = new BareReceiver()) {
            out.printf(Locale.ROOT, "  vernissage: OscUdpReceiver (SO_RCVBUF granted %d) -> router -> InputRing(%d,"
                    + " %s) -> Conductor + BindingConditioner -> SnapshotExchange, latched by a reader that waits by %s%n",
                    pipeline.socketReceiveBufferBytes(), pipeline.ringSize(), options.ringWait(), options.readerWait());
            out.printf(Locale.ROOT, "  baseline:   DatagramChannel (SO_RCVBUF granted %d), one thread blocked in"
                    + " receive, stamping each datagram as it returns%n", bare.receiveBufferBytes());
            SnapshotReader reader = new SnapshotReader(pipeline, options.readerWait());
            reader.start();
            try (PacedSender toPipeline = new PacedSender(pipeline.address());
                 PacedSender toBare = new PacedSender(bare.address())) {
                // Warm-up through both paths, not recorded.
                measure(toBare, bare, WARM_UP_RATE, WARM_UP_MESSAGES);
                measure(toPipeline, reader, WARM_UP_RATE, WARM_UP_MESSAGES);
                out.printf(Locale.ROOT, "warm-up: %d messages at %.0f/s through each, not counted%n",
                        WARM_UP_MESSAGES, WARM_UP_RATE);
                for (double rate : options.rates()) {
                    int messages = (int) Math.round(rate * seconds);
                    Histogram floor = new Histogram(HIGHEST_NANOS, 3);
                    long bareCpuBefore = AllocationMeter.cpuNanos(bare.thread);
                    Sent baseline = measure(toBare, bare, rate, messages);
                    long bareCpu = AllocationMeter.cpuNanos(bare.thread) - bareCpuBefore;
                    floor.add(bare.histogram());
                    // The same baseline with the reader polling beside it, as it does in the
                    // vernissage run: it keeps a core busy, which changes how fast the OS wakes
                    // a receiving thread (on this VM an idle virtual CPU takes tens of us).
                    Histogram loadedFloor = new Histogram(HIGHEST_NANOS, 3);
                    reader.pollIdly(true);
                    try {
                        measure(toBare, bare, rate, messages);
                    } finally {
                        reader.pollIdly(false);
                    }
                    loadedFloor.add(bare.histogram());

                    long packetsBefore = pipeline.stats().packetsReceived();
                    long dropsBefore = pipeline.stats().messagesDropped(OscDropReason.RING_FULL);
                    long allocatedBefore = AllocationMeter.allocatedBytes(pipeline.receiverThread());
                    long conductorBefore = AllocationMeter.allocatedBytes(pipeline.conductorThread());
                    long cpuBefore = AllocationMeter.cpuNanos(pipeline.receivingThreads());
                    Sent sent = measure(toPipeline, reader, rate, messages);
                    long pipelineCpu = AllocationMeter.cpuNanos(pipeline.receivingThreads()) - cpuBefore;
                    long packets = pipeline.stats().packetsReceived() - packetsBefore;
                    long drops = pipeline.stats().messagesDropped(OscDropReason.RING_FULL) - dropsBefore;
                    long receiverBytes = AllocationMeter.allocatedBytes(pipeline.receiverThread()) - allocatedBefore;
                    long conductorBytes = AllocationMeter.allocatedBytes(pipeline.conductorThread()) - conductorBefore;
                    Histogram latency = reader.histogram();

                    out.printf(Locale.ROOT, "%n%.0f msg/s, %d messages per line (sender kept %.0f/s baseline, %.0f/s"
                            + " vernissage)%n", rate, messages, baseline.achieved(), sent.achieved());
                    out.println(line("baseline: UDP loopback one-way to a blocked receive", floor));
                    out.println(line("  same, with the snapshot reader polling beside it", loadedFloor));
                    out.println(line("vernissage: OSC packet -> value in published snapshot", latency));
                    out.printf(Locale.ROOT, "    ratio to baseline: p50 %.1fx, p99 %.1fx, p99.9 %.1fx;"
                            + " to the baseline with the reader beside it: p50 %.1fx, p99 %.1fx, p99.9 %.1fx%n",
                            ratio(latency, floor, 50), ratio(latency, floor, 99), ratio(latency, floor, 99.9),
                            ratio(latency, loadedFloor, 50), ratio(latency, loadedFloor, 99),
                            ratio(latency, loadedFloor, 99.9));
                    out.printf(Locale.ROOT, "    receiver got %d of %d packets, ring-full drops %d; allocated: receiver"
                            + " thread %.2f B/msg, conductor thread %.2f B/msg%n", packets, messages, drops,
                            receiverBytes / (double) messages, conductorBytes / (double) messages);
                    out.printf(Locale.ROOT, "    CPU per message: vernissage's receiving threads (%d) %.2f us; the"
                            + " baseline's blocked receive %.2f us%n", pipeline.receivingThreads().length,
                            pipelineCpu / 1e3 / messages, bareCpu / 1e3 / messages);
                }
            } finally {
                reader.stop();
            }
        }
    }

    /** What the sender did in one measured run. */
    private record Sent(double achieved) {
    }

    /**
     * Sends {@code messages} new message numbers and waits until the receiving side has seen them
     * all (so no straggler can fall into the next run's histogram).
     */
    private Sent measure(PacedSender sender, Recorder recorder, double rate, int messages) throws IOException {
        long first = nextSequence;
        nextSequence += messages;
        recorder.expect(first, messages);
        PacedSender.Result result = sender.send(first, messages, rate, sentAt);
        recorder.awaitRecorded(messages);
        return new Sent(result.achievedPerSecond());
    }

    private static double ratio(Histogram latency, Histogram floor, double percentile) {
        return latency.getValueAtPercentile(percentile) / (double) Math.max(1, floor.getValueAtPercentile(percentile));
    }

    private static String line(String what, Histogram histogram) {
        return String.format(Locale.ROOT, "  %-54s p50 %7.1f us  p99 %7.1f us  p99.9 %8.1f us  max %8.1f us  (n=%d)",
                what, histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                histogram.getValueAtPercentile(99.9) / 1e3, histogram.getMaxValue() / 1e3, histogram.getTotalCount());
    }

    /**
     * Records, for message numbers in the expected range, the time from send to being seen. The
     * owning thread writes the histogram; the main thread reads it after {@link #awaitRecorded},
     * whose volatile count orders the two.
     */
    private abstract class Recorder {
        private volatile Histogram histogram = new Histogram(HIGHEST_NANOS, 3);
        private volatile long first;
        private volatile long end;
        private volatile long recorded;

        /** Main thread, while nothing is in flight: record {@code count} numbers from {@code firstSequence}. */
        void expect(long firstSequence, int count) {
            histogram = new Histogram(HIGHEST_NANOS, 3);
            recorded = 0;
            end = firstSequence + count;
            first = firstSequence;
        }

        /** Receiving thread: message {@code sequence} was seen at {@code nanos}. */
        final void seen(long sequence, long nanos) {
            if (sequence >= first && sequence < end) {
                histogram.recordValue(Math.max(0, nanos - sentAt.get((int) sequence)));
                recorded = recorded + 1;
            }
        }

        void awaitRecorded(int messages) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (recorded < messages) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(getClass().getSimpleName() + ": only " + recorded + " of "
                            + messages + " messages seen in 10 s");
                }
                LockSupport.parkNanos(1_000_000);
            }
        }

        Histogram histogram() {
            return histogram;
        }
    }

    /** Stands in for the render thread: latches snapshots and notes new message numbers. */
    private final class SnapshotReader extends Recorder implements Runnable {
        private final OscPipeline pipeline;
        private final ReaderWait wait;
        private final Thread thread;
        private volatile boolean running = true;
        /** Polls only while asked to, so that it does not load the machine during the bare baseline. */
        private volatile boolean polling;

        SnapshotReader(OscPipeline pipeline, ReaderWait wait) {
            this.pipeline = pipeline;
            this.wait = wait;
            this.thread = new Thread(this, "bench-snapshot-reader");
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        /**
         * Polls (or stops) with nothing to record: nothing is sent to the pipeline meanwhile, so
         * the snapshot keeps showing the last number of the previous run, which is not new.
         */
        void pollIdly(boolean on) {
            polling = on;
        }

        @Override
        void expect(long firstSequence, int count) {
            super.expect(firstSequence, count);
            polling = true;
        }

        @Override
        void awaitRecorded(int messages) {
            try {
                super.awaitRecorded(messages);
            } finally {
                polling = false;
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }

        @Override
        public void run() {
            int slot = pipeline.energySlot();
            long last = -1;
            while (running) {
                if (!polling) {
                    LockSupport.parkNanos(1_000_000);
                    continue;
                }
                ParameterSnapshot snapshot = pipeline.snapshots().latch();
                long sequence = PacedSender.sequenceOf(snapshot.value(slot));
                // Not a message number (the artwork's default value, before the first message)?
                if (sequence >= sentAt.length()) {
                    sequence = -1;
                }
                if (sequence > last) {
                    long now = System.nanoTime();
                    for (long s = Math.max(0, last + 1); s <= sequence; s++) {
                        seen(s, now);
                    }
                    last = sequence;
                } else {
                    switch (wait) {
                        case YIELD -> Thread.yield();
                        case SPIN -> Thread.onSpinWait();
                        case PARK -> LockSupport.parkNanos(1);
                    }
                }
            }
        }
    }

    /** The baseline: a bare socket and a thread blocked in receive, stamping each datagram. */
    private final class BareReceiver extends Recorder implements AutoCloseable, Runnable {
        private final DatagramChannel channel;
        private final Thread thread;

        BareReceiver() throws IOException {
            channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, PacedSender.SOCKET_BUFFER_BYTES);
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
            thread = new Thread(this, "bench-bare-udp-receiver");
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() throws IOException {
            return (InetSocketAddress) channel.getLocalAddress();
        }

        int receiveBufferBytes() throws IOException {
            return channel.getOption(StandardSocketOptions.SO_RCVBUF);
        }

        @Override
        public void run() {
            ByteBuffer datagram = ByteBuffer.allocateDirect(2048);
            try {
                while (true) {
                    datagram.clear();
                    channel.receive(datagram);
                    long now = System.nanoTime();
                    seen(PacedSender.sequenceOf(datagram.getFloat(OscPackets.ENERGY_ARGUMENT_OFFSET)), now);
                }
            } catch (ClosedChannelException closed) {
                // close(): done
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
