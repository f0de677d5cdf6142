package org.vernissage.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.RingWaitStrategy;

/**
 * End-to-end benchmark: the highest rate at which an OSC receiver gets every message sent to it
 * over loopback UDP (sustained, loss-free), and the bytes its receiving threads allocate per
 * message, for Vernissage's OSC input and for JavaOSC 0.8's own receiver, measured in the same run.
 *
 * <p>Method. A {@link PacedSender} on the main thread sends N distinct numbered messages
 * ({@code /vernissage/tidewater/energy ,f n*2^-24}, one per datagram, 40 bytes) at a fixed target
 * rate, N = rate x trial seconds. The receiver counts what reaches its consumer: for Vernissage the
 * values the conductor applied and published in a snapshot (receiver, router, ring, conductor with
 * the artwork's conditioner, all real, see {@link OscPipeline}); for JavaOSC the messages its
 * dispatcher handed to the listener. After the last send the benchmark waits until the count stops
 * moving; a trial is clean when every message arrived. A rate is loss-free when all its trials are
 * clean. Rates step up a ladder (10k, 20k, 40k ... msg/s) until a trial loses messages, then a
 * geometric bisection between the last loss-free rate and the first lossy one narrows the limit.
 * The two receivers take turns, trial by trial, so that both see the same machine load.
 *
 * <p>Bytes per message: {@code ThreadMXBean#getThreadAllocatedBytes} of the receiving threads over
 * the trial (Vernissage: the UDP thread and the conductor thread; JavaOSC: its listening thread,
 * which parses and dispatches) divided by the messages sent, for clean trials. The same threads'
 * CPU time per message delivered ({@code getThreadCpuTime}) says how much of a core each design
 * needs per message, which on 2 cores shared with the sender is what sets the loss-free rate.
 *
 * <p>Run: {@code bench/run-receive.sh} (from the repository root; see its header for options).
 * Runs on the main thread; the receivers' threads are their own.
 */
public final class OscReceiveRate {

    private static final long SETTLE_QUIET_NANOS = 300_000_000L;
    private static final long SETTLE_MAX_NANOS = 10_000_000_000L;
    /** Below this share of the target rate, the sender, not the receiver, set the pace. */
    private static final double SENDER_SHORT = 0.95;

    private final Options options;
    private final PrintStream out;

    private OscReceiveRate(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** The command line, parsed. */
    record Options(double seconds, int trials, double[] rates, int refineSteps, boolean defaultBufferBaseline,
                   RingWaitStrategy waitStrategy, int ringSize, Path artwork, List<RingWaitStrategy> alsoWaits) {

        static Options parse(String[] args) {
            double seconds = 2;
            int trials = 3;
            double[] rates = {10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 1_280_000};
            int refine = 3;
            boolean defaultBuffer = false;
            RingWaitStrategy wait = RingWaitStrategy.DEFAULT;
            int ringSize = InputRing.DEFAULT_SIZE;
            List<RingWaitStrategy> also = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--seconds" -> { seconds = Double.parseDouble(value); i++; }
                    case "--trials" -> { trials = Integer.parseInt(value); i++; }
                    case "--rates" -> { rates = Arrays.stream(value.split(",")).mapToDouble(Double::parseDouble).toArray(); i++; }
                    case "--refine" -> { refine = Integer.parseInt(value); i++; }
                    case "--ring-wait" -> { wait = waitNamed(value); i++; }
                    case "--ring-size" -> { ringSize = Integer.parseInt(value); i++; }
                    case "--also-ring-wait" -> { also.add(waitNamed(value)); i++; }
                    case "--javaosc-default-buffer" -> defaultBuffer = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (expected --seconds S --trials N --rates R1,R2,.. --refine N --ring-wait hosted|backoff|blocking|yielding"
                            + " --also-ring-wait W --ring-size POWER_OF_TWO --javaosc-default-buffer)");
                }
            }
            return new Options(seconds, trials, rates, refine, defaultBuffer, wait, ringSize,
                    Path.of(System.getProperty("vernissage.artwork", "artworks/tidewater")), List.copyOf(also));
        }

