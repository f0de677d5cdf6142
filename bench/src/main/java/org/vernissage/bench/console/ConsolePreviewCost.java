package org.vernissage.bench.console;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vernissage.bench.BenchRun;
import org.vernissage.app.ConsoleOptions;
import org.vernissage.app.FrameSize;
import org.vernissage.app.RunOptions;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.Framebuffer;

/**
 * What the web console's live preview costs the show: the frame time of Tidewater headless
 * (unpaced, so that any CPU the consoles take shows as longer frames), with three consoles on
 * sockets as the page is now (status and preview pushed), with three polling as the old page did
 * and its fallback does (status twice a second, preview.jpg three times a second, each on its own
 * keep-alive HTTP connection), and with none, in the same run: phases of {@code seconds} go none /
 * polling / sockets, {@code pairs} rounds, after a warm-up. The run has
 * {@code --console} throughout, so the difference is what looking costs: HTTP, the status JSON,
 * the thumbnails (made only while a console asks, and for 3 s after: a quiet gap, not counted,
 * follows each phase with consoles).
 *
 * <p>The consoles are {@link ConsoleClients} in a JVM of their own, as the browsers are on the
 * technicians' tablets in a show: this process holds only the show. The clients' process is idle
 * (blocked on its stdin) in the phases without consoles; its CPU while polling is reported
 * apart. On this machine it still shares the cores with the show, which a tablet would not.
 *
 * <p>Per frame, two clocks: the interval between the ends of successive frames, each finished
 * with glFinish (what a visitor sees), and the render thread's own CPU time over that interval
 * (with {@code LP_NUM_THREADS=0} llvmpipe rasterises on the render thread, so that is the frame's
 * whole work, with the time other threads took the core away left out). Reported per condition:
 * mean, p50, p99 of every frame of its phases, and the ratios three/none.
 *
 * <p>The console server's code is interpreted or C1-compiled for the first thousands of requests
 * (at 15 a second, the first minutes of a show), and then costs a fraction of what it did:
 * {@code warmRequests} (default 0) are sent back to back before the phases, to measure a show in
 * which a console has been open a while.
 *
 * <p>{@code warmRounds} (default 1) rounds are played first as the measured ones are, unrecorded:
 * the JIT compiles the consoles' code over the first minutes (at 15 requests a second the counters
 * climb slowly), the render loop's C2 version comes after some 100,000 frames, and each switch
 * between phases deoptimises code the next phase recompiles; each compilation takes a core (of
 * two, here) from llvmpipe for milliseconds. The compilers' CPU per phase is reported.
 *
 * <p>With {@code idle-clients} (6th argument) the clients' process runs in {@code SCHED_IDLE}: in a
 * show the consoles are tablets, whose work never lands on the show's cores; here they share the
 * two, and that keeps them off the ones the show wants (the loopback's kernel work and the caches
 * stay shared).
 *
 * <p>Run: {@code bench/run-console-preview.sh [WIDTHxHEIGHT] [seconds] [pairs] [warmRequests] [warmRounds] [idle-clients]} (prefix
 * {@code LP_NUM_THREADS=0} for the CPU clock to be the whole frame). Its main thread drives the
 * phases and the clients' process; the render thread is its own.
 */
public final class ConsolePreviewCost {

    private static final int CONSOLES = ConsoleClients.CONSOLES;
    private static final long STATUS_EVERY_MILLIS = ConsoleClients.STATUS_EVERY_MILLIS;
    private static final long PREVIEW_EVERY_MILLIS = ConsoleClients.PREVIEW_EVERY_MILLIS;
    /**
     * Between a phase with consoles and the next without, uncounted: the preview goes on making
     * thumbnails for 3 s after a console last asked (PreviewFeed), and a phase without consoles is
     * one where none has looked in a while.
     */
    private static final long QUIET_MILLIS = 4000;
    /** Frames a list can hold: an unpaced 160x90 frame takes over 0.5 ms, so enough for 8 minutes of each condition's phases. */
    private static final int MAX_FRAMES = 1_000_000;

    private ConsolePreviewCost() {
    }

