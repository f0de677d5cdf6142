package org.vernissage.engine.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real X server for a test: Xvfb (which {@code scripts/test-setup.sh} installs), started on a
 * display number it picks itself ({@code -displayfd}), and child JVMs run with {@code DISPLAY}
 * naming it (GLFW reads the display from the environment, which a running JVM cannot change). The
 * test is skipped only where no Xvfb binary exists.
 *
 * <p>Owned by one test method's thread, which closes it (the server is stopped).
 */
public final class XvfbDisplay implements AutoCloseable {

    private static final Path XVFB = Path.of("/usr/bin/Xvfb");

    private final Process server;
    private final String name;

    private XvfbDisplay(Process server, String name) {
        this.server = server;
        this.name = name;
    }

    /** What a child JVM printed (stdout and stderr together) and how it exited. */
    public record Finished(int exitValue, String output) {
    }

    /** Starts Xvfb with one 320x240 screen; skips the test where there is no Xvfb. */
    public static XvfbDisplay start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(XVFB), "no Xvfb here (scripts/test-setup.sh installs it)");
        Process server = new ProcessBuilder(XVFB.toString(), "-displayfd", "1", "-screen", "0", "320x240x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String display = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        if (display == null || !display.strip().matches("\\d+")) {
            server.destroyForcibly();
            fail("Xvfb did not name its display: " + display);
        }
        return new XvfbDisplay(server, ":" + display.strip());
    }

    /** E.g. ":1". */
    public String name() {
        return name;
    }

    /**
     * Runs {@code mainClass} in a JVM like this one (flags, class path) on this display, with
     * {@code environment} added, and waits for it up to {@code limitSeconds} (fails past it).
     */
    public Finished runJava(String mainClass, List<String> args, Map<String, String> environment, long limitSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(ChildJvm.command());
        command.add(mainClass);
        command.addAll(args);
        // Into a file, not a pipe: a child that hangs is stopped at the limit, and what it said is kept.
        Path log = Files.createTempFile("vernissage-xvfb-child", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("DISPLAY", name);
            builder.environment().remove("WAYLAND_DISPLAY");
            builder.environment().putAll(environment);
            Process child = builder.start();
            boolean ended = child.waitFor(limitSeconds, TimeUnit.SECONDS);
            if (!ended) {
                child.destroyForcibly().waitFor();
            }
            String output = Files.readString(log);
            assertTrue(ended, mainClass + " finished within " + limitSeconds + " s; it said:\n" + output);
            return new Finished(child.exitValue(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(5, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }
}
