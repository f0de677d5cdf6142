package org.vernissage.bench.console;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.vernissage.app.ArtworkRun;
import org.vernissage.app.ConsoleOptions;
import org.vernissage.app.FrameSize;
import org.vernissage.app.RunOptions;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.Framebuffer;

/**
 * What the web console's live preview costs the show: the frame time of Tidewater headless
 * (unpaced, so that any CPU the consoles take shows as longer frames), with three consoles
 * connected and polling as the page does (status twice a second, preview.png three times a second,
 * each console on its own thread and keep-alive HTTP connection) against none, in the same run: phases of
 * {@code seconds} alternate none / three, {@code pairs} times, after a warm-up. The run has
 * {@code --console} throughout (its preview is made four times a second whether anyone looks or not),
 * so the difference is what looking costs: HTTP, the status JSON, the PNG bytes sent.
 *
 * <p>Frame time: the interval between the ends of successive frames, each finished with glFinish
 * (llvmpipe does its work in the finish). Reported per condition: mean, p50, p99 of every frame of
 * its phases; the ratio three/none of the means and of the p50s.
 *
 * <p>Run: {@code bench/run-console-preview.sh [WIDTHxHEIGHT] [seconds] [pairs]}. Its main thread
 * drives the phases; the render thread and the three console threads are its own.
 */
public final class ConsolePreviewCost {

    private static final int CONSOLES = 3;
    private static final long STATUS_EVERY_MILLIS = 500;
    private static final long PREVIEW_EVERY_MILLIS = 333;

    private ConsolePreviewCost() {
    }