    public static void main(String[] args) throws Exception {
        FrameSize size = FrameSize.parse(args.length > 0 ? args[0] : "160x90");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int warmRequests = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int warmRounds = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        boolean clientsIdle = args.length > 5 && args[5].equals("idle-clients");
        if (args.length > 5 && !clientsIdle) {
            throw new IllegalArgumentException("the 6th argument is 'idle-clients' or nothing, got " + args[5]);
        }
        Path artwork = Path.of(System.getProperty("vernissage.artwork", "artworks/tidewater"));
        Path tokenFile = Files.createTempFile("vernissage-bench-console", ".token");
        String token = "bench-console-token-0123456789";
        Files.writeString(tokenFile, token + "\n");
        int port = freePort();
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "console preview cost: tidewater %s headless unpaced, %d consoles in their own process"
                        + " (polling: status every %d ms, preview.jpg every %d ms; or on sockets) vs none,"
                        + " %d x (%d s none + %d s each kind),"
                        + " after %d requests and %d rounds played unrecorded, the clients' process %s, %d cores,"
                        + " LP_NUM_THREADS=%s, %s%n", size, CONSOLES, STATUS_EVERY_MILLIS, PREVIEW_EVERY_MILLIS, pairs,
                seconds, seconds, warmRequests, warmRounds, clientsIdle ? "in SCHED_IDLE" : "at normal priority",
                Runtime.getRuntime().availableProcessors(),
                System.getenv().getOrDefault("LP_NUM_THREADS", "(unset)"), System.getProperty("java.vm.version"));

