package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --venue FILE}: the venue's outputs show the frames; a broken venue file refuses the start in one line. */
class VenueRunTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");

    @TempDir
    Path temp;

    private record Outcome(int exitCode, String out, String err) {
        String errorLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    private static Outcome vernissage(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private Path venue(String json) throws Exception {
        Path file = temp.resolve("venue.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void aHeadlessRunPlaysOnTheVenuesOffscreenOutputs() throws Exception {
        Path file = venue("""
                {"outputs": [
                  {"name": "left", "offscreen": {"width": 48, "height": 36}, "region": {"width": 0.6},
                   "blend": {"right": 0.333}},
                  {"name": "right", "offscreen": {"width": 48, "height": 36}, "region": {"x": 0.4, "width": 0.6},
                   "corners": [[0.05, 0], [1, 0], [1, 1], [0, 1]], "blend": {"left": 0.333}}]}
                """);
        Outcome outcome = vernissage("run", TIDEWATER.toString(), "--headless", "--size", "64x36", "--frames", "3",
                "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0", "--venue", file.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("venue " + file + " (2 outputs, OSC /vernissage/output/N/...)"), outcome.out());
        assertTrue(outcome.out().contains("venue " + file + ": saved 0 times"), outcome.out());
    }

    @Test
    void aBrokenVenueFileRefusesTheStartNamingFileAndField() throws Exception {
        Path file = venue("{\"outputs\": [{\"offscreen\": {\"width\": 8, \"height\": 8}, \"blend\": {\"gamma\": 9}}]}");
        Outcome outcome = vernissage("run", TIDEWATER.toString(), "--headless", "--frames", "1", "--osc-port", "0",
                "--osc-host", "127.0.0.1", "--venue", file.toString());
        assertEquals(Main.EXIT_FAILURE, outcome.exitCode());
        assertFalse(outcome.err().contains("\tat "), outcome.err());
        assertTrue(outcome.errorLine().contains(file + ": outputs[0].blend.gamma: expected a number from 0.5 to 5.0"),
                outcome.errorLine());
        assertFalse(outcome.out().contains("playing"), "nothing played: " + outcome.out());
    }

    @Test
    void aWindowInAHeadlessRunIsNamed() throws Exception {
        Path file = venue("{\"outputs\": [{\"window\": {\"x\": 0, \"y\": 0, \"width\": 64, \"height\": 36}}]}");
        Outcome outcome = vernissage("run", TIDEWATER.toString(), "--headless", "--frames", "1", "--osc-port", "0",
                "--osc-host", "127.0.0.1", "--venue", file.toString());
        assertEquals(Main.EXIT_FAILURE, outcome.exitCode());
        assertTrue(outcome.errorLine().contains(file + ": outputs[0]: expected an \"offscreen\" output in a run"
                + " without a display"), outcome.errorLine());
    }
}