    public static void main(String[] args) throws Exception {
        FrameSize size = FrameSize.parse(args.length > 0 ? args[0] : "160x90");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path artwork = Path.of(System.getProperty("vernissage.artwork", "artworks/tidewater"));
        Path tokenFile = Files.createTempFile("vernissage-bench-console", ".token");
        String token = "bench-console-token-0123456789";
        Files.writeString(tokenFile, token + "\n");
        int port = freePort();
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "console preview cost: tidewater %s headless unpaced, %d consoles (status every %d ms,"
                        + " preview.png every %d ms) vs none, %d x (%d s none + %d s consoles), %d cores, %s%n", size,
                CONSOLES, STATUS_EVERY_MILLIS, PREVIEW_EVERY_MILLIS, pairs, seconds, seconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));

        FrameClock clock = new FrameClock();
        RunOptions options = RunOptions.defaults(artwork).withSize(size).withOsc("127.0.0.1", 0)
                .withFramesPerSecond(0).withConsole(new ConsoleOptions(port, "127.0.0.1", Optional.of(tokenFile)));
        CompletableFuture<ArtworkRun> started = new CompletableFuture<>();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        Thread render = new Thread(() -> {
            try {
                try (ArtworkRun run = ArtworkRun.prepare(options, List.of(clock),
                        new PrintStream(PrintStream.nullOutputStream()))) {
                    started.complete(run);
                    run.renderUntilDone();
                }
                finished.complete(null);
            } catch (Throwable t) {
                started.completeExceptionally(t);
                finished.completeExceptionally(t);
            }
        }, "bench-render");
        render.start();
        ArtworkRun run = started.get(30, TimeUnit.SECONDS);
        ThreadCpu cpuNone = new ThreadCpu();
        ThreadCpu cpuThree = new ThreadCpu();
        List<Long> none = new ArrayList<>();
        List<Long> three = new ArrayList<>();
        AtomicLong previews = new AtomicLong();
        AtomicLong statuses = new AtomicLong();
        try {
            clock.collectInto(null);
            Thread.sleep(2000); // warm-up: JIT, shader, first previews
            consoles(port, token, 1000, previews, statuses, new ThreadCpu()); // warm the HTTP path once
            for (int pair = 0; pair < pairs; pair++) {
                clock.collectInto(none);
                cpuNone.begin();
                Thread.sleep(seconds * 1000L);
                cpuNone.end();
                clock.collectInto(null);
                clock.collectInto(three);
                consoles(port, token, seconds * 1000L, previews, statuses, cpuThree);
                clock.collectInto(null);
            }
        } finally {
            run.requestStop();
            finished.get(30, TimeUnit.SECONDS);
            Files.deleteIfExists(tokenFile);
        }
        long[] a = sorted(none);
        long[] b = sorted(three);
        out.println(line("  no console polling", a));
        out.println(line("  " + CONSOLES + " consoles polling", b));
        out.printf(Locale.ROOT, "    consoles/none: mean %.3fx, p50 %.3fx, p99 %.3fx (target: at most 1.05x);"
                        + " %d previews and %d status answers fetched%n", mean(b) / mean(a),
                percentile(b, 50) / (double) percentile(a, 50), percentile(b, 99) / (double) percentile(a, 99),
                previews.get(), statuses.get());
        out.println("    CPU ms per second of phase, by thread: no console polling " + cpuNone.describe(pairs * seconds));
        out.println("                                           " + CONSOLES + " consoles polling "
                + cpuThree.describe(pairs * seconds));
    }

    /** CPU time of the JVM's threads over phases, grouped by what the thread does. Main thread. */
    private static final class ThreadCpu {
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private final java.util.Map<Long, Long> start = new java.util.HashMap<>();
        private final java.util.Map<String, Long> nanos = new java.util.TreeMap<>();

        void begin() {
            start.clear();
            for (long id : threads.getAllThreadIds()) {
                start.put(id, threads.getThreadCpuTime(id));
            }
        }

        void end() {
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu < 0) {
                    continue;
                }
                nanos.merge(group(info.getThreadName()), cpu - start.getOrDefault(info.getThreadId(), 0L), Long::sum);
            }
        }

        private static String group(String name) {
            if (name.equals("bench-render")) {
                return "render";
            }
            if (name.startsWith("vernissage-console")) {
                return "console server";
            }
            if (name.startsWith("vernissage-preview")) {
                return "preview PNG";
            }
            if (name.startsWith("bench-console")) {
                return "console clients (bench)";
            }
            return "other";
        }

        String describe(int seconds) {
            StringBuilder line = new StringBuilder();
            nanos.forEach((group, n) -> line.append(String.format(Locale.ROOT, "%s %.1f, ", group, n / 1e6 / seconds)));
            return line.length() == 0 ? "" : line.substring(0, line.length() - 2);
        }
    }

    /** Three consoles polling for {@code millis}, each on its own thread and client; returns when they stop. */
    private static void consoles(int port, String token, long millis, AtomicLong previews, AtomicLong statuses,
                                 ThreadCpu cpu) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        cpu.begin();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CONSOLES; c++) {
            Thread console = new Thread(() -> poll(port, token, stop, previews, statuses), "bench-console-" + c);
            console.setDaemon(true);
            console.start();
            threads.add(console);
        }
        Thread.sleep(millis);
        cpu.end(); // before the clients stop: a thread that ended has no CPU time to read
        stop.set(true);
        for (Thread t : threads) {
            t.join(5000);
        }
    }

    /**
     * One console: a keep-alive HTTP/1.1 connection, as a browser keeps one, written and read by
     * hand on a blocking socket (the JDK's HttpClient costs this process far more CPU than a
     * browser on the technician's own machine would cost the show's).
     */
    private static void poll(int port, String token, AtomicBoolean stop, AtomicLong previews, AtomicLong statuses) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.setTcpNoDelay(true);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                    socket.getInputStream(), 65536));
            byte[] status = request("/api/status", token);
            byte[] preview = request("/api/preview.png", token);
            long start = System.nanoTime();
            long nextStatus = start;
            long nextPreview = start + PREVIEW_EVERY_MILLIS * 500_000L; // offset, as two page timers are
            while (!stop.get()) {
                long now = System.nanoTime();
                if (now >= nextStatus) {
                    if (exchange(out, in, status) == 200) {
                        statuses.incrementAndGet();
                    }
                    nextStatus += STATUS_EVERY_MILLIS * 1_000_000L;
                }
                if (now >= nextPreview) {
                    if (exchange(out, in, preview) == 200) {
                        previews.incrementAndGet();
                    }
                    nextPreview += PREVIEW_EVERY_MILLIS * 1_000_000L;
                }
                Thread.sleep(5);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("a console failed: " + e, e);
        }
    }

    private static byte[] request(String path, String token) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nConnection: keep-alive\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Sends one request and reads its whole response; returns the status code. */
    private static int exchange(java.io.OutputStream out, java.io.DataInputStream in, byte[] request)
            throws IOException {
        out.write(request);
        out.flush();
        StringBuilder head = new StringBuilder();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the console server closed the connection");
            }
            head.append((char) b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString();
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.skipNBytes(length);
        return Integer.parseInt(text.substring(9, 12));
    }

    /** Render thread: each frame's end (after glFinish), the interval since the last into the list collecting. */
    private static final class FrameClock implements FrameListener {
        private volatile List<Long> into;
        private long last;

        /** Main thread: start collecting into {@code list}, or stop (null); the first interval after is dropped. */
        void collectInto(List<Long> list) {
            synchronized (this) {
                into = list;
                last = 0;
            }
        }

        @Override
        public void onFrame(FrameInfo frame, ParameterSnapshot parameters, Framebuffer image) {
            glFinish();
            long now = System.nanoTime();
            synchronized (this) {
                if (into != null && last != 0) {
                    into.add(now - last);
                }
                last = now;
            }
        }
    }

    private static long[] sorted(List<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
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
