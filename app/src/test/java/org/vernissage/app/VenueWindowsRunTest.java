package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.testing.XvfbDisplay;

/**
 * {@code vernissage run --venue FILE} with two windows, on Xvfb ({@link XvfbDisplay}), in a child
 * JVM: the run renders in its hidden window, the venue's two windows share it, the frames are played
 * and the run closes them cleanly. Skipped only where no Xvfb binary exists.
 */
class VenueWindowsRunTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");

    @TempDir
    Path temp;

    @Test
    void aRunWithAVenueOfTwoWindowsPlaysOnAnXServer() throws Exception {
        Path venue = temp.resolve("venue.json");
        Files.writeString(venue, """
                {"outputs": [
                  {"name": "left", "window": {"x": 0, "y": 0, "width": 96, "height": 54},
                   "region": {"width": 0.6}, "blend": {"right": 0.333}},
                  {"name": "right", "window": {"x": 100, "y": 0, "width": 96, "height": 54},
                   "region": {"x": 0.4, "width": 0.6}, "blend": {"left": 0.333}, "testCard": true}]}
                """);
        try (XvfbDisplay display = XvfbDisplay.start()) {
            XvfbDisplay.Finished run = display.runJava(Main.class.getName(), List.of("run",
                    TIDEWATER.toString(), "--size", "64x36", "--frames", "5", "--fps", "0", "--osc-host", "127.0.0.1",
                    "--osc-port", "0", "--venue", venue.toString()), Map.of(), 60);
            String output = run.output();
            assertEquals(0, run.exitValue(), output);
            assertTrue(output.contains("hidden window (the venue's windows share its context)"), output);
            assertTrue(output.contains("venue " + venue + " (2 outputs"), output);
            assertTrue(output.contains("vernissage: frames 5, "), output);
            assertTrue(output.contains("dropped 0"), output);
        }
    }
}
