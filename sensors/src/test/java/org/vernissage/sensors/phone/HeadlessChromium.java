package org.vernissage.sensors.phone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium (the Debian package's {@code /usr/bin/chromium}) started for one test with
 * a fresh profile and a DevTools port of its own choosing (read back from the profile's
 * {@code DevToolsActivePort}), and killed with every process it started when closed.
 *
 * <p>Used from the test thread only; owned by the test that launched it, which must close it
 * whatever happens (its JUnit {@code @AfterEach}).
 */
public final class HeadlessChromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final String PROFILE = "profile";
    private static final String LOG = "chromium.log";

    private final Process process;
    private final Thread shutdownHook;
    private final Path folder;
    private final Path log;
    private final Duration timeout;
    private final int port;

    private HeadlessChromium(Process process, Thread shutdownHook, Path folder, Duration timeout) throws Exception {
        this.process = process;
        this.shutdownHook = shutdownHook;
        this.folder = folder;
        this.log = folder.resolve(LOG);
        this.timeout = timeout;
        this.port = awaitDevToolsPort(folder.resolve(PROFILE).resolve("DevToolsActivePort"));
    }

    /**
     * Starts Chromium on about:blank with its profile in {@code folder}/profile and its output in
     * {@code folder}/chromium.log, and waits (at most {@code timeout}) until its DevTools port is open.
     * Fails, never skips, where Chromium is not installed: the test suite's setup installs it.
     */
    public static HeadlessChromium launch(Path folder, Duration timeout) throws Exception {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new AssertionError("no Chromium at " + EXECUTABLE
                    + ": run scripts/test-setup.sh (it installs the Debian package chromium)");
        }
        Path profile = Files.createDirectories(folder.resolve(PROFILE));
        Path log = folder.resolve(LOG);
        ProcessBuilder builder = new ProcessBuilder(EXECUTABLE.toString(),
                "--headless=new", "--no-sandbox", "--disable-gpu",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                // Offline and quiet: no update checks, sync or first-run screens (see FACTS.md).
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps",
                // The page's 33 ms tick must run at its rate although no one looks at the screen.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Everything it writes stays in the test's folder: it would write to ~/.config and put its
        // singleton socket in /tmp, and a killed browser cleans up neither.
        builder.environment().put("XDG_CONFIG_HOME", Files.createDirectories(folder.resolve("config")).toString());
        builder.environment().put("XDG_CACHE_HOME", Files.createDirectories(folder.resolve("cache")).toString());
        builder.environment().put("TMPDIR", Files.createDirectories(folder.resolve("tmp")).toString());
        Process process = builder.start();
        // Should the JVM end without the test's tear-down (a killed build), the browser still goes.
        Thread hook = new Thread(() -> kill(process, folder, timeout), "test-chromium-kill");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return new HeadlessChromium(process, hook, folder, timeout);
        } catch (Throwable e) {
            close(process, hook, folder, timeout);
            throw e;
        }
    }

    /** The DevTools WebSocket of the browser's first ordinary tab. */
    public URI pageDebuggerUrl(HttpClient http) throws Exception {
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : new ObjectMapper().readTree(list.body())) {
            if ("page".equals(target.path("type").asText()) && target.has("webSocketDebuggerUrl")) {
                return URI.create(target.get("webSocketDebuggerUrl").asText());
            }
        }
        throw new AssertionError("Chromium lists no page target: " + list.body());
    }

    /** Chromium's own output so far (for a failure's message). */
    public String logTail() {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kills the browser and every process it started (renderers, zygotes, utilities, crash handler) at once. */
    @Override
    public void close() {
        close(process, shutdownHook, folder, timeout);
    }

    private static void close(Process process, Thread shutdownHook, Path folder, Duration timeout) {
        kill(process, folder, timeout);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway, and finds nothing left to kill
        }
    }

    private static void kill(Process process, Path folder, Duration timeout) {
        // Take the tree before killing its root: orphans would be re-parented out of reach. The
        // crash handler detaches itself from the tree at start; it is found by this test's folder
        // in its command line (its database lies there), so no other Chromium is touched.
        String ours = folder.toString();
        List<ProcessHandle> tree = Stream.concat(process.descendants(), ProcessHandle.allProcesses()
                        .filter(p -> p.pid() != process.pid() && p.info().commandLine().orElse("").contains(ours)))
                .distinct().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // Polled, not onExit(): for a process not our child, onExit() polls every 300 ms and more.
            while (tree.stream().anyMatch(HeadlessChromium::running) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether a process still runs. A killed browser's orphans stay zombies until init reaps them,
     * which here takes a second or two; a zombie runs nothing and holds no file, so it counts as gone.
     */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // "PID (COMMAND) STATE ...": the command may hold spaces and parentheses, the state follows the last ')'.
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    private int awaitDevToolsPort(Path portFile) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.US_ASCII);
                // Written as "PORT\n/devtools/browser/ID\n"; it may be caught half-written.
                if (lines.size() >= 2 && lines.get(0).matches("\\d+")) {
                    return Integer.parseInt(lines.get(0));
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("Chromium exited (" + process.exitValue() + ") before opening DevTools:\n"
                        + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Chromium opened no DevTools port within " + timeout.toMillis() + " ms:\n"
                        + logTail());
            }
            Thread.sleep(20);
        }
    }
}
