package org.vernissage.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.sensors.osc.OscDropReason;

/**
 * End-to-end benchmark: an OSC packet sent over loopback UDP to the moment the conductor publishes
 * the parameter snapshot that carries its value (the moment the render thread can latch it), at
 * fixed message rates (1k and 10k per second by default); p50, p99, p99.9. Baseline, in the same
 * run at the same rates: bare one-way loopback UDP, the same packet to a thread blocked in
 * {@code receive}, stamped as the call returns.
 *
 * <p>Vernissage side: the real {@link OscPipeline} (OscUdpReceiver, OscBindingRouter, InputRing of
 * the app's size and wait strategy, Conductor with Tidewater's BindingConditioner,
 * SnapshotExchange), with a {@link PublicationStamper} around the conductor that stamps message
 * {@code n} on the conductor thread as the snapshot carrying it is published. Message {@code n}
 * carries {@code n * 2^-24} (see {@link PacedSender}), which the linear energy binding passes
 * through unchanged; the sender notes each message's send time under its number, and a snapshot
 * carrying number {@code n} carries every message up to {@code n}, so each of them counts as
 * published at that moment. Both sides thus run two threads (the sender and one receiving
 * thread: the bare receiver, or the conductor hosting the OSC receiver), and both stamp on the
 * receiving thread the moment the data is theirs.
 *
 * <p>Interleaved blocks: per rate, blocks of {@code --block-seconds} of messages (1 s by default)
 * go to each side in turn, the order rotated every cycle, until each side has had
 * {@code --seconds}, after {@code --warmup-seconds} (10 by default) of the same blocks unrecorded;
 * both receivers are set up once. A noisy stretch of the machine thus falls on both sides alike. Reported: pooled p50/p99/p99.9 per side, the pooled p99 ratio (what the target
 * is judged on) and the median over the cycles of the per-block p99 ratio (how steady it is).
 *
 * <p>Secondary, unless {@code --reader none}: a third kind of block in the same rotation, where a
 * reader thread stands in for the render thread, latching the exchange over and over (waiting
 * between latches as {@code --reader} says), and stamps a number when it first sees it. It adds
 * the reader's own polling delay and a third runnable thread; it never runs during the other
 * blocks (it parks until the main thread wakes it).
 *
 * <p>With {@code --selector-floor}, one more kind of block: a bare receiver that waits as the hosted
 * conductor does (a non-blocking socket, {@code Selector.select}, then one {@code receive}), with
 * nothing of the engine after it; how much of the pipeline's ratio to bare UDP the selector's wait
 * already takes. {@code --floor-work-us N} makes that receiver spin N us after each receive
 * before it stamps: what N us of work right after a wake-up costs on this machine.
 *
 * <p>Each side's latency is also printed at a ladder of percentiles (where its tail starts), and
 * the Vernissage side's split at the receiver's arrival stamp (the event's own): what comes after
 * it is the engine's own work, decoding, routing, conducting and publishing, on the conductor
 * thread.
 *
 * <p>The sender keeps a fixed schedule (see {@link PacedSender}, the same for every side); latency
 * is taken from the actual send, so a late send never hides a slow receiver. Loss is checked.
 *
 * <p>Run: {@code bench/run-snapshot-latency.sh [--seconds S] [--block-seconds B] [--warmup-seconds W] [--rates R1,R2]
 * [--reader yield|spin|park|none] [--ring-wait hosted|...] [--selector-floor]}, from the repository root. The main
 * thread sends; the receiving threads are the bare receiver's, the pipeline's and the reader's.
 */
public final class OscSnapshotLatency {

    private static final long HIGHEST_NANOS = 60_000_000_000L;
    private static final int WARM_UP_MESSAGES = 30_000;
    private static final double WARM_UP_RATE = 10_000;

    private final PrintStream out;
    private final AtomicLongArray sentAt;
    private final SequenceStamps bareStamps;
    private final SequenceStamps selectorStamps;
    private final SequenceStamps publishedStamps;
    private final SequenceStamps receivedStamps;
    private final SequenceStamps readerStamps;
    private long nextSequence;