        private static RingWaitStrategy waitNamed(String name) {
            return RingWaitStrategy.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** One trial's outcome. */
    record Trial(String target, double rate, int sent, double achieved, long delivered, long kernelDrops,
                 long ringDrops, long allocatedBytes, long cpuNanos, long socketCpuNanos, long worstLagNanos) {

        long lost() {
            return sent - delivered;
        }

        boolean clean() {
            return lost() == 0;
        }

        boolean senderShort() {
            return achieved < SENDER_SHORT * rate;
        }

        double bytesPerMessage() {
            return allocatedBytes / (double) sent;
        }

        /** CPU time of the receiving threads per message delivered, in microseconds. */
        double cpuMicrosPerMessage() {
            return cpuNanos / 1e3 / Math.max(1, delivered);
        }

        /** CPU time of the socket-reading thread alone per message delivered, in microseconds. */
        double socketCpuMicrosPerMessage() {
            return socketCpuNanos / 1e3 / Math.max(1, delivered);
        }
    }

    /** Where one receiver's limit lies so far. */
    private static final class Search {
        final ReceiveTarget target;
        final PacedSender sender;
        final List<Trial> trials = new ArrayList<>();
        double highestClean;          // target rate, all trials clean
        double highestCleanAchieved;  // the lowest rate the sender kept at it
        double lowestLossy = Double.POSITIVE_INFINITY;
        /** The lowest target rate the sender could not hold: trials there say nothing about loss. */
        double lowestShort = Double.POSITIVE_INFINITY;

        Search(ReceiveTarget target) throws IOException {
            this.target = target;
            this.sender = new PacedSender(target.address());
        }

        boolean climbing() {
            return upperBound() == Double.POSITIVE_INFINITY;
        }

        /** The lowest rate known not to be loss-free, or that could not be tried. */
        double upperBound() {
            return Math.min(lowestLossy, lowestShort);
        }

        /** True when no loss was ever seen at a rate the sender held: the limit is above what was measurable. */
        boolean lowerBoundOnly() {
            return lowestLossy == Double.POSITIVE_INFINITY;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new OscReceiveRate(options, System.out).run();
    }

    private void run() throws Exception {
        out.printf(Locale.ROOT, "OSC receive over loopback UDP: highest loss-free rate and bytes per message,"
                + " %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"));
        out.printf(Locale.ROOT, "trials of %.1f s (at least 20000 messages), %d per rate, rates %s msg/s, then %d"
                + " bisection steps; a rate is loss-free when all its trials lose 0 messages%n",
                options.seconds(), options.trials(), Arrays.toString(options.rates()), options.refineSteps());
        List<Search> searches = new ArrayList<>();
        try {
            searches.add(new Search(new JavaOscTarget(true)));
            if (options.defaultBufferBaseline()) {
                searches.add(new Search(new JavaOscTarget(false)));
            }
            searches.add(new Search(new VernissageTarget("vernissage", options.artwork(), options.waitStrategy(),
                    options.ringSize())));
            // Other waits in the same run, taking turns with the rest: before/after on one machine state.
            for (RingWaitStrategy also : options.alsoWaits()) {
                searches.add(new Search(new VernissageTarget("vernissage-" + also.cliName(), options.artwork(), also,
                        options.ringSize())));
            }
            for (Search search : searches) {
                out.println("  " + search.target.name() + ": " + search.target.describe());
            }
            warmUp(searches);
            climb(searches);
            refine(searches);
            summarize(searches);
        } finally {
            for (Search search : searches) {
                search.sender.close();
                search.target.close();
            }
        }
    }

    /** Runs each receiver's hot path through the JIT before anything is counted. */
    private void warmUp(List<Search> searches) throws IOException {
        for (Search search : searches) {
            for (int round = 0; round < 3; round++) {
                long before = search.target.delivered();
                search.sender.send(0, 20_000, 20_000, null);
                settle(search.target, before, 20_000);
            }
        }
        out.println("warm-up: 3 x 20000 messages at 20000/s per receiver, not counted");
        out.printf(Locale.ROOT, "%-24s %9s %9s %9s %9s %7s %8s %8s %9s %8s %8s %10s%n", "receiver", "target/s", "sent/s",
                "sent", "delivered", "lost", "kernel", "ring", "B/msg", "cpu us", "sock us", "max lag us");
        out.println("  (kernel: socket-buffer drops, machine-wide; ring: refused ring-full; cpu us: CPU time per message of"
                + " the receiving threads, sock us: of the socket thread alone; max lag: the sender's worst delay)");
    }

    private void climb(List<Search> searches) throws IOException {
        for (double rate : options.rates()) {
            List<Search> active = searches.stream().filter(Search::climbing).toList();
            if (active.isEmpty()) {
                return;
            }
            measureRate(active, rate);
        }
    }

    private void refine(List<Search> searches) throws IOException {
        for (int step = 0; step < options.refineSteps(); step++) {
            Map<Search, Double> next = new LinkedHashMap<>();
            for (Search search : searches) {
                double upper = search.upperBound();
                if (upper == Double.POSITIVE_INFINITY || search.highestClean == 0) {
                    continue;
                }
                double mid = Math.round(Math.sqrt(search.highestClean * upper) / 1000) * 1000.0;
                if (mid > search.highestClean && mid < upper) {
                    next.put(search, mid);
                }
            }
            if (next.isEmpty()) {
                return;
            }
            // Each receiver at its own midpoint, still taking turns trial by trial.
            measureRates(next);
        }
    }

    private void measureRate(List<Search> searches, double rate) throws IOException {
        Map<Search, Double> rates = new LinkedHashMap<>();
        for (Search search : searches) {
            rates.put(search, rate);
        }
        measureRates(rates);
    }

    /** Up to {@code trials} trials per receiver at its rate, taking turns; a lossy or short trial ends its series. */
    private void measureRates(Map<Search, Double> rates) throws IOException {
        Map<Search, Boolean> lossy = new LinkedHashMap<>();
        Map<Search, Boolean> shortOfRate = new LinkedHashMap<>();
        Map<Search, Double> lowestAchieved = new LinkedHashMap<>();
        for (Search search : rates.keySet()) {
            lossy.put(search, false);
            shortOfRate.put(search, false);
            lowestAchieved.put(search, Double.POSITIVE_INFINITY);
        }
        for (int t = 0; t < options.trials(); t++) {
            for (Map.Entry<Search, Double> entry : rates.entrySet()) {
                Search search = entry.getKey();
                if (lossy.get(search) || shortOfRate.get(search)) {
                    continue; // one lossy trial settles it; a short one makes the rate untestable
                }
                Trial trial = trial(search, entry.getValue());
                search.trials.add(trial);
                print(trial);
                lowestAchieved.merge(search, trial.achieved(), Math::min);
                if (trial.senderShort()) {
                    shortOfRate.put(search, true); // what it lost (if anything) was at another rate
                } else if (!trial.clean()) {
                    lossy.put(search, true);
                }
            }
        }
        for (Map.Entry<Search, Double> entry : rates.entrySet()) {
            Search search = entry.getKey();
            double rate = entry.getValue();
            if (shortOfRate.get(search)) {
                search.lowestShort = Math.min(search.lowestShort, rate);
            } else if (lossy.get(search)) {
                search.lowestLossy = Math.min(search.lowestLossy, rate);
            } else if (rate > search.highestClean) {
                search.highestClean = rate;
                search.highestCleanAchieved = lowestAchieved.get(search);
            }
        }
    }

    private Trial trial(Search search, double rate) throws IOException {
        int messages = (int) Math.max(20_000, Math.round(rate * options.seconds()));
        ReceiveTarget target = search.target;
        long delivered = target.delivered();
        long allocated = target.allocatedBytes();
        long cpu = target.cpuNanos();
        long socketCpu = target.socketThreadCpuNanos();
        long kernel = KernelUdpDrops.receiveBufferErrors();
        long ring = target instanceof VernissageTarget v ? v.ringFullDrops() : 0;
        PacedSender.Result sent = search.sender.send(0, messages, rate, null);
        long arrived = settle(target, delivered, messages);
        long allocatedAfter = target.allocatedBytes();
        long cpuAfter = target.cpuNanos();
        long socketCpuAfter = target.socketThreadCpuNanos();
        long kernelAfter = KernelUdpDrops.receiveBufferErrors();
        long ringAfter = target instanceof VernissageTarget v ? v.ringFullDrops() : 0;
        return new Trial(target.name(), rate, messages, sent.achievedPerSecond(), arrived,
                kernel < 0 ? -1 : kernelAfter - kernel, ringAfter - ring, allocatedAfter - allocated,
                cpuAfter - cpu, socketCpuAfter - socketCpu, sent.worstLagNanos());
    }

    /** Waits until {@code expected} more messages arrived or the count stopped moving; returns the count. */
    private static long settle(ReceiveTarget target, long before, long expected) {
        long start = System.nanoTime();
        long last = -1;
        long lastChange = start;
        while (true) {
            long arrived = target.delivered() - before;
            long now = System.nanoTime();
            if (arrived >= expected || now - start > SETTLE_MAX_NANOS) {
                return arrived;
            }
            if (arrived != last) {
                last = arrived;
                lastChange = now;
            } else if (now - lastChange > SETTLE_QUIET_NANOS) {
                return arrived;
            }
            LockSupport.parkNanos(2_000_000);
        }
    }

    private void print(Trial trial) {
        out.printf(Locale.ROOT, "%-24s %9.0f %9.0f %9d %9d %7d %8s %8d %9.2f %8.2f %8.2f %10.0f%s%n", trial.target(),
                trial.rate(), trial.achieved(), trial.sent(), trial.delivered(), trial.lost(),
                trial.kernelDrops() < 0 ? "n/a" : Long.toString(trial.kernelDrops()), trial.ringDrops(),
                trial.bytesPerMessage(), trial.cpuMicrosPerMessage(), trial.socketCpuMicrosPerMessage(),
                trial.worstLagNanos() / 1e3,
                trial.senderShort() ? "  (sender short of the target rate)" : "");
    }

    private void summarize(List<Search> searches) {
        out.println();
        out.println("summary (loss-free = every trial at that target rate lost 0 messages)");
        Search baseline = searches.get(0);
        for (Search search : searches) {
            String limit;
            if (search.highestClean == 0) {
                limit = "no loss-free rate found (lowest tried lost messages)";
            } else if (search.lowestLossy != Double.POSITIVE_INFINITY && search.lowestLossy <= search.lowestShort) {
                limit = String.format(Locale.ROOT, "loss-free up to %.0f msg/s (sender kept >= %.0f), lost at %.0f",
                        search.highestClean, search.highestCleanAchieved, search.lowestLossy);
            } else if (search.lowestShort != Double.POSITIVE_INFINITY) {
                limit = String.format(Locale.ROOT, "loss-free up to %.0f msg/s (sender kept >= %.0f); the sender could"
                        + " not hold %.0f beside this receiver, so the limit is at least %.0f%s",
                        search.highestClean, search.highestCleanAchieved, search.lowestShort, search.highestClean,
                        search.lowestLossy == Double.POSITIVE_INFINITY ? ""
                                : String.format(Locale.ROOT, " (lost at %.0f)", search.lowestLossy));
            } else {
                limit = String.format(Locale.ROOT, "loss-free up to %.0f msg/s (sender kept >= %.0f); no loss at any"
                        + " rate tried: raise --rates to find the limit", search.highestClean, search.highestCleanAchieved);
            }
            out.printf(Locale.ROOT, "  %-24s %s%n", search.target.name(), limit);
            out.printf(Locale.ROOT, "  %-24s bytes per message over clean trials: %s%n", "", bytesRange(search));
            out.printf(Locale.ROOT, "  %-24s CPU us per message over clean trials, receiving threads: %s;"
                    + " socket thread: %s%n", "", range(search, Trial::cpuMicrosPerMessage),
                    range(search, Trial::socketCpuMicrosPerMessage));
            out.printf(Locale.ROOT, "  %-24s counters at the end: %s%n", "", search.target.notes());
        }
        double common = highestCommonCleanRate(searches);
        if (common > 0) {
            out.printf(Locale.ROOT, "  at %.0f msg/s (the highest rate at which every receiver had clean trials), per"
                    + " message:", common);
            for (Search search : searches) {
                out.printf(Locale.ROOT, " %s %s;", search.target.name(), bytesAt(search, common));
            }
            out.println();
        }
        for (Search search : searches) {
            if (search == baseline || baseline.highestClean == 0) {
                continue;
            }
            String bound = search.lowerBoundOnly() && baseline.lowerBoundOnly() ? " (both limits are lower bounds)"
                    : search.lowerBoundOnly() ? " (at least: " + search.target.name() + "'s limit is a lower bound)"
                    : baseline.lowerBoundOnly() ? " (at most: " + baseline.target.name() + "'s limit is a lower bound)"
                    : "";
            out.printf(Locale.ROOT, "  ratio %s / %s loss-free rate: %.2f%s%n", search.target.name(),
                    baseline.target.name(), search.highestClean / baseline.highestClean, bound);
        }
    }

    /** The highest target rate at which every receiver had at least one clean trial; 0 if none. */
    private static double highestCommonCleanRate(List<Search> searches) {
        double best = 0;
        for (Trial trial : searches.get(0).trials) {
            double rate = trial.rate();
            boolean everywhere = rate > best && searches.stream().allMatch(
                    s -> s.trials.stream().anyMatch(t -> t.clean() && t.rate() == rate));
            if (everywhere) {
                best = rate;
            }
        }
        return best;
    }

    private static String bytesRange(Search search) {
        return range(search, Trial::bytesPerMessage);
    }

    private static String range(Search search, java.util.function.ToDoubleFunction<Trial> metric) {
        double[] values = search.trials.stream().filter(Trial::clean).mapToDouble(metric).sorted().toArray();
        if (values.length == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "median %.2f, range %.2f .. %.2f (%d trials)",
                values[values.length / 2], values[0], values[values.length - 1], values.length);
    }

    private static String bytesAt(Search search, double rate) {
        List<Trial> clean = search.trials.stream().filter(t -> t.clean() && t.rate() == rate).toList();
        if (clean.isEmpty()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f B, %.2f CPU us (medians of %d)",
                median(clean, Trial::bytesPerMessage), median(clean, Trial::cpuMicrosPerMessage), clean.size());
    }

    private static double median(List<Trial> trials, java.util.function.ToDoubleFunction<Trial> metric) {
        double[] values = trials.stream().mapToDouble(metric).sorted().toArray();
        return values[values.length / 2];
    }
}
