package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vernissage run --venue FILE} with two windows, on Xvfb (installed by
 * {@code scripts/test-setup.sh}; started here on a display it picks itself), in a child JVM whose
 * {@code DISPLAY} names it: the run renders in its hidden window, the venue's two windows share it,
 * the frames are played and the run closes them cleanly. Skipped only where no Xvfb binary exists.
 */
class VenueWindowsRunTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");

    @TempDir
    Path temp;

    @Test
    void aRunWithAVenueOfTwoWindowsPlaysOnAnXServer() throws Exception {
        Path xvfb = Path.of("/usr/bin/Xvfb");
        Assumptions.assumeTrue(Files.isExecutable(xvfb), "no Xvfb here (scripts/test-setup.sh installs it)");
        Path venue = temp.resolve("venue.json");
        Files.writeString(venue, """
                {"outputs": [
                  {"name": "left", "window": {"x": 0, "y": 0, "width": 96, "height": 54},
                   "region": {"width": 0.6}, "blend": {"right": 0.333}},
                  {"name": "right", "window": {"x": 100, "y": 0, "width": 96, "height": 54},
                   "region": {"x": 0.4, "width": 0.6}, "blend": {"left": 0.333}, "testCard": true}]}
                """);
        Process server = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "320x240x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String display = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertTrue(display != null && display.strip().matches("\\d+"), "Xvfb named its display: " + display);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (argument.startsWith("--") || argument.startsWith("-Dorg.lwjgl")) {
                    command.add(argument);
                }
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                    TIDEWATER.toString(), "--size", "64x36", "--frames", "5", "--fps", "0", "--osc-host", "127.0.0.1",
                    "--osc-port", "0", "--venue", venue.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DISPLAY", ":" + display.strip());
            builder.environment().remove("WAYLAND_DISPLAY");
            Process run = builder.start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the run finished");
            assertEquals(0, run.exitValue(), output);
            assertTrue(output.contains("hidden window (the venue's windows share its context)"), output);
            assertTrue(output.contains("venue " + venue + " (2 outputs"), output);
            assertTrue(output.contains("vernissage: frames 5, "), output);
            assertTrue(output.contains("dropped 0"), output);
        } finally {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