    private OscSnapshotLatency(PrintStream out, int totalMessages) {
        this.out = out;
        this.sentAt = new AtomicLongArray(totalMessages);
        this.bareStamps = new SequenceStamps("bare receiver", totalMessages);
        this.selectorStamps = new SequenceStamps("selector receiver", totalMessages);
        this.publishedStamps = new SequenceStamps("conductor publication", totalMessages);
        this.receivedStamps = new SequenceStamps("receiver's arrival stamp", totalMessages);
        this.readerStamps = new SequenceStamps("snapshot reader", totalMessages);
    }

    /** How the reader thread waits between two latches that showed nothing new. */
    enum ReaderWait {
        /** {@link Thread#yield()}: hands the core to any runnable thread, else polls again at once. */
        YIELD,
        /** {@link Thread#onSpinWait()}: polls flat out, a whole core. */
        SPIN,
        /** {@code LockSupport.parkNanos(1)}: sleeps a timer slack (about 50-60 us on Linux). */
        PARK,
        /** No reader blocks at all. */
        NONE
    }

    /** Which kind of block: who receives, and who stamps. */
    private enum Side {
        /** The bare receiver, stamped as {@code receive} returns. */
        BARE,
        /** The pipeline, stamped as the conductor publishes; nothing else running. */
        PUBLISHED,
        /** The pipeline with the polling reader, stamped by both the conductor and the reader. */
        READER,
        /** A bare receiver waiting in a selector as the hosted conductor does, stamped as its receive returns. */
        SELECTOR
    }

