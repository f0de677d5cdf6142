package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vernissage run} plays artworks built on the render graph: the bundled Java piece named by
 * its manifest's {@code "class"}, and a folder whose manifest declares {@code layers}; a class that
 * is not there is one line naming the file and field.
 */
class GraphArtworkRunTest {

    private static final Path AFTERGLOW = Path.of("..", "artworks", "afterglow");

    @TempDir
    Path temp;

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome vernissage(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private static long framesIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("frame-\\d{6}\\.png")).count();
        }
    }

    @Test
    void playsTheBundledJavaPiece() throws IOException {
        Path frames = temp.resolve("frames");
        Outcome outcome = vernissage("run", AFTERGLOW.toString(), "--headless", "--size", "64x36",
                "--frames", "3", "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0",
                "--capture", frames.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(3, framesIn(frames));
    }

    @Test
    void playsAFolderOfLayers() throws IOException {
        Path artwork = Files.createDirectories(temp.resolve("layers"));
        Files.writeString(artwork.resolve("a.frag"), "out vec4 fragColor;\nvoid main() { fragColor = vec4(0.5); }\n");
        Files.writeString(artwork.resolve("b.frag"), "uniform float level;\nout vec4 fragColor;\n"
                + "void main() { fragColor = vec4(level); }\n");
        Files.writeString(artwork.resolve("artwork.json"), """
                {"title": "Layers", "artist": "Test", "year": 2026, "description": "Two layers.",
                 "parameters": [{"name": "level", "type": "float", "min": 0, "max": 1, "default": 0.5}],
                 "layers": [{"name": "a", "shader": "a.frag"}, {"name": "b", "shader": "b.frag", "blend": "add"}],
                 "osc": [{"address": "/b/opacity", "parameter": "b_opacity"}]}
                """);
        Path frames = temp.resolve("layer-frames");
        Outcome outcome = vernissage("run", artwork.toString(), "--headless", "--size", "32x18",
                "--frames", "2", "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0",
                "--capture", frames.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(2, framesIn(frames));
    }

    @Test
    void aMissingClassIsOneLineNamingTheField() throws IOException {
        Path artwork = Files.createDirectories(temp.resolve("missing"));
        Files.writeString(artwork.resolve("artwork.json"), """
                {"title": "Missing", "artist": "Test", "year": 2026, "description": "No class.",
                 "class": "org.vernissage.artworks.Nowhere"}
                """);
        Outcome outcome = vernissage("run", artwork.toString(), "--headless", "--osc-port", "0");
        assertEquals(Main.EXIT_FAILURE, outcome.exitCode());
        String line = outcome.err().lines().findFirst().orElse("");
        assertTrue(line.startsWith("vernissage: ") && line.contains("artwork.json: class: expected the name of a"
                + " public class implementing") && line.contains("\"org.vernissage.artworks.Nowhere\" (not on the"
                + " class path)"), line);
        assertTrue(!outcome.err().contains("\tat "), outcome.err());
    }
}
