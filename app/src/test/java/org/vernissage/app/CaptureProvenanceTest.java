package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every frame a run captures carries its provenance mark, read back with exiftool: the artwork,
 * its artist, the engine; and for a plain shader, no AI source type.
 */
class CaptureProvenanceTest {

    @TempDir
    Path temp;

    static JsonNode exiftool(Path file) throws Exception {
        Process process = new ProcessBuilder("exiftool", "-json", "-XMP:all", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "exiftool finished");
        assertEquals(0, process.exitValue(), out);
        return new ObjectMapper().readTree(out).get(0);
    }

    @Test
    void aPlainShadersCaptureNamesTheWorkAndTheEngineAndNoAi() throws Exception {
        Path frames = temp.resolve("frames");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", "../artworks/tidewater", "--headless", "--size", "32x18",
            "--frames", "1", "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0", "--capture", frames.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        JsonNode xmp = exiftool(frames.resolve("frame-000000.png"));
        assertEquals("Tidewater", xmp.path("Title").asText());
        assertEquals("Vernissage studio", xmp.path("Creator").asText());
        assertTrue(xmp.path("CreatorTool").asText().startsWith("Vernissage "), xmp.toString());
        assertFalse(xmp.has("DigitalSourceType"), "a plain shader is not AI: " + xmp);
    }

    @Test
    void aNeuralCellularAutomatonsCaptureIsTrainedAlgorithmicMediaNamingItsModelAndCard() throws Exception {
        Path frames = temp.resolve("bloom");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", "../artworks/bloom", "--headless", "--size", "32x18",
            "--frames", "1", "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0", "--capture", frames.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        JsonNode xmp = exiftool(frames.resolve("frame-000000.png"));
        assertEquals("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
                xmp.path("DigitalSourceType").asText());
        String card = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(java.nio.file.Files.readAllBytes(Path.of("..", "artworks", "bloom", "models", "flower.card.json"))));
        assertEquals("flower card sha256:" + card, xmp.path("Models").asText());
    }

    @Test
    void aTrainedMappingsCaptureIsCompositeWithTrainedAlgorithmicMedia() throws Exception {
        Path frames = temp.resolve("handheld");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", "../artworks/handheld", "--headless", "--size", "32x18",
            "--frames", "1", "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0", "--capture", frames.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        JsonNode xmp = exiftool(frames.resolve("frame-000000.png"));
        assertEquals("http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia",
                xmp.path("DigitalSourceType").asText());
        assertTrue(xmp.path("Models").asText().startsWith("look card sha256:"), xmp.toString());
    }
}