        FrameClock clock = new FrameClock();
        RunOptions options = RunOptions.defaults(artwork).withSize(size).withOsc("127.0.0.1", 0)
                .withFramesPerSecond(0).withConsole(new ConsoleOptions(port, "127.0.0.1", Optional.of(tokenFile)));
        BenchRun background = BenchRun.start(options, List.of(clock));
        Condition none = Condition.recorded();
        Condition polling = Condition.recorded();
        Condition sockets = Condition.recorded();
        ClientsProcess clients = ClientsProcess.start(port, token, clientsIdle);
        long[] answered;
        try {
            clock.collectInto(null, null);
            Thread.sleep(2000); // warm-up: JIT, shader
            clients.warm(warmRequests); // the server's code compiled, as in a show a console has been open in a while
            // the warm-up plays the measured rounds, unrecorded: the JIT compiles the consoles' code and
            // the render loop's (its C2 OSR version comes after ~100,000 frames), and recompiles what
            // each switch between phases deoptimises; each compilation takes a core from llvmpipe
            Rounds rounds = new Rounds(clock, clients, seconds * 1000L);
            for (int round = 0; round < warmRounds; round++) {
                rounds.play(Condition.unrecorded(), Condition.unrecorded(), Condition.unrecorded());
            }
            clients.resetAnswers();
            for (int round = 0; round < pairs; round++) {
                rounds.play(none, polling, sockets);
            }
            answered = clients.answers();
        } finally {
            clients.close();
            background.close();
            Files.deleteIfExists(tokenFile);
        }
        int measured = pairs * seconds;
        out.println("  frame time (wall clock, frame end to frame end):");
        compare(out, none.wall().sorted(), polling.wall().sorted(), sockets.wall().sorted());
        out.println("  render thread's CPU time per frame:");
        compare(out, none.cpu().sorted(), polling.cpu().sorted(), sockets.cpu().sorted());
        out.printf(Locale.ROOT, "    a polled status, request to answer (the clients' clock: what a press on the console"
                        + " waits): p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d)%n",
                answered[0] / 1e6, answered[1] / 1e6, answered[2] / 1e6, answered[3]);
        out.printf(Locale.ROOT, "    %d previews and %d statuses polled; %d previews and %d statuses pushed%n",
                clients.polled.previews, clients.polled.statuses, clients.pushed.previews, clients.pushed.statuses);
        out.println("    CPU ms per second of phase, by thread, and the console threads' system calls:");
        out.println("      no console       " + none.threads().describe(measured));
        out.println("      " + CONSOLES + " polling (old) " + polling.threads().describe(measured) + String.format(Locale.ROOT,
                "; the clients' own process %.1f", clients.polled.cpuNanos / 1e6 / measured));
        out.println("      " + CONSOLES + " on sockets    " + sockets.threads().describe(measured) + String.format(Locale.ROOT,
                "; the clients' own process %.1f", clients.pushed.cpuNanos / 1e6 / measured));
        out.printf(Locale.ROOT, "    the consoles' cost in the show's process (console server + preview JPEG, ms/s),"
                        + " sockets/polling: %.3fx; their system calls: %.3fx%n",
                sockets.threads().consoleMillis() / polling.threads().consoleMillis(),
                sockets.threads().consoleCalls() / (double) polling.threads().consoleCalls());
    }

    private static void compare(PrintStream out, long[] none, long[] polled, long[] pushed) {
        out.println(line("    no console", none));
        out.println(line("    " + CONSOLES + " polling (old page)", polled));
        out.println(line("    " + CONSOLES + " on sockets", pushed));
        out.printf(Locale.ROOT, "      polling/none: mean %.3fx, p50 %.3fx, p99 %.3fx%n",
                mean(polled) / mean(none), percentile(polled, 50) / (double) percentile(none, 50),
                percentile(polled, 99) / (double) percentile(none, 99));
        out.printf(Locale.ROOT, "      consoles/none (sockets, the page now): mean %.3fx, p50 %.3fx, p99 %.3fx"
                        + " (target: at most 1.05x)%n",
                mean(pushed) / mean(none), percentile(pushed, 50) / (double) percentile(none, 50),
                percentile(pushed, 99) / (double) percentile(none, 99));
    }

    /** What one condition's phases collect: frame times, render-thread CPU per frame, CPU by thread. */
    private record Condition(Samples wall, Samples cpu, ThreadCpu threads) {

        static Condition recorded() {
            return new Condition(new Samples(), new Samples(), new ThreadCpu());
        }

        /** A warm-up phase's: frames not kept, its CPU thrown away. */
        static Condition unrecorded() {
            return new Condition(null, null, new ThreadCpu());
        }

        boolean isRecorded() {
            return wall != null;
        }
    }

    /**
     * One round of phases: none, three polling, a quiet gap, three on sockets, a quiet gap; each
     * phase's frames and CPU go to its {@link Condition}. The main thread's.
     */
    private record Rounds(FrameClock clock, ClientsProcess clients, long phaseMillis) {

        void play(Condition none, Condition polling, Condition sockets) throws IOException, InterruptedException {
            clock.collectInto(none.wall(), none.cpu());
            none.threads().begin();
            Thread.sleep(phaseMillis);
            none.threads().end();
            clock.collectInto(null, null);
            clock.collectInto(polling.wall(), polling.cpu());
            clients.run("poll", phaseMillis, polling.threads(), polling.isRecorded() ? clients.polled : null);
            clock.collectInto(null, null);
            Thread.sleep(QUIET_MILLIS);
            clock.collectInto(sockets.wall(), sockets.cpu());
            clients.run("push", phaseMillis, sockets.threads(), sockets.isRecorded() ? clients.pushed : null);
            clock.collectInto(null, null);
            Thread.sleep(QUIET_MILLIS);
        }
    }

    /** Per-frame values of one condition, in a list made once (no boxing on the render thread). */
    private static final class Samples {
        private final long[] values = new long[MAX_FRAMES];
        private int count;

        /** Render thread. */
        void add(long value) {
            if (count < values.length) {
                values[count++] = value;
            }
        }

        /** Main thread, after the render thread stopped. */
        long[] sorted() {
            long[] a = Arrays.copyOf(values, count);
            Arrays.sort(a);
            return a;
        }
    }

    /**
     * Render thread: at each frame's end (after glFinish), the wall-clock interval since the last
     * and the render thread's CPU time over it, into the samples collecting.
     */
    private static final class FrameClock implements FrameListener {
        private static final java.lang.management.ThreadMXBean THREADS =
                java.lang.management.ManagementFactory.getThreadMXBean();
        private Samples wall;
        private Samples cpu;
        private long last;
        private long lastCpu;

        /** Main thread: start collecting (or stop: nulls); the first interval after is dropped. */
        void collectInto(Samples wall, Samples cpu) {
            synchronized (this) {
                this.wall = wall;
                this.cpu = cpu;
                last = 0;
            }
        }

        @Override
        public void onFrame(FrameInfo frame, ParameterSnapshot parameters, Framebuffer image) {
            glFinish();
            long now = System.nanoTime();
            long nowCpu = THREADS.getCurrentThreadCpuTime();
            synchronized (this) {
                if (wall != null && last != 0) {
                    wall.add(now - last);
                    cpu.add(nowCpu - lastCpu);
                }
                last = now;
                lastCpu = nowCpu;
            }
        }
    }

    private static double mean(long[] a) {
        return Arrays.stream(a).average().orElse(Double.NaN);
    }

    private static long percentile(long[] a, double p) {
        return a.length == 0 ? 0 : a[Math.min(a.length - 1, (int) Math.ceil(p / 100 * a.length) - 1)];
    }

    private static String line(String what, long[] a) {
        return String.format(Locale.ROOT, "%-26s mean %8.1f us  p50 %8.1f us  p99 %8.1f us  (%d frames)", what,
                mean(a) / 1e3, percentile(a, 50) / 1e3, percentile(a, 99) / 1e3, a.length);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