    /** The command line, parsed. */
    record Options(double seconds, double blockSeconds, double warmUpSeconds, double[] rates,
                   RingWaitStrategy ringWait, int ringSize, ReaderWait readerWait, boolean selectorFloor,
                   double floorWorkMicros, Path artwork) {

        static Options parse(String[] args) {
            double seconds = 20;
            double blockSeconds = 1;
            double warmUpSeconds = 10;
            double[] rates = {1_000, 10_000};
            RingWaitStrategy ringWait = RingWaitStrategy.DEFAULT;
            ReaderWait readerWait = ReaderWait.YIELD;
            int ringSize = InputRing.DEFAULT_SIZE;
            boolean selectorFloor = false;
            double floorWorkMicros = 0;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--seconds" -> { seconds = Double.parseDouble(value); i++; }
                    case "--block-seconds" -> { blockSeconds = Double.parseDouble(value); i++; }
                    case "--warmup-seconds" -> { warmUpSeconds = Double.parseDouble(value); i++; }
                    case "--rates" -> { rates = Arrays.stream(value.split(",")).mapToDouble(Double::parseDouble).toArray(); i++; }
                    case "--ring-wait" -> { ringWait = RingWaitStrategy.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_')); i++; }
                    case "--reader" -> { readerWait = ReaderWait.valueOf(value.toUpperCase(Locale.ROOT)); i++; }
                    case "--ring-size" -> { ringSize = Integer.parseInt(value); i++; }
                    case "--selector-floor" -> selectorFloor = true;
                    case "--floor-work-us" -> { floorWorkMicros = Double.parseDouble(value); selectorFloor = true; i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (expected --seconds S"
                            + " --block-seconds B --warmup-seconds W --rates R1,R2,.. --ring-wait hosted|backoff|blocking|sleeping|yielding"
                            + "|busy-spin --ring-size N --reader yield|spin|park|none --selector-floor --floor-work-us N)");
                }
            }
            if (!(blockSeconds > 0) || !(seconds >= blockSeconds)) {
                throw new IllegalArgumentException("--block-seconds must be > 0 and at most --seconds, got "
                        + blockSeconds + " and " + seconds);
            }
            if (!(warmUpSeconds >= 0)) {
                throw new IllegalArgumentException("--warmup-seconds must be >= 0, got " + warmUpSeconds);
            }
            return new Options(seconds, blockSeconds, warmUpSeconds, rates, ringWait, ringSize, readerWait, selectorFloor,
                    floorWorkMicros, Path.of(System.getProperty("vernissage.artwork", "artworks/tidewater")));
        }

        List<Side> sides() {
            List<Side> sides = new ArrayList<>(List.of(Side.BARE, Side.PUBLISHED));
            if (readerWait != ReaderWait.NONE) {
                sides.add(Side.READER);
            }
            if (selectorFloor) {
                sides.add(Side.SELECTOR);
            }
            return List.copyOf(sides);
        }

        int cycles() {
            return (int) Math.max(1, Math.round(seconds / blockSeconds));
        }

        /** Cycles played unrecorded before each rate's recorded ones. */
        int warmUpCycles() {
            return (int) Math.round(warmUpSeconds / blockSeconds);
        }

        int blockMessages(double rate) {
            return (int) Math.max(1, Math.round(rate * blockSeconds));
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int sides = options.sides().size();
        long total = (long) sides * WARM_UP_MESSAGES;
        for (double rate : options.rates()) {
            total += (long) sides * (options.cycles() + options.warmUpCycles()) * options.blockMessages(rate);
        }
        if (total >= PacedSender.MAX_SEQUENCE) {
            throw new IllegalArgumentException("too many messages for exact sequence numbers: " + total);
        }
        new OscSnapshotLatency(System.out, (int) total).run(options);
    }

    private void run(Options options) throws Exception {
        Path artwork = options.artwork();
        out.printf(Locale.ROOT, "OSC packet -> parameter snapshot latency over loopback UDP, %s, %d cores, %s%n",
                artwork.getFileName(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        try (OscPipeline pipeline = new OscPipeline(artwork, options.ringWait(), options.ringSize(), publishedStamps,
                receivedStamps);
             BareUdpReceiver bare = new BareUdpReceiver(PacedSender.SOCKET_BUFFER_BYTES, (datagram, nanos) ->
                     bareStamps.stamp(PacedSender.sequenceOf(datagram.getFloat(OscPackets.ENERGY_ARGUMENT_OFFSET)), nanos));
             BareUdpReceiver selecting = new BareUdpReceiver(PacedSender.SOCKET_BUFFER_BYTES,
                     BareUdpReceiver.Wait.SELECTOR, Math.round(options.floorWorkMicros() * 1e3),
                     (datagram, nanos) -> selectorStamps.stamp(
                             PacedSender.sequenceOf(datagram.getFloat(OscPackets.ENERGY_ARGUMENT_OFFSET)), nanos))) {
            out.printf(Locale.ROOT, "  vernissage: OscUdpReceiver (SO_RCVBUF granted %d) -> router -> InputRing(%d,"
                    + " %s) -> Conductor + BindingConditioner -> SnapshotExchange; stamped on the conductor thread as"
                    + " the snapshot carrying the message is published%n",
                    pipeline.socketReceiveBufferBytes(), pipeline.ringSize(), options.ringWait());
            out.printf(Locale.ROOT, "  baseline:   DatagramChannel (SO_RCVBUF granted %d), one thread blocked in"
                    + " receive, stamping each datagram as it returns%n", bare.receiveBufferBytes());
            out.printf(Locale.ROOT, "  interleaved: per rate, blocks of %.3g s per side in turn (%s), order rotated each"
                    + " cycle, %d cycles (%.3g s per side) after %d played unrecorded%s%n", options.blockSeconds(),
                    options.sides(), options.cycles(), options.cycles() * options.blockSeconds(), options.warmUpCycles(),
                    options.readerWait() == ReaderWait.NONE ? ""
                            : "; READER blocks: a reader latching the exchange, waiting by " + options.readerWait());
            SnapshotReader reader = new SnapshotReader(pipeline);
            if (options.readerWait() != ReaderWait.NONE) {
                reader.start(options.readerWait());
            }
            if (options.selectorFloor()) {
                out.printf(Locale.ROOT, "  selector floor: the same bare socket non-blocking, its thread asleep in"
                        + " Selector.select, then one receive, stamped as it returns (the hosted conductor's wait,"
                        + " nothing after it but %.3g us of spinning)%n", options.floorWorkMicros());
            }
            try (PacedSender toPipeline = new PacedSender(pipeline.address());
                 PacedSender toBare = new PacedSender(bare.address());
                 PacedSender toSelecting = new PacedSender(selecting.address())) {
                Blocks blocks = new Blocks(pipeline, bare, selecting, reader, toPipeline, toBare, toSelecting);
                for (Side side : options.sides()) {
                    blocks.run(side, WARM_UP_RATE, WARM_UP_MESSAGES, null);
                }
                out.printf(Locale.ROOT, "warm-up: %d messages at %.0f/s through each side, not counted%n",
                        WARM_UP_MESSAGES, WARM_UP_RATE);
                double judged = Double.NaN;
                for (double rate : options.rates()) {
                    List<Side> sides = options.sides();
                    // the rate's own pattern first, unrecorded: a switch from the 10k/s warm-up to
                    // paced blocks takes other branches (the sender parks, one datagram per wake-up),
                    // which the JIT would otherwise deoptimise and recompile inside recorded blocks
                    for (int cycle = 0; cycle < options.warmUpCycles(); cycle++) {
                        for (int k = 0; k < sides.size(); k++) {
                            blocks.run(sides.get((k + cycle) % sides.size()), rate, options.blockMessages(rate), null);
                        }
                    }
                    RateResult result = new RateResult(rate, options.blockMessages(rate), pipeline);
                    for (int cycle = 0; cycle < options.cycles(); cycle++) {
                        for (int k = 0; k < sides.size(); k++) {
                            blocks.run(sides.get((k + cycle) % sides.size()), rate, result.blockMessages, result);
                        }
                    }
                    result.report(pipeline, options);
                    if (rate == 1_000) {
                        judged = result.pooledP99Ratio();
                    }
                }
                if (!Double.isNaN(judged)) {
                    out.printf(Locale.ROOT, "%nissue 8 target (a), judged: 1k/s packet -> published snapshot p99 / bare"
                            + " UDP p99 (pooled, same run) = %.2fx (target at most 1.3x)%n", judged);
                }
            } finally {
                reader.stop();
            }
        }
    }

    /** Runs one block of messages through one side; the main thread's. */
    private final class Blocks {
        private final OscPipeline pipeline;
        private final BareUdpReceiver bare;
        private final BareUdpReceiver selecting;
        private final SnapshotReader reader;
        private final PacedSender toPipeline;
        private final PacedSender toBare;
        private final PacedSender toSelecting;

        Blocks(OscPipeline pipeline, BareUdpReceiver bare, BareUdpReceiver selecting, SnapshotReader reader,
               PacedSender toPipeline, PacedSender toBare, PacedSender toSelecting) {
            this.pipeline = pipeline;
            this.bare = bare;
            this.selecting = selecting;
            this.reader = reader;
            this.toPipeline = toPipeline;
            this.toBare = toBare;
            this.toSelecting = toSelecting;
        }

        /** Sends one block and waits until every stamp of it is in; adds it to {@code result} when given. */
        void run(Side side, double rate, int messages, RateResult result) throws IOException {
            long first = nextSequence;
            nextSequence += messages;
            boolean throughPipeline = side == Side.PUBLISHED || side == Side.READER;
            Thread[] receiving = switch (side) {
                case BARE -> new Thread[] {bare.thread()};
                case SELECTOR -> new Thread[] {selecting.thread()};
                default -> pipeline.receivingThreads();
            };
            long cpuBefore = AllocationMeter.cpuNanos(receiving);
            long bytesBefore = throughPipeline ? AllocationMeter.allocatedBytes(pipeline.conductorThread()) : 0;
            PacedSender.Result sent;
            switch (side) {
                case BARE -> {
                    bareStamps.expect(first, messages);
                    sent = toBare.send(first, messages, rate, sentAt);
                    bareStamps.awaitStamped(messages);
                }
                case SELECTOR -> {
                    selectorStamps.expect(first, messages);
                    sent = toSelecting.send(first, messages, rate, sentAt);
                    selectorStamps.awaitStamped(messages);
                }
                case PUBLISHED -> {
                    publishedStamps.expect(first, messages);
                    receivedStamps.expect(first, messages);
                    sent = toPipeline.send(first, messages, rate, sentAt);
                    publishedStamps.awaitStamped(messages);
                    receivedStamps.awaitStamped(messages); // stamped before the publication, on its thread
                }
                default -> {
                    publishedStamps.expect(first, messages);
                    readerStamps.expect(first, messages);
                    reader.startPolling();
                    try {
                        sent = toPipeline.send(first, messages, rate, sentAt);
                        readerStamps.awaitStamped(messages);
                        publishedStamps.awaitStamped(messages);
                    } finally {
                        reader.stopPolling();
                    }
                }
            }
            if (result != null) {
                long cpu = AllocationMeter.cpuNanos(receiving) - cpuBefore;
                long bytes = throughPipeline ? AllocationMeter.allocatedBytes(pipeline.conductorThread()) - bytesBefore : 0;
                result.add(side, first, messages, sent, cpu, bytes);
            }
        }
    }

    /** The blocks of one rate, and what is printed of them; the main thread's. */
    private final class RateResult {
        final double rate;
        final int blockMessages;
        final Histogram bare = new Histogram(HIGHEST_NANOS, 3);
        final Histogram selected = new Histogram(HIGHEST_NANOS, 3);
        final Histogram receivedToPublished = new Histogram(HIGHEST_NANOS, 3);
        final Histogram published = new Histogram(HIGHEST_NANOS, 3);
        final Histogram seenByReader = new Histogram(HIGHEST_NANOS, 3);
        final Histogram publishedBesideReader = new Histogram(HIGHEST_NANOS, 3);
        final List<Long> bareBlockP99 = new ArrayList<>();
        final List<Long> publishedBlockP99 = new ArrayList<>();
        final long packetsBefore;
        final long dropsBefore;
        long pipelineMessages;
        long bareCpu;
        long selectedCpu;
        long publishedCpu;
        long publishedBytes;
        double slowestSend = Double.MAX_VALUE;

        RateResult(double rate, int blockMessages, OscPipeline pipeline) {
            this.rate = rate;
            this.blockMessages = blockMessages;
            this.packetsBefore = pipeline.stats().packetsReceived();
            this.dropsBefore = pipeline.stats().messagesDropped(OscDropReason.RING_FULL);
        }

        void add(Side side, long first, int messages, PacedSender.Result sent, long cpu, long bytes) {
            slowestSend = Math.min(slowestSend, sent.achievedPerSecond());
            switch (side) {
                case BARE -> {
                    Histogram block = latencies(bareStamps, first, messages);
                    bare.add(block);
                    bareBlockP99.add(block.getValueAtPercentile(99));
                    bareCpu += cpu;
                }
                case SELECTOR -> {
                    selected.add(latencies(selectorStamps, first, messages));
                    selectedCpu += cpu;
                }
                case PUBLISHED -> {
                    Histogram block = latencies(publishedStamps, first, messages);
                    published.add(block);
                    for (long s = first; s < first + messages; s++) {
                        receivedToPublished.recordValue(Math.max(0, publishedStamps.at(s) - receivedStamps.at(s)));
                    }
                    publishedBlockP99.add(block.getValueAtPercentile(99));
                    publishedCpu += cpu;
                    publishedBytes += bytes;
                    pipelineMessages += messages;
                }
                default -> {
                    seenByReader.add(latencies(readerStamps, first, messages));
                    publishedBesideReader.add(latencies(publishedStamps, first, messages));
                    pipelineMessages += messages;
                }
            }
        }

        private Histogram latencies(SequenceStamps stamps, long first, int messages) {
            Histogram histogram = new Histogram(HIGHEST_NANOS, 3);
            for (long s = first; s < first + messages; s++) {
                histogram.recordValue(Math.max(0, stamps.at(s) - sentAt.get((int) s)));
            }
            return histogram;
        }

        double pooledP99Ratio() {
            return ratio(published, bare, 99);
        }

        /** The median over cycles of published p99 / bare p99, block by block; and the lowest and highest. */
        double[] blockRatios() {
            double[] ratios = new double[Math.min(bareBlockP99.size(), publishedBlockP99.size())];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = publishedBlockP99.get(i) / (double) Math.max(1, bareBlockP99.get(i));
            }
            Arrays.sort(ratios);
            int n = ratios.length;
            double median = n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
            return new double[] {median, ratios[0], ratios[n - 1], n};
        }

        void report(OscPipeline pipeline, Options options) {
            long packets = pipeline.stats().packetsReceived() - packetsBefore;
            long drops = pipeline.stats().messagesDropped(OscDropReason.RING_FULL) - dropsBefore;
            long bareMessages = bare.getTotalCount();
            long publishedMessages = published.getTotalCount();
            double[] blocks = blockRatios();
            out.printf(Locale.ROOT, "%n%.0f msg/s: %d cycles of %d messages per side, interleaved (sender kept at least"
                    + " %.0f/s in every block)%n", rate, bareBlockP99.size(), blockMessages, slowestSend);
            out.println(line("bare UDP: loopback one-way to a blocked receive", bare));
            out.println(line("vernissage: packet -> snapshot published (conductor)", published));
            out.printf(Locale.ROOT, "    published / bare: p50 %.2fx, p99 %.2fx, p99.9 %.2fx (pooled); p99 per block"
                    + " pair: median %.2fx, lowest %.2fx, highest %.2fx (%d pairs)%n",
                    ratio(published, bare, 50), ratio(published, bare, 99), ratio(published, bare, 99.9),
                    blocks[0], blocks[1], blocks[2], (int) blocks[3]);
            if (selected.getTotalCount() > 0) {
                out.println(line("selector floor: bare socket woken through a selector", selected));
                out.printf(Locale.ROOT, "    selector floor / bare: p50 %.2fx, p99 %.2fx, p99.9 %.2fx; published /"
                        + " selector floor: p50 %.2fx, p99 %.2fx (pooled); CPU per message %.2f us%n",
                        ratio(selected, bare, 50), ratio(selected, bare, 99), ratio(selected, bare, 99.9),
                        ratio(published, selected, 50), ratio(published, selected, 99),
                        selectedCpu / 1e3 / Math.max(1, selected.getTotalCount()));
            }
            out.println(ladder("bare", bare));
            if (selected.getTotalCount() > 0) {
                out.println(ladder("selector floor", selected));
            }
            out.println(ladder("published", published));
            out.println(ladder("of which after", receivedToPublished)
                    + " (the receiver's arrival stamp -> the publication: the engine's own work)");
            if (seenByReader.getTotalCount() > 0) {
                out.println(line("secondary: seen by a polling reader (" + options.readerWait() + ")", seenByReader));
                out.println(line("  same blocks: published, with that reader polling", publishedBesideReader));
                out.printf(Locale.ROOT, "    seen by the reader / bare: p50 %.2fx, p99 %.2fx, p99.9 %.2fx (pooled)%n",
                        ratio(seenByReader, bare, 50), ratio(seenByReader, bare, 99), ratio(seenByReader, bare, 99.9));
            }
            out.printf(Locale.ROOT, "    receiver got %d of %d packets, ring-full drops %d; conductor thread allocated"
                    + " %.2f B/msg (published blocks)%n", packets, pipelineMessages, drops,
                    publishedBytes / (double) Math.max(1, publishedMessages));
            out.printf(Locale.ROOT, "    CPU per message: vernissage's receiving threads (%d) %.2f us (published"
                    + " blocks); the bare receive %.2f us%n", pipeline.receivingThreads().length,
                    publishedCpu / 1e3 / Math.max(1, publishedMessages), bareCpu / 1e3 / Math.max(1, bareMessages));
        }
    }

    private static double ratio(Histogram latency, Histogram floor, double percentile) {
        return latency.getValueAtPercentile(percentile) / (double) Math.max(1, floor.getValueAtPercentile(percentile));
    }

    /** Where the tail starts: the latency at each of a ladder of percentiles. */
    private static String ladder(String what, Histogram histogram) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "    %-15s", what));
        for (double percentile : new double[] {50, 75, 90, 95, 98, 99, 99.5, 99.9}) {
            text.append(String.format(Locale.ROOT, "  p%s %6.1f",
                    percentile % 1 == 0 ? String.valueOf((int) percentile) : String.valueOf(percentile),
                    histogram.getValueAtPercentile(percentile) / 1e3));
        }
        return text.append(" us").toString();
    }

    private static String line(String what, Histogram histogram) {
        return String.format(Locale.ROOT, "  %-54s p50 %7.1f us  p99 %7.1f us  p99.9 %8.1f us  max %8.1f us  (n=%d)",
                what, histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                histogram.getValueAtPercentile(99.9) / 1e3, histogram.getMaxValue() / 1e3, histogram.getTotalCount());
    }

    /**
     * Stands in for the render thread in the READER blocks: latches snapshots and stamps new
     * message numbers. Between those blocks it parks with no timeout, so it loads nothing.
     */
    private final class SnapshotReader implements Runnable {
        private final OscPipeline pipeline;
        private Thread thread;
        private ReaderWait wait;
        private volatile boolean running = true;
        private volatile boolean polling;
        /** Set by the reader once it polls, so the main thread sends only then. */
        private volatile boolean pollingNow;

        SnapshotReader(OscPipeline pipeline) {
            this.pipeline = pipeline;
        }

        void start(ReaderWait how) {
            this.wait = how;
            thread = new Thread(this, "bench-snapshot-reader");
            thread.setDaemon(true);
            thread.start();
        }

        /** Main thread: wakes the reader and returns once it polls. */
        void startPolling() {
            polling = true;
            LockSupport.unpark(thread);
            while (!pollingNow) {
                Thread.onSpinWait();
            }
        }

        /** Main thread: returns once the reader has stopped polling (it then parks). */
        void stopPolling() {
            polling = false;
            while (pollingNow) {
                Thread.onSpinWait();
            }
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                LockSupport.unpark(thread);
                thread.join(5_000);
            }
        }

        @Override
        public void run() {
            while (running) {
                if (!polling) {
                    LockSupport.park(this);
                    continue;
                }
                poll();
            }
        }

        /** Latches until told to stop, stamping each new message number as it first shows. */
        private void poll() {
            int slot = pipeline.energySlot();
            long last = sequenceIn(pipeline.snapshots().latch(), slot);
            pollingNow = true;
            while (polling) {
                long sequence = sequenceIn(pipeline.snapshots().latch(), slot);
                if (sequence > last) {
                    readerStamps.stampRange(last + 1, sequence, System.nanoTime());
                    last = sequence;
                } else {
                    switch (wait) {
                        case SPIN -> Thread.onSpinWait();
                        case PARK -> LockSupport.parkNanos(1);
                        default -> Thread.yield();
                    }
                }
            }
            pollingNow = false;
        }

        /** The message number in {@code snapshot}, or -1 (the artwork's default, before the first message). */
        private long sequenceIn(ParameterSnapshot snapshot, int slot) {
            long sequence = PacedSender.sequenceOf(snapshot.value(slot));
            return sequence < sentAt.length() ? sequence : -1;
        }
    }
}
